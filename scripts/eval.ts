/**
 * `npm run eval`: scores the extractor with the shared scorer (../shared/eval/score.mjs) on
 * every annotated set whose texts are present, and prints one per-section table per set:
 *
 *   seeds    ../shared/seeds + ../shared/eval/gold   (the development articles; fitted)
 *   heldout  tests/fixtures/heldout                  (original articles written for the project)
 *   train    real articles for training only, tests/fixtures/train (readable; not in tune/check)
 *   tune     real articles, tuning half              (read its misses: --explain)
 *   check    real articles, check half               (read only its mean)
 *   blind    real articles kept apart, tests/fixtures/blind (read only its mean; never tuned to)
 *   blind2   a second set kept apart the same way, tests/fixtures/blind2 (texts in corpus/blind2)
 *
 * Real articles: gold in tests/fixtures/real/*.gold.json (committed), texts in corpus/texts/
 * (git-ignored; regathered as tests/fixtures/real/README.md says). The half an article falls in
 * is fixed by its id (sha256 of the id, first byte even = tune), so nobody chooses it.
 *
 *   npx tsx scripts/eval.ts [--set tune] [--explain] [--json]
 *   --set unseen adds the pooled row "unseen" (every article weighs the same), the larger unread
 *   set that decisions are measured on: check, blind, blind2 and blind3 (144 articles; blind3 joined after its two
 *   reads as a fresh estimate). blind4 (tests/fixtures/blind4, texts in corpus/blind4) is the fresh
 *   estimate now: read at a session's end only.
 * --explain prints the scorer's miss lists, and refuses to for the check and blind sets; --json
 * lists articles of the other sets only. Blind texts live in corpus/blind/ (git-ignored).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runExtract } from '../src/cli/commands';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const scorer = path.join(shared, 'eval', 'score.mjs');
/**
 * Sets of their own folder: gold in tests/fixtures/<set>, texts in corpus/<set>. `train` is for
 * training and reading (like tune); the blind sets are kept apart: only their means are printed.
 */
const FOLDER_SETS = [
  { set: 'train', read: true },
  { set: 'blind', read: false },
  { set: 'blind2', read: false },
  { set: 'blind3', read: false },
  { set: 'blind4', read: false },
] as const;
/** The unread sets decisions are measured on (`--set unseen`); blind4 stays out: the fresh estimate. */
const UNSEEN_SETS = ['check', 'blind', 'blind2', 'blind3'];
const BLIND_SETS = FOLDER_SETS.filter((f) => !f.read).map((f) => f.set);
const SECTIONS = ['people', 'delegations', 'attacks', 'positions', 'outlook'] as const;

interface Case { set: string; id: string; gold: string; text: string; published: string | null }

export function halfOf(id: string): 'tune' | 'check' {
  return createHash('sha256').update(id).digest()[0]! % 2 === 0 ? 'tune' : 'check';
}

function cases(): Case[] {
  const out: Case[] = [];
  const goldDir = path.join(shared, 'eval', 'gold');
  if (existsSync(goldDir)) {
    for (const g of readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()) {
      const gold = JSON.parse(readFileSync(path.join(goldDir, g), 'utf8')) as { url: string; published: string | null };
      const text = path.join(shared, 'seeds', gold.url);
      if (existsSync(text)) out.push({ set: 'seeds', id: g.replace(/\.json$/, ''), gold: path.join(goldDir, g), text, published: gold.published });
    }
  }
  const held = path.join(root, 'tests', 'fixtures', 'heldout');
  for (const g of readdirSync(held).filter((f) => f.endsWith('.gold.json')).sort()) {
    const id = g.replace(/\.gold\.json$/, '');
    const gold = JSON.parse(readFileSync(path.join(held, g), 'utf8')) as { published: string | null };
    out.push({ set: 'heldout', id, gold: path.join(held, g), text: path.join(held, `${id}.txt`), published: gold.published });
  }
  const real = path.join(root, 'tests', 'fixtures', 'real');
  if (existsSync(real)) {
    for (const g of readdirSync(real).filter((f) => f.endsWith('.gold.json')).sort()) {
      const gold = JSON.parse(readFileSync(path.join(real, g), 'utf8')) as { id: string; published: string | null; sha256: string };
      const text = path.join(root, 'corpus', 'texts', `${gold.id}.txt`);
      if (!existsSync(text)) continue;
      const sha = createHash('sha256').update(readFileSync(text)).digest('hex');
      if (sha !== gold.sha256) {
        process.stderr.write(`eval: ${gold.id}: text does not match the gold's sha256; skipped\n`);
        continue;
      }
      out.push({ set: halfOf(gold.id), id: gold.id, gold: path.join(real, g), text, published: gold.published });
    }
  }
  for (const { set } of FOLDER_SETS) {
    const dir = path.join(root, 'tests', 'fixtures', set);
    if (!existsSync(dir)) continue;
    for (const g of readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()) {
      const gold = JSON.parse(readFileSync(path.join(dir, g), 'utf8')) as { id: string; published: string | null; sha256: string };
      const text = path.join(root, 'corpus', set, `${gold.id}.txt`);
      if (!existsSync(text)) continue;
      if (createHash('sha256').update(readFileSync(text)).digest('hex') !== gold.sha256) {
        process.stderr.write(`eval: ${set} ${gold.id}: text does not match the gold's sha256; skipped\n`);
        continue;
      }
      out.push({ set, id: gold.id, gold: path.join(dir, g), text, published: gold.published });
    }
  }
  return out;
}

