/**
 * DocTree → self-contained HTML for the app's live preview: inline CSS, inline SVG chart, no
 * scripts and no external resources. Pages are drawn as sheets (split at the tree's page
 * breaks, and after a cover), with header and footer; citations link to their notes.
 * Pure and DOM-free, so the renderer process can import it.
 */
import { assertNever, citationOrder, contentsEntries, ENDNOTES_ID, fillPageSlot, noteText, type ChartBlock, type DocTree, type Inline, type PageSlots, type TableBlock } from '../compose/doctree';

export interface HtmlOptions {
  /** Only the sheets (a `<div>`), with the `<style>` first, for embedding in a page. Default: a whole document. */
  readonly fragment?: boolean;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pt = (n: number): string => `${Math.round(n * 100) / 100}pt`;
/** A font family name as a CSS string: only letters, digits, spaces, dots and hyphens survive. */
const cssFamily = (s: string): string => `'${s.replace(/[^\p{L}\p{N} ._-]/gu, '')}'`;
/** Template colours are validated as #rrggbb; anything else falls back to black. */
const cssColour = (s: string): string => (/^#[0-9a-fA-F]{6}$/.test(s) ? s : '#000000');

/** First appearances of notes (the note itself) by citation run; later ones refer back. */
let firstUse = new Map<Inline, boolean[]>();

function inline(runs: readonly Inline[] | null): string {
  return (runs ?? [])
    .map((r) => {
      if (r.kind === 'cite') {
        const first = firstUse.get(r) ?? [];
        return `<sup class="cite">${r.notes.map((n, i) => `<a href="#note-${n}"${first[i] ? ` id="ref-${n}"` : ''}>${n}</a>`).join(',')}</sup>`;
      }
      let s = esc(r.text);
      if (r.italic) s = `<em>${s}</em>`;
      if (r.bold) s = `<strong>${s}</strong>`;
      return s;
    })
    .join('');
}

/** Notes whose first appearance is in these runs (footnotes print on that sheet). */
const citedIn = (runs: readonly Inline[] | null): number[] => (runs ?? []).flatMap((r) => (r.kind === 'cite' ? r.notes.filter((_, i) => firstUse.get(r)?.[i]) : []));

function table(b: TableBlock): string {
  const cols = b.columns.map((c) => `<col style="width:${(c.width * 100).toFixed(2)}%">`).join('');
  const head = b.columns.map((c) => `<th class="${c.align}">${esc(c.header)}</th>`).join('');
  const body = b.rows
    .map((r, i) => `<tr${b.totalRow && i === b.rows.length - 1 ? ' class="total"' : ''}>${r.map((c, j) => `<td class="${b.columns[j].align}">${inline(c)}</td>`).join('')}</tr>`)
    .join('');
  return `${b.caption ? `<p class="caption">${inline(b.caption)}</p>` : ''}<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function chart(b: ChartBlock, barColour: string, textColour: string): string {
  const rowH = 22;
  const labelW = 120;
  const w = 480;
  const max = Math.max(1, ...b.values);
  const plotW = w - labelW - 50;
  const h = b.values.length * rowH + 6;
  const bars = b.labels
    .map((l, i) => {
      const bw = Math.max(1, (b.values[i] / max) * plotW);
      const y = i * rowH + 3;
      return `<text x="0" y="${y + 13}" fill="${textColour}">${esc(l)}</text><rect x="${labelW}" y="${y}" width="${bw.toFixed(1)}" height="16" fill="${barColour}"/><text x="${(labelW + bw + 5).toFixed(1)}" y="${y + 13}" font-weight="bold" fill="${textColour}">${b.values[i]}</text>`;
    })
    .join('');
  return `<figure class="chart"><figcaption>${esc(b.title)}</figcaption><svg role="img" aria-label="${esc(`${b.title}: ${b.description}`)}" viewBox="0 0 ${w} ${h}" width="100%" style="max-width:${w}px" font-size="11">${bars}<line x1="${labelW}" y1="0" x2="${labelW}" y2="${h}" stroke="#888" stroke-width="1"/></svg></figure>`;
}

export function renderHtml(tree: DocTree, options: HtmlOptions = {}): string {
  // Every template value that reaches CSS is re-checked here: colours as #rrggbb, sizes as numbers.
  const raw = tree.style;
  const num = (n: number) => (Number.isFinite(n) ? n : 10);
  const st = {
    ...raw,
    ...Object.fromEntries((['text', 'accent', 'muted', 'rule', 'tableHeaderFill', 'tableHeaderText', 'tableStripe', 'marking', 'chartBar'] as const).map((k) => [k, cssColour(raw[k])])),
    ...Object.fromEntries((['bodySize', 'smallSize', 'noteSize', 'titleSize', 'subtitleSize', 'h1Size', 'h2Size', 'h3Size', 'lineHeight', 'paragraphSpacing'] as const).map((k) => [k, num(raw[k])])),
  } as typeof raw;
  const p = tree.page;
  const footnotes = tree.citations === 'footnotes';
  const headings = contentsEntries(tree);
  firstUse = citationOrder(tree);

  // Split into sheets at page breaks (and after a cover).
  const sheets: { html: string[]; notes: number[] }[] = [{ html: [], notes: [] }];
  const cur = () => sheets[sheets.length - 1];
  const tb = tree.titleBlock;
  const meta = [tb.kindLabel, tb.dateText, tb.author].filter(Boolean).map(esc).join(' · ');
  cur().html.push(
    `<header class="titleblock${tb.layout === 'cover' ? ' cover' : ''}">${tb.marking ? `<div class="marking">${esc(tb.marking)}</div>` : ''}${tb.draft ? `<div class="draft">${esc(tb.draft)}</div>` : ''}<h1 class="title">${esc(tb.title)}</h1>${tb.subtitle ? `<p class="subtitle">${esc(tb.subtitle)}</p>` : ''}<p class="meta">${meta}</p></header>`,
  );
  if (tb.layout === 'cover') sheets.push({ html: [], notes: [] });
  for (const b of tree.blocks) {
    const s = cur();
    switch (b.kind) {
      case 'heading':
        s.html.push(`<h${b.level + 1} id="${esc(b.id)}">${esc(b.text)}</h${b.level + 1}>`);
        break;
      case 'paragraph':
        s.html.push(`<p class="${b.style}">${inline(b.runs)}</p>`);
        s.notes.push(...citedIn(b.runs));
        break;
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        s.html.push(`<${tag}>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${tag}>`);
        s.notes.push(...b.items.flatMap(citedIn));
        break;
      }
      case 'table':
        s.html.push(table(b));
        s.notes.push(...citedIn(b.caption), ...b.rows.flatMap((r) => r.flatMap(citedIn)));
        break;
      case 'chart':
        s.html.push(chart(b, st.chartBar, st.text));
        break;
      case 'toc':
        s.html.push(
          `<nav class="toc"><h2>${esc(b.title)}</h2><ol>${headings.map((h) => `<li class="l${h.level}"><a href="#${esc(h.id)}">${esc(h.text)}</a></li>`).join('')}</ol></nav>`,
        );
        break;
      case 'pageBreak':
        if (s.html.length) sheets.push({ html: [], notes: [] });
        break;
      default:
        assertNever(b);
    }
  }
  const noteItem = (n: number) => {
    const note = tree.notes[n - 1];
    return note ? `<li id="note-${n}" value="${n}">${esc(noteText(note, tree.sources))} <a class="back" href="#ref-${n}" aria-label="back to text">↩</a></li>` : '';
  };
  if (!footnotes && tree.notes.length) {
    cur().html.push(`<h2 id="${ENDNOTES_ID}">${esc(tree.notesTitle)}</h2><ol class="endnotes">${tree.notes.map((n) => noteItem(n.n)).join('')}</ol>`);
  }

  const slots = (s: PageSlots, page: number, pages: number, cls: string) =>
    `<div class="${cls}">${(['left', 'center', 'right'] as const)
      .map((k) => {
        const text = fillPageSlot(s[k], page, pages);
        return `<span class="${k}${text && text === tb.marking ? ' mark' : ''}">${esc(text)}</span>`;
      })
      .join('')}</div>`;
  const total = sheets.length;
  const body = sheets
    .map(
      (s, i) =>
        `<section class="sheet" aria-label="Page ${i + 1} of ${total}">${slots(tree.header, i + 1, total, 'running head')}<div class="content">${s.html.join('\n')}</div>${
          footnotes && s.notes.length ? `<ol class="footnotes">${s.notes.map(noteItem).join('')}</ol>` : ''
        }${slots(tree.footer, i + 1, total, 'running foot')}</section>`,
    )
    .join('\n');

  const css = `
.bs-doc{background:#e9ebee;padding:24px 0;font-family:${cssFamily(st.fontFamily)},'Liberation Sans',Arial,Helvetica,sans-serif;color:${st.text};font-size:${pt(st.bodySize)};line-height:${st.lineHeight}}
.bs-doc .sheet{box-sizing:border-box;width:${pt(p.width)};min-height:${pt(p.height)};margin:0 auto 24px;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25);padding:${pt(p.margins.top)} ${pt(p.margins.right)} ${pt(p.margins.bottom)} ${pt(p.margins.left)};position:relative;display:flex;flex-direction:column}
.bs-doc .content{flex:1}
.bs-doc .running{position:absolute;left:${pt(p.margins.left)};right:${pt(p.margins.right)};display:flex;font-size:${pt(Math.max(st.noteSize, st.smallSize * 0.9))};color:${st.muted}}
.bs-doc .running span{flex:1}.bs-doc .running .center{text-align:center}.bs-doc .running .right{text-align:right}.bs-doc .running .mark{color:${st.marking};font-weight:bold}
.bs-doc .head{top:${pt(p.margins.top / 2 - 6)}}.bs-doc .foot{bottom:${pt(p.margins.bottom / 2 - 6)}}
.bs-doc .titleblock{margin-bottom:12pt}.bs-doc .titleblock.cover{margin-top:28%}
.bs-doc .draft{display:inline-block;border:1.2pt solid ${cssColour(st.marking)};color:${cssColour(st.marking)};font-weight:bold;font-size:${pt(st.smallSize)};padding:2pt 6pt;margin:0 0 8pt 6pt}
.bs-doc .marking{display:inline-block;background:${st.marking};color:#fff;font-weight:bold;font-size:${pt(st.smallSize)};padding:2pt 6pt;margin-bottom:8pt}
.bs-doc h1.title{font-size:${pt(st.titleSize)};color:${st.accent};margin:0;line-height:1.15}
.bs-doc .subtitle{font-size:${pt(st.subtitleSize)};color:${st.muted};margin:4pt 0 0}
.bs-doc .meta{border-top:1.2pt solid ${st.accent};margin-top:6pt;padding-top:4pt;font-size:${pt(st.smallSize)};color:${st.muted}}
.bs-doc h2{font-size:${pt(st.h1Size)};color:${st.accent};border-bottom:0.6pt solid ${st.rule};padding-bottom:2pt;margin:${pt(st.h1Size * 1.1)} 0 ${pt(st.h1Size * 0.35)}}
.bs-doc h3{font-size:${pt(st.h2Size)};color:${st.accent};margin:${pt(st.h2Size * 0.8)} 0 ${pt(st.h2Size * 0.3)}}
.bs-doc h4{font-size:${pt(st.h3Size)};color:${st.accent};margin:${pt(st.h3Size * 0.8)} 0 ${pt(st.h3Size * 0.3)}}
.bs-doc p{margin:0 0 ${pt(st.paragraphSpacing)}}.bs-doc p.small{font-size:${pt(st.smallSize)};color:${st.muted}}.bs-doc p.lead{font-size:${pt(st.bodySize * 1.12)}}.bs-doc p.quote{margin-left:18pt;font-style:italic;color:${st.muted}}
.bs-doc ul,.bs-doc ol{margin:0 0 ${pt(st.paragraphSpacing)};padding-left:${pt(st.bodySize * 1.4)}}.bs-doc li{margin-bottom:${pt(st.paragraphSpacing * 0.45)}}.bs-doc li::marker{color:${st.accent}}
.bs-doc sup.cite{font-size:62%;line-height:0;color:${st.accent}}.bs-doc sup.cite a{color:inherit;text-decoration:none}
.bs-doc .caption{font-weight:bold;color:${st.accent};font-size:${pt(st.smallSize)};margin:6pt 0 2pt}
.bs-doc table{width:100%;border-collapse:collapse;table-layout:fixed;font-size:${pt(st.smallSize)};margin:0 0 ${pt(st.paragraphSpacing + 2)}}
.bs-doc th{background:${st.tableHeaderFill};color:${st.tableHeaderText};text-align:left;padding:3pt}.bs-doc td{padding:3pt;border-bottom:0.4pt solid ${st.rule};vertical-align:top;overflow-wrap:anywhere}
.bs-doc tbody tr:nth-child(even){background:${st.tableStripe}}.bs-doc tr.total td{font-weight:bold;border-bottom:0.9pt solid ${st.accent}}.bs-doc .right{text-align:right}
.bs-doc figure.chart{margin:6pt 0}.bs-doc figcaption{font-weight:bold;color:${st.accent};font-size:${pt(st.smallSize)};margin-bottom:4pt}
.bs-doc nav.toc ol{list-style:none;padding:0}.bs-doc nav.toc li.l2{padding-left:16pt}.bs-doc nav.toc li.l1{font-weight:bold;margin-top:3pt}.bs-doc nav.toc a{color:inherit;text-decoration:none}
.bs-doc ol.footnotes{border-top:0.5pt solid ${st.muted};margin:8pt 0 0;padding:4pt 0 0 ${pt(st.noteSize * 2.2)};font-size:${pt(st.noteSize)};color:${st.text}}
.bs-doc ol.endnotes{font-size:${pt(st.noteSize)};padding-left:${pt(st.noteSize * 3)}}
.bs-doc ol.footnotes li,.bs-doc ol.endnotes li{margin-bottom:1pt}.bs-doc a.back{text-decoration:none;color:${st.muted}}
@media print{.bs-doc{background:none;padding:0}.bs-doc .sheet{box-shadow:none;margin:0;page-break-after:always}}`;

  const doc = `<div class="bs-doc" lang="${esc(tree.language)}">${body}</div>`;
  if (options.fragment) return `<style>${css}</style>${doc}`;
  return `<!DOCTYPE html>
<html lang="${esc(tree.language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(tb.title)}</title>
<style>html,body{margin:0}${css}</style></head>
<body>${doc}</body></html>`;
}
