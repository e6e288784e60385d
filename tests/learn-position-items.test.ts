import { describe, expect, it } from 'vitest';
import { itemContext, positionItemFeatures } from '../src/extract/learn/position-item-features';
import { filterPositionItems, positionItemScores, POSITION_ITEM_MODEL, type ItemFilterModel, type ItemFilterModelFile } from '../src/extract/learn/position-item-model';
import { POSITIONS_MODEL } from '../src/extract/learn/statement-model';
import { positionsByRules, withLearnedPositions } from '../src/extract/positions';
import { buildAnalysed } from './fixtures/analysed-article';
import { expectNoHeldOutIds } from './fixtures/training-ids';

// Invented sentences about an invented dispute, none from any article.
const TEXT = [
  'Talks between Chile and Bolivia resumed on Tuesday in a lakeside hotel.',
  'Bolivia rejected the Chilean proposal for a shared corridor and demanded that Chile withdraw its border patrols first.',
  'Chile said it was ready to reopen the rail line if Bolivia lifted the tariffs on copper.',
  'In 2011 the two sides had agreed to set up a joint commission, which met twice.',
  'A hotel cook said the delegates ate lunch on the terrace.',
].join('\n');
const a = buildAnalysed(TEXT, [], '2024-05-14', 'invented');
const candidates = withLearnedPositions(a, positionsByRules(a), POSITIONS_MODEL);

describe('learned position item filter', () => {
  it('scores every candidate item and keeps a side’s rejection and its offer', () => {
    const scores = positionItemScores(a, candidates);
    expect(scores.length).toBe(candidates.length);
    for (const s of scores) expect(s).toBeGreaterThanOrEqual(0);
    const kept = filterPositionItems(a, candidates);
    expect(kept.some((p) => p.party === 'Bolivia' && p.kind === 'refusal')).toBe(true);
    expect(kept.some((p) => p.party === 'Chile' && p.sources[0]!.start === a.sentences[2]!.start)).toBe(true);
  });

  it('drops what scores below its level and keeps all at level 0', () => {
    const none: ItemFilterModel = { ...POSITION_ITEM_MODEL, levels: { rules: 0, learned: 0 } };
    expect(filterPositionItems(a, candidates, none)).toEqual(candidates);
    const all: ItemFilterModel = { ...POSITION_ITEM_MODEL, levels: { rules: 1.01, learned: 1.01 } };
    expect(filterPositionItems(a, candidates, all)).toEqual([]);
  });

  it('marks a second item of one sentence, a borrowed holder and background, and names no proper noun or number', () => {
    const ctx = itemContext(a, candidates);
    const at = candidates.findIndex((p) => p.sources[0]!.start === a.sentences[1]!.start);
    const item = candidates[at]!;
    const f = positionItemFeatures(a, ctx, item, at + 1, 0.5);
    expect(f.get('dup:later')).toBe(1);
    expect(f.get('party:in-sentence')).toBe(1);
    const background = { ...item, sources: [{ ...item.sources[0]!, start: a.sentences[3]!.start, sentence: a.sentences[3]!.text }], text: 'the two sides had agreed to set up a joint commission in 2011' };
    const g = positionItemFeatures(a, ctx, background, at, 0.5);
    expect(g.get('s:year')).toBe(1);
    expect(g.get('s:pluperfect')).toBe(1);
    expect(g.get('s:joint')).toBe(1);
    expect(g.has('party:in-sentence')).toBe(false);
    expect([...g.keys()].some((k) => /^t:.*(?:[A-Z]|\d)/.test(k))).toBe(false);
    for (const k of Object.keys(POSITION_ITEM_MODEL.weights)) expect(k).not.toMatch(/^t:.*(?:[A-Z]|\d)/);
  });

  it('was trained on no article of the check half or of a blind set', () => {
    expectNoHeldOutIds((POSITION_ITEM_MODEL as ItemFilterModelFile).trainingIds);
  });
});