const UNREAD = new Set(['check', ...BLIND_SETS]);

interface Scored { case: Case; score: Record<string, unknown>; explain: string }

async function score(c: Case, tmp: string, explain: boolean): Promise<Scored> {
  const quiet = { progress: () => {}, warn: () => {} };
  const { text } = await runExtract([c.text], { json: true, published: c.published }, quiet);
  const sys = path.join(tmp, `${c.set}-${c.id}.json`);
  writeFileSync(sys, text);
  const run = (extra: string[]): string => {
    try {
      return execFileSync(process.execPath, [scorer, '--gold', c.gold, '--system', sys, '--text', c.text, ...extra], { encoding: 'utf8', maxBuffer: 64 << 20 });
    } catch (e) {
      return (e as { stdout?: string }).stdout ?? '';
    }
  };
  const json = JSON.parse(run(['--json'])) as Record<string, unknown>;
  return { case: c, score: json, explain: explain ? run(['--explain']) : '' };
}

const f1 = (s: Record<string, unknown>, k: string): number | null => {
  const v = s[k] as { f1?: number; counted?: boolean } | undefined;
  return v && v.counted !== false && typeof v.f1 === 'number' ? v.f1 : null;
};
const num = (s: Record<string, unknown>, ...keys: string[]): number | null => {
  let v: unknown = s;
  for (const k of keys) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === 'number' ? v : null;
};
const mean = (xs: Array<number | null>): number | null => {
  const ys = xs.filter((x): x is number => x != null);
  return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : null;
};
const pct = (x: number | null): string => (x == null ? '   - ' : (100 * x).toFixed(1).padStart(5));

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--set') ? args[args.indexOf('--set') + 1] : null;
  const explain = args.includes('--explain');
  const asJson = args.includes('--json');
  if (!existsSync(scorer)) {
    console.log(`eval: ${scorer} is absent; nothing to score.`);
    return;
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'briefsmith-eval-'));
  const wanted = only === 'unseen' ? new Set(UNSEEN_SETS) : only ? new Set([only]) : null;
  const all = cases().filter((c) => !wanted || wanted.has(c.set));
  const results: Scored[] = [];
  for (const c of all) results.push(await score(c, tmp, explain && !UNREAD.has(c.set)));
  const sets = ['seeds', 'heldout', 'train', 'tune', 'check', ...BLIND_SETS].filter((s) => results.some((r) => r.case.set === s));
  if (only === 'unseen') sets.push('unseen');
  const inSet = (r: Scored, set: string): boolean => (set === 'unseen' ? UNSEEN_SETS.includes(r.case.set) : r.case.set === set);
  const table: Record<string, Record<string, number | null>> = {};
  for (const set of sets) {
    const rs = results.filter((r) => inSet(r, set)).map((r) => r.score);
    const row: Record<string, number | null> = { articles: rs.length };
    for (const k of SECTIONS) row[k] = mean(rs.map((s) => f1(s, k)));
    row.overall = mean(rs.map((s) => num(s, 'overall_f1')));
    row.strict = mean(rs.map((s) => num(s, 'strict_f1') ?? num(s, 'strict', 'overall_f1')));
    row.party = mean(rs.map((s) => num(s, 'people', 'affiliation_accuracy') ?? num(s, 'people', 'party_accuracy')));
    row.textOk = mean(rs.flatMap((s) => [num(s, 'positions', 'text_ok'), num(s, 'outlook', 'text_ok')]));
    row.badRefs = rs.reduce((a, s) => a + (num(s, 'provenance', 'bad') ?? 0), 0);
    table[set] = row;
  }
  if (asJson) {
    const sectionsOf = (s: Record<string, unknown>): Record<string, { f1: number | null; system: number | null; gold: number | null }> =>
      Object.fromEntries(SECTIONS.map((k) => [k, { f1: f1(s, k), system: num(s, k, 'system'), gold: num(s, k, 'gold') }]));
    console.log(JSON.stringify({ table, articles: results.filter((r) => !UNREAD.has(r.case.set)).map((r) => ({ set: r.case.set, id: r.case.id, overall: num(r.score, 'overall_f1'), strict: num(r.score, 'strict_f1'), sections: sectionsOf(r.score) })) }, null, 2));
    return;
  }
  for (const r of results) if (r.explain) console.log(`\n=== ${r.case.set} ${r.case.id}\n${r.explain}`);
  const cols = ['people', 'delegations', 'attacks', 'positions', 'outlook', 'overall', 'strict', 'party', 'textOk'];
  console.log(`\n${'set'.padEnd(8)} ${'n'.padStart(3)} ${cols.map((c) => c.slice(0, 7).padStart(7)).join(' ')}  bad refs`);
  for (const set of sets) {
    const row = table[set]!;
    console.log(`${set.padEnd(8)} ${String(row.articles).padStart(3)} ${cols.map((c) => pct(row[c] ?? null).padStart(7)).join(' ')}  ${row.badRefs}`);
  }
  // Strict F1 of each section (a pair counts only with the right party, kind, speaker, leader,
  // attacker, toll and weapons): where the strict loss lies.
  console.log(`\n${'strict'.padEnd(8)} ${'n'.padStart(3)} ${SECTIONS.map((k) => k.slice(0, 7).padStart(7)).join(' ')}`);
  for (const set of sets) {
    const rs = results.filter((r) => inSet(r, set)).map((r) => r.score);
    const strictOf = (k: string): number | null => mean(rs.map((s) => (f1(s, k) == null ? null : num(s, k, 'strict_f1'))));
    console.log(`${set.padEnd(8)} ${String(rs.length).padStart(3)} ${SECTIONS.map((k) => pct(strictOf(k)).padStart(7)).join(' ')}`);
  }
  // Sections scored 0 for an empty side: items where the gold has none (false alarm), or none
  // where the gold has some (silent). Counts only, so the check half stays unread.
  console.log(`\n${'empty side'.padEnd(12)} ${SECTIONS.map((k) => k.slice(0, 7).padStart(9)).join(' ')}   (false alarm / silent, articles)`);
  for (const set of sets) {
    const rs = results.filter((r) => inSet(r, set)).map((r) => r.score);
    const cell = (k: string): string => {
      const alarm = rs.filter((s) => num(s, k, 'gold') === 0 && (num(s, k, 'system') ?? 0) > 0).length;
      const silent = rs.filter((s) => (num(s, k, 'gold') ?? 0) > 0 && num(s, k, 'system') === 0).length;
      return `${alarm}/${silent}`.padStart(9);
    };
    console.log(`${set.padEnd(12)} ${SECTIONS.map(cell).join(' ')}`);
  }
  // Where the strict loss lies inside a section: the scorer's field accuracies over matched
  // pairs (means over articles, so the unread sets stay unread).
  const FIELDS = [
    ['att.killed', 'attacks', 'killed_accuracy'],
    ['att.attacker', 'attacks', 'attacker_accuracy'],
    ['att.weapons', 'attacks', 'weapons', 'f1'],
    ['pos.party', 'positions', 'party_accuracy'],
    ['pos.kind', 'positions', 'kind_accuracy'],
    ['out.who', 'outlook', 'who_accuracy'],
    ['del.leader', 'delegations', 'leader_recall'],
  ] as const;
  console.log(`\n${'fields'.padEnd(8)} ${'n'.padStart(3)} ${FIELDS.map(([k]) => k.padStart(12)).join(' ')}`);
  for (const set of sets) {
    const rs = results.filter((r) => inSet(r, set)).map((r) => r.score);
    const cell = ([, ...keys]: readonly string[]): string => pct(mean(rs.map((s) => num(s, ...keys)))).padStart(12);
    console.log(`${set.padEnd(8)} ${String(rs.length).padStart(3)} ${FIELDS.map(cell).join(' ')}`);
  }
  if (!results.some((r) => r.case.set === 'tune' || r.case.set === 'check')) {
    console.log('\n(real-article halves absent: their texts are not in corpus/texts; see tests/fixtures/real/README.md)');
  }
}

await main();
