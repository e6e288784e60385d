import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { extractAll } from '../src/extract';
import { toContractJson } from '../src/extract/contract';

/**
 * The extraction scored against the gold annotations in ../shared/eval with its own scorer,
 * one seed at a time, as the held-out evaluation does.
 */
const SHARED = path.resolve(__dirname, '../../shared');
const EVAL = path.join(SHARED, 'eval');
const present = existsSync(path.join(EVAL, 'score.mjs')) && existsSync(path.join(SHARED, 'seeds'));
const golds = present ? readdirSync(path.join(EVAL, 'gold')).filter((f) => f.endsWith('.json')) : [];

interface Score {
  overall_f1: number;
  provenance: { bad: number; examples: string[] };
  [section: string]: unknown;
}
const sectionF1 = (r: Score, k: string): number => (r[k] as { f1: number }).f1;

export function seedArticle(file: string, published: string | null): Article {
  const text = readFileSync(path.join(SHARED, 'seeds', file), 'utf8');
  return { id: file.replace(/\.txt$/, ''), title: null, outlet: null, published, byline: null, text, origin: { kind: 'file', path: file, format: 'txt' } };
}

describe.skipIf(!present)('extraction against the gold annotations (../shared/eval)', () => {
  const dir = present ? mkdtempSync(path.join(tmpdir(), 'briefsmith-eval-')) : '';
  for (const g of golds) {
    it(`scores ${g}`, () => {
      const gold = JSON.parse(readFileSync(path.join(EVAL, 'gold', g), 'utf8')) as { url: string; published: string | null };
      const article = seedArticle(gold.url, gold.published);
      const json = toContractJson([article], extractAll([article]));
      const out = path.join(dir, g);
      writeFileSync(out, JSON.stringify(json, null, 2));
      const args = [path.join(EVAL, 'score.mjs'), '--gold', path.join(EVAL, 'gold', g), '--system', out, '--text', path.join(SHARED, 'seeds', gold.url)];
      let table = '';
      try {
        table = execFileSync('node', [...args, '--explain'], { encoding: 'utf8' });
      } catch (e) {
        table = String((e as { stdout?: string }).stdout ?? e);
      }
      console.log(table);
      let raw = '';
      try {
        raw = execFileSync('node', [...args, '--json'], { encoding: 'utf8' });
      } catch (e) {
        raw = String((e as { stdout?: string }).stdout ?? '');
      }
      const r = JSON.parse(raw) as Score;
      expect(r.provenance.bad, r.provenance.examples.join('\n')).toBe(0);
      expect(sectionF1(r, 'people')).toBeGreaterThanOrEqual(0.9);
      expect(sectionF1(r, 'delegations')).toBeGreaterThanOrEqual(0.9);
      expect(r.overall_f1).toBeGreaterThanOrEqual(0.8);
    });
  }
});

describe.skipIf(present)('extraction against the gold annotations', () => {
  it('is skipped: ../shared/eval (gold files and scorer) is not beside the repository', () => {
    expect(present).toBe(false);
  });
});
