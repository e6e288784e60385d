/**
 * The scorer's party comparison (../shared/eval/score.mjs party()), as the training scripts use it
 * to label candidates: folded, "the" dropped, the scorer's own alias table read from its source.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const scorer = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'eval', 'score.mjs');

function aliasTable(): Map<string, string> {
  const m = /const PARTY_ALIASES = (\{[\s\S]*?\n\});/.exec(readFileSync(scorer, 'utf8'));
  if (!m) throw new Error('score.mjs: no PARTY_ALIASES table');
  const table = JSON.parse(m[1]!.replace(/'/g, '"').replace(/,(\s*[}\]])/g, '$1').replace(/^(\s*)([a-z]+):/gm, '$1"$2":')) as Record<string, string[]>;
  const alias = new Map<string, string>();
  for (const [canon, al] of Object.entries(table)) {
    alias.set(canon, canon);
    for (const a of al) alias.set(a, canon);
  }
  return alias;
}

let alias: Map<string, string> | null = null;

/** The scorer's folding: accents and apostrophes dropped, lower case, runs of other characters one space. */
export const scorerFold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’'`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

/** The key two parties compare equal by in the scorer (null for none). */
export function scorerPartyKey(p: string | null | undefined): string | null {
  alias ??= aliasTable();
  const f = scorerFold(p ?? '').replace(/^the /, '');
  return f ? (alias.get(f) ?? f) : null;
}
