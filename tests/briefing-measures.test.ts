/**
 * The measures of issue 11, on each template built from several articles: the bundled samples
 * (imported and extracted as a user would) and an invented set written here. Asserts what a
 * reader meets: notes at most 35 % of the text, the one-pager on one page (pdfinfo), sources
 * named by outlet and headline (never "(untitled)" or a file name), no empty section, a bottom
 * line without "on (" or "(the article)". With UPDATE_SCREENSHOTS=1 the first pages of each
 * template are rendered into docs/pages/ (pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compose, textCharacters } from '../src/compose/compose';
import { plainText, type DocTree } from '../src/compose/doctree';
import { loadTemplate } from '../src/compose/templates-node';
import { extractAll } from '../src/extract';
import { importFiles } from '../src/import';
import { BriefingSchema, type Article, type Findings } from '../src/model';
import { renderPdf } from '../src/render/pdf';
import { loadRenderResources, type RenderResources } from '../src/render/resources-node';

const root = path.resolve(__dirname, '..');
const TEMPLATES = ['bluf', 'situation', 'dossier'] as const;

/** Invented reporting (not real articles): two outlets on one round of talks and a strike. */
const INVENTED = [
  [
    'Veloria and Kastrava resume talks in Port Ellery',
    'Harbour Courier',
    'Published 14 March 2026',
    'PORT ELLERY — Delegations of Veloria and Kastrava met in Port Ellery on Saturday under Ostmark mediation.',
    'The Velorian delegation was led by Foreign Minister Anika Sorell, joined by General Tomas Brede.',
    'The Kastravan side was headed by Deputy Prime Minister Oleg Mironov.',
    'Veloria demands the withdrawal of all Kastravan troops from the Lorn valley before any ceasefire.',
    'Kastrava said it would refuse any deal that leaves the coastal road under Velorian control.',
    'Ostmark officials said the delegations would meet again on Tuesday.',
  ],
  [
    'Drones hit Harwick as Port Ellery talks go on',
    'The Northern Ledger',
    'March 15, 2026',
    'Kastravan forces launched 42 drones at Harwick overnight on Saturday, killing 4 people and injuring 17, the Velorian air force said.',
    'A separate strike with 6 guided bombs hit the rail depot in Calder on Sunday, injuring 5 workers.',
    'Sorell told reporters that a truce on energy sites could begin on Monday.',
    'Kastrava accused Veloria of shelling the border town of Mirsk on Sunday, killing 2 civilians.',
  ],
].map((lines) => lines.join('\n'));

let res: RenderResources;
const sets: Record<string, { articles: Article[]; findings: Findings }> = {};
const dir = mkdtempSync(path.join(os.tmpdir(), 'briefsmith-measures-'));

beforeAll(async () => {
  res = await loadRenderResources();
  const samples = readdirSync(path.join(root, 'assets', 'samples')).filter((f) => f.endsWith('.txt')).map((f) => path.join(root, 'assets', 'samples', f));
  const invented = INVENTED.map((text, i) => {
    const f = path.join(dir, `invented-${i + 1}.txt`);
    writeFileSync(f, text);
    return f;
  });
  for (const [name, files] of [['samples', samples], ['invented', invented]] as const) {
    const imported = await importFiles(files, {});
    const articles = imported.flatMap((r) => (r.result.ok ? [r.result.value] : []));
    sets[name] = { articles, findings: extractAll(articles, {}) };
  }
}, 120_000);

const build = async (set: string, id: (typeof TEMPLATES)[number]) => {
  const t = await loadTemplate(id);
  return { t, tree: compose(BriefingSchema.parse({ title: t.defaults.title, date: '2026-10-16', marking: t.defaults.marking, sections: t.sections, templateId: id, author: 'Analyst' }), sets[set]!, t) };
};

const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
const sectionBodies = (tree: DocTree) => {
  const out: { title: string; blocks: number }[] = [];
  for (const b of tree.blocks)
    if (b.kind === 'heading' && b.level === 1) out.push({ title: b.text, blocks: 0 });
    else if (out.length && b.kind !== 'pageBreak') out[out.length - 1]!.blocks += 1;
  return out;
};

describe.each(['samples', 'invented'])('briefings from %s', (set) => {
  it.each(TEMPLATES)('%s: notes ≤ 35 % of the text, sources named, no empty section, a bottom line that reads', async (id) => {
    const { tree } = await build(set, id);
    const { body, notes } = textCharacters(tree);
    expect(notes / (body + notes)).toBeLessThanOrEqual(0.35);
    for (const s of sectionBodies(tree)) expect(s.blocks, `${id}: section ${s.title} is empty`).toBeGreaterThan(0);
    const sources = tree.sources;
    expect(sources.length).toBe(sets[set]!.articles.length);
    for (const s of sources) {
      expect(s.title, 'every article here opens with its headline').not.toBeNull();
      expect(s.outlet ?? '').not.toMatch(/\.(txt|md|html|docx|pdf)$/i);
      expect(s.outlet, 'every article here names its outlet').not.toBeNull();
    }
    const all = JSON.stringify(tree.blocks);
    expect(all).not.toContain('(untitled)');
    expect(all).not.toMatch(/No analyst notes|as note \d/);
    const bluf = tree.blocks.find((b) => b.kind === 'list');
    const text = bluf && bluf.kind === 'list' ? bluf.items.map(plainText).join(' ') : '';
    expect(text).not.toMatch(/ on \(|\(the article\)|point\(s\)/);
  });

  it.each(TEMPLATES)('%s: PDF within the template page budget (the one-pager on one page)', async (id) => {
    const { t, tree } = await build(set, id);
    const file = path.join(dir, `${set}-${id}.pdf`);
    writeFileSync(file, await renderPdf(tree, res));
    const pages = pdfPages(file);
    if (id === 'bluf') expect(pages).toBe(1);
    if (t.pageBudget) expect(pages).toBeLessThanOrEqual(t.pageBudget);
    if (process.env.UPDATE_SCREENSHOTS === '1' && set === 'samples') {
      const out = path.join(root, 'docs', 'pages');
      // One page at a time, so the names stay `id-N.png` whatever the page count (pdftoppm pads them).
      for (let p = 1; p <= Math.min(pages, id === 'bluf' ? 1 : 2); p++)
        execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(p), '-l', String(p), '-singlefile', file, path.join(out, `${id}-${p}`)]);
    }
  }, 60_000);
});
