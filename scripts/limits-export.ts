/**
 * Export limits: a dossier of at least 500 PDF pages from synthesised data (many articles,
 * attacks, positions, outlook items and people, every fact cited, long quoted sentences and long
 * analyst notes), composed with the `dossier` template and rendered to PDF and DOCX. Prints pages,
 * milliseconds and peak RSS, checks the PDF with `qpdf --check` and counts its pages with
 * `pdfinfo` (poppler).
 *
 *   npx tsx scripts/limits-export.ts [--pages 500] [--out DIR] [--footnotes]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compose } from '../src/compose/compose';
import { loadTemplate } from '../src/compose/templates-node';
import { renderDocx } from '../src/render/docx';
import { renderPdf } from '../src/render/pdf';
import { loadRenderResources } from '../src/render/resources-node';
import { BriefingSchema, type Article, type Briefing, type Findings, type SourceRef } from '../src/model';

const PARTIES = ['Veloria', 'Kastrava', 'Ostmark', 'Lornland'];
const WEAPONS = [
  { type: 'drone', label: 'drones' },
  { type: 'missile', label: 'missiles' },
  { type: 'guided bomb', label: 'guided bombs' },
  { type: 'artillery', label: 'artillery shells' },
] as const;
const KINDS = ['demand', 'offer', 'red-line', 'condition', 'refusal', 'goal', 'accusation'] as const;

/** Invented articles and findings, `n` articles with five long sentences each; every finding cites a real slice. */
export function syntheticDossierData(n: number): { articles: Article[]; findings: Findings } {
  const articles: Article[] = [];
  const f: Findings = { people: [], delegations: [], positions: [], outlook: [], attacks: [] };
  const day = (i: number) => `2026-${String((Math.floor(i / 28) % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  for (let i = 0; i < n; i++) {
    const party = PARTIES[i % PARTIES.length];
    const other = PARTIES[(i + 1) % PARTIES.length];
    const w = WEAPONS[i % WEAPONS.length];
    const lines = [
      `${other} forces launched ${10 + (i % 90)} ${w.label} at the river town of Settlement ${i} overnight on day ${i}, killing ${i % 6} people and injuring ${(i % 9) + 1}, damaging the water works, two schools and a grain depot on the eastern bank, regional officials of district ${i} said in a statement on the following morning.`,
      `${party} demands firm international guarantees for district ${i}, including monitors on both banks of the river and an agreed schedule for the return of displaced families, before any further exchange of prisoners or any talk of a wider ceasefire is agreed.`,
      `Officials from both sides expect the working group on district ${i} to resume its technical talks within ${(i % 4) + 1} weeks, once the mediators have circulated a revised draft of the map annex and the list of crossing points.`,
      `Envoy Delegate ${i} of ${party}, who has led the district ${i} file since the first round, said the question of the river crossings had to be settled before any of the other items on the agenda could be discussed in earnest.`,
      `Analysts at the Institute ${i % 13} note that the figures for district ${i} could not be verified independently, and that earlier reports from the same area had been revised several times.`,
    ];
    const text = lines.join('\n');
    const id = `lim-${i}`;
    articles.push({ id, title: `Report ${i} on district ${i}`, outlet: `Outlet ${i % 17}`, published: day(i), byline: null, text, origin: { kind: 'paste' } });
    const r = (k: number): SourceRef => {
      let start = 0;
      for (let j = 0; j < k; j++) start += lines[j].length + 1;
      return { article: id, sentence: lines[k], start, end: start + lines[k].length };
    };
    f.attacks.push({
      id: `la-${i}`,
      attacker: other,
      location: `Settlement ${i}`,
      when: `day ${i}`,
      date: day(i),
      weapons: [{ type: w.type, count: 10 + (i % 90), label: w.label }],
      killed: i % 6,
      injured: (i % 9) + 1,
      target: i % 3 ? 'water works' : null,
      intercepted: i % 4 ? null : 5,
      aggregate: false,
      sources: [r(0), r(4)],
      confidence: 0.8,
      conflicts: i % 10 ? [] : [{ field: 'killed', values: [{ value: String(i % 6), sources: [r(0)] }, { value: String((i % 6) + 2), sources: [r(4)] }] }],
    });
    f.positions.push({ id: `lp-${i}`, party, kind: KINDS[i % KINDS.length], text: `firm international guarantees for district ${i}, with monitors on both banks and a schedule for the return of displaced families`, speaker: i % 2 ? `Delegate ${i}` : null, sources: [r(1), r(3)], confidence: 0.8, conflicts: [] });
    f.outlook.push({ id: `lo-${i}`, text: `the working group on district ${i} to resume technical talks`, who: 'officials', horizon: `within ${(i % 4) + 1} weeks`, date: i % 3 ? null : day(i + 7), sources: [r(2)], confidence: 0.7, conflicts: [] });
    f.people.push({ id: `lpp-${i}`, name: `Delegate ${i}`, variants: i % 5 ? [] : [`Envoy Delegate ${i}`], roles: ['envoy', `head of the district ${i} file`], party, sources: [r(3), r(1)], confidence: 0.7, conflicts: [] });
  }
  for (let d = 0; d < Math.min(n, 8); d++) {
    const a = articles[d];
    const s = a.text.split('\n')[3];
    const ref: SourceRef = { article: a.id, sentence: s, start: a.text.indexOf(s), end: a.text.indexOf(s) + s.length };
    f.delegations.push({
      id: `ld-${d}`,
      party: PARTIES[d % PARTIES.length],
      venue: `Conference Hall ${d}`,
      date: a.published,
      members: [{ personId: `lpp-${d}`, name: `Delegate ${d}`, role: 'envoy', leads: true, sources: [ref] }],
      sources: [ref],
      confidence: 0.8,
      conflicts: [],
    });
  }
  return { articles, findings: f };
}

/** Long analyst notes: `paras` paragraphs of about 700 characters. */
export function longNotes(paras: number): string {
  const p = (i: number) =>
    `Paragraph ${i + 1}. ` +
    'The analyst records here how the figures were gathered, which sources were preferred where they disagree, and why some reports were left out of the totals. '.repeat(4) +
    'Where a figure rests on a single source it is marked as such in the tables, and every number in this dossier can be traced to the sentence that reported it.';
  return Array.from({ length: paras }, (_, i) => p(i)).join('\n\n');
}

export function limitsBriefing(citations: 'footnotes' | 'endnotes' | null = null, notesParas = 60): Briefing {
  return BriefingSchema.parse({
    title: 'Limits dossier',
    subtitle: 'Synthesised data for the export limits check',
    date: '2026-06-30',
    author: 'Briefsmith limits',
    marking: 'OFFICIAL — SENSITIVE',
    sections: ['bluf', 'delegations', 'positions', 'outlook', 'attacks', 'disagreements', 'notes', 'people', 'timeline', 'sources'],
    templateId: 'dossier',
    notes: longNotes(notesParas),
    options: { citations, language: 'en-GB' },
  });
}

/** About how many articles give one PDF page of the dossier, at scale (measured: 882 articles, 512 pages). */
export const ARTICLES_PER_PAGE = 1.75;

const pdfPages = (pdf: Uint8Array): number => Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(new TextDecoder('latin1').decode(pdf))?.[1] ?? 0);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const target = Number(arg('--pages') ?? 500);
  const footnotes = argv.includes('--footnotes');
  const outDir = arg('--out') ?? mkdtempSync(path.join(tmpdir(), 'bs-limits-'));
  const keep = !!arg('--out');
  mkdirSync(outDir, { recursive: true });
  const template = loadTemplate('dossier');
  const res = await loadRenderResources();
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const timed = async <T>(f: () => T | Promise<T>): Promise<{ value: T; ms: number }> => {
    const t0 = performance.now();
    const value = await f();
    return { value, ms: Math.round(performance.now() - t0) };
  };
  try {
    let n = Math.ceil(target * ARTICLES_PER_PAGE);
    for (let attempt = 0; ; attempt++) {
      const data = syntheticDossierData(n);
      const briefing = limitsBriefing(footnotes ? 'footnotes' : null);
      const composed = await timed(() => compose(briefing, data, template));
      const tree = composed.value;
      let calls = 0;
      let lastDone = -1;
      const progress = (p: { done: number; total: number }) => {
        calls++;
        if (p.done < lastDone) throw new Error(`progress went back from ${lastDone} to ${p.done}`);
        lastDone = p.done;
      };
      const pdf = await timed(() => renderPdf(tree, res, { progress }));
      const pages = pdfPages(pdf.value);
      if (pages < target && attempt < 3) {
        n = Math.ceil((n * target * 1.03) / Math.max(pages, 1));
        process.stderr.write(`limits-export: ${pages} pages from ${data.articles.length} articles; retrying with ${n}\n`);
        continue;
      }
      const pdfCalls = calls;
      calls = 0;
      lastDone = -1;
      const docx = await timed(() => renderDocx(tree, res, { progress }));
      const pdfFile = path.join(outDir, 'limits.pdf');
      const docxFile = path.join(outDir, 'limits.docx');
      writeFileSync(pdfFile, pdf.value);
      writeFileSync(docxFile, docx.value);
      let qpdf = 'ok';
      try {
        execFileSync('qpdf', ['--check', pdfFile], { stdio: 'pipe', maxBuffer: 64 << 20 });
      } catch (e) {
        qpdf = `FAILED: ${String((e as { stdout?: Buffer }).stdout ?? e).split('\n').slice(-4).join(' ')}`;
      }
      const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
      const pdfinfoPages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
      clearInterval(sample);
      const mb = (b: number) => Math.round(b / 1048576);
      console.log(
        JSON.stringify(
          {
            articles: data.articles.length,
            notes: tree.notes.length,
            blocks: tree.blocks.length,
            citations: tree.citations,
            pages: pdfinfoPages,
            compose_ms: composed.ms,
            pdf_ms: pdf.ms,
            pdf_progress_calls: pdfCalls,
            pdf_mb: Math.round((pdf.value.length / 1048576) * 10) / 10,
            docx_ms: docx.ms,
            docx_progress_calls: calls,
            docx_mb: Math.round((docx.value.length / 1048576) * 10) / 10,
            peak_rss_mb: mb(peak),
            qpdf_check: qpdf,
            out: keep ? outDir : '(deleted)',
          },
          null,
          2,
        ),
      );
      if (qpdf !== 'ok' || pdfinfoPages < target) process.exitCode = 1;
      break;
    }
  } finally {
    clearInterval(sample);
    if (!keep) rmSync(outDir, { recursive: true, force: true });
  }
}

if (/limits-export\.ts$/.test(process.argv[1] ?? '') && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
