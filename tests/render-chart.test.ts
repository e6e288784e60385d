import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChartBlock, DocTree } from '../src/compose/doctree';
import { renderDocx } from '../src/render/docx';
import { loadRenderResources, type RenderResources } from '../src/render/resources-node';
import { treeFor } from './fixtures/findings-trees';

let res: RenderResources;
beforeAll(async () => {
  res = await loadRenderResources();
});

/** The tree with its chart's labels and values replaced. */
function withChart(tree: DocTree, labels: string[], values: number[]): DocTree {
  return { ...tree, blocks: tree.blocks.map((b) => (b.kind === 'chart' ? ({ ...b, labels, values, description: labels.map((l, i) => `${l}: ${values[i]}`).join('; ') } satisfies ChartBlock) : b)) };
}

describe('the DOCX chart', () => {
  it('is a native bar chart with the labels and values in order, top to bottom, in the template colour', async () => {
    const tree = treeFor('situation', { sections: ['attacks'] });
    expect(tree.blocks.some((b) => b.kind === 'chart')).toBe(true);
    // Values of different sizes, so that a mix-up of order would show (strikes per day by attacker).
    const labels = ['14 Mar 2026 · Kastrava', '15 Mar 2026 · Veloria', '16 Mar 2026 · Kastrava'];
    const files = unzipSync(await renderDocx(withChart(tree, labels, [42, 3, 6]), res));
    const names = Object.keys(files);
    // No picture: the chart is a chart part the document points to, with its data beside it.
    expect(names.filter((n) => n.startsWith('word/media/'))).toEqual([]);
    const chart = strFromU8(files['word/charts/chart1.xml']!);
    expect(chart).toMatch(/<c:barChart>[\s\S]*<c:barDir val="bar"\/>/);
    const cats = [...chart.matchAll(/<c:cat>[\s\S]*?<\/c:cat>/g)][0]![0];
    expect([...cats.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1])).toEqual(labels);
    const vals = [...chart.matchAll(/<c:val>[\s\S]*?<\/c:val>/g)][0]![0];
    expect([...vals.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual([42, 3, 6]);
    // Word puts a bar chart's first category at the bottom: reversed, the first label is at the top.
    expect(chart).toMatch(/<c:catAx>[\s\S]*<c:orientation val="maxMin"\/>/);
    expect(chart).toContain(`<a:srgbClr val="${tree.style.chartBar.slice(1).toUpperCase()}"/>`);
    // Values are written at the bars' ends.
    expect(chart).toMatch(/<c:dLbls>[\s\S]*<c:showVal val="1"\/>/);
    const document = strFromU8(files['word/document.xml']!);
    const rel = /<c:chart [^>]*r:id="([^"]+)"/.exec(document)?.[1];
    expect(strFromU8(files['word/_rels/document.xml.rels']!)).toMatch(new RegExp(`Id="${rel}"[^>]*Target="charts/chart1.xml"`));
    expect(document).toContain(`descr="${labels[0]}: 42;`);
  });

  it('leaves out the chart writer and its part when there is no chart', async () => {
    const tree = treeFor('situation', { sections: ['positions'] });
    expect(tree.blocks.some((b) => b.kind === 'chart')).toBe(false);
    const names = Object.keys(unzipSync(await renderDocx(tree, res)));
    expect(names.some((n) => n.startsWith('word/charts/'))).toBe(false);
  });
});
