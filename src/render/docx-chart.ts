/**
 * The DocTree's bar chart as a native Word chart (`c:barChart` in `word/charts/chart1.xml`, its
 * data in an embedded workbook), drawn by Word or LibreOffice from the data at any zoom: the
 * same horizontal bars, labels and values as the PDF draws, in the template's font and colours.
 * Replaces a 300 dpi PNG rasterised in JavaScript, which took about half of a DOCX export's time.
 */
import { ChartRun } from 'docx/charts';
import type { ChartBlock, DocStyle } from '../compose/doctree';

const hex = (c: string) => c.replace('#', '').toUpperCase();
/** Points → the 96-per-inch pixels `docx` sizes drawings in. */
const px = (pt: number) => Math.round((pt * 96) / 72);

/** The chart's printed size in points: a title line, one bar per value, a margin. */
export function chartSizePt(b: ChartBlock, st: DocStyle, widthPt: number): { width: number; height: number } {
  const title = st.smallSize * 3;
  const perBar = st.smallSize * 2.1;
  return { width: widthPt, height: title + b.values.length * perBar + st.smallSize * 1.5 };
}

export function chartRun(b: ChartBlock, st: DocStyle, widthPt: number): ChartRun {
  const font = st.fontFamily;
  const size = chartSizePt(b, st, widthPt);
  const text = { name: font, size: st.smallSize, color: hex(st.text) };
  return new ChartRun({
    type: 'bar',
    title: { text: b.title, font: { name: font, size: st.smallSize, bold: true, color: hex(st.accent) } },
    categories: [...b.labels],
    series: [{ name: b.title, values: [...b.values], color: hex(st.chartBar) }],
    legend: false,
    font: { name: font, color: hex(st.text) },
    // Word draws a bar chart's first category at the bottom: reversed, the bars read top to bottom as in the PDF.
    categoryAxis: { reverseOrder: true, font: text },
    // The values are written at each bar's end, so the value axis and its gridlines would only repeat them.
    valueAxis: { visible: false, gridlines: false, minimum: 0 },
    dataLabels: { value: true, position: 'outsideEnd', font: { ...text, bold: true } },
    gapWidth: 40,
    chartArea: { fill: 'FFFFFF', border: 'none' },
    transformation: { width: px(size.width), height: px(size.height) },
    altText: { name: 'Chart', title: b.title, description: b.description },
  });
}
