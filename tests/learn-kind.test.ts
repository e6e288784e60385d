import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POSITION_KINDS } from '../src/model';
import { kindFeatures } from '../src/extract/learn/kind-features';
import { KIND_MODEL, kindOf, kindScores, type KindModel, type KindModelFile } from '../src/extract/learn/kind-model';

// Invented item texts, none from any article.
const learned = (text: string) => ({ kind: 'demand' as const, rules: ['learned-positions'], text });

describe('learned position kinds', () => {
  it('reads the kind of a learned item from the act its text states', () => {
    if (KIND_MODEL.margins.learned >= 1) return;
    expect(kindOf(KIND_MODEL, learned('the rebels shelled the market and killed civilians in an attack on the town'), true)).toBe('accusation');
    // The stance verbs of its sentence gave it 'offer': the model keeps it.
    expect(kindOf(KIND_MODEL, { ...learned('the council is ready to sign a ceasefire and pledged to free the prisoners'), kind: 'offer' }, true)).toBe('offer');
  });

  it('keeps the cue’s kind where the model file does not say to use the model', () => {
    const off: KindModel = { ...KIND_MODEL, margins: { learned: 1, rules: 1 } };
    expect(kindOf(off, learned('the rebels shelled the market and killed civilians'), true)).toBe('demand');
    const onlyLearned: KindModel = { ...KIND_MODEL, margins: { learned: 0, rules: 1 } };
    const rule = { kind: 'goal' as const, rules: ['goal-verb-to'], text: 'wants to shell the market and kill civilians' };
    expect(kindOf(onlyLearned, rule, false)).toBe('goal');
  });

  it('scores every kind, and its features name no proper noun or number', () => {
    const s = kindScores(KIND_MODEL, learned('Chile rejected the plan of 2024'));
    expect(Object.keys(s).sort()).toEqual([...POSITION_KINDS].sort());
    expect(kindFeatures(learned('Chile rejected the plan of 2024'))).not.toContain('t:chile');
    for (const k of POSITION_KINDS) for (const f of Object.keys(KIND_MODEL.models[k].weights)) expect(f).not.toMatch(/^(?:t|first):.*(?:[A-Z]|\d)/);
  });

  it('was trained on no article of the check half or of a blind set', () => {
    const halfOf = (id: string): string => (createHash('sha256').update(id).digest()[0]! % 2 === 0 ? 'tune' : 'check');
    const blind = new Set(
      ['blind', 'blind2'].flatMap((set) => {
        try {
          const dir = path.join(__dirname, 'fixtures', set);
          return readdirSync(dir).filter((f) => f.endsWith('.gold.json')).map((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { id: string }).id);
        } catch {
          return [];
        }
      }),
    );
    const real = new Set(readdirSync(path.join(__dirname, 'fixtures', 'real')).filter((f) => f.endsWith('.gold.json')).map((f) => f.replace(/\.gold\.json$/, '')));
    const ids = (KIND_MODEL as KindModelFile).trainingIds;
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const bare = id.replace(/^(?:train|seed|heldout):/, '');
      expect(blind.has(bare)).toBe(false);
      if (real.has(bare)) expect(halfOf(bare)).toBe('tune');
    }
  });
});
