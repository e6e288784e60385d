import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statementFeatures } from '../src/extract/learn/statement-features';
import { OUTLOOK_MODEL, POSITIONS_MODEL, statementProbability, type StatementModelFile } from '../src/extract/learn/statement-model';
import { withLearnedOutlook } from '../src/extract/outlook';
import { withLearnedPositions } from '../src/extract/positions';
import { buildAnalysed } from './fixtures/analysed-article';

// Invented sentences: a few sides of an invented dispute, none from any article.
const TEXT = [
  'The talks between Chile and Bolivia resumed in a hotel outside the capital.',
  'Bolivia demanded that Chile pull its troops back from the salt flats before any deal is signed.',
  'Negotiators will meet again next week to discuss a prisoner exchange, officials said.',
  'The hotel has forty rooms and a garden with old trees.',
  'The prisoners would be freed in groups of fifty, a Chilean diplomat said.',
].join('\n');
const a = buildAnalysed(TEXT, [], '2024-05-14', 'invented');
const features = statementFeatures(a);
const p = (m: typeof POSITIONS_MODEL, k: number): number => statementProbability(m, features[k]!);

describe('learned statement detectors', () => {
  it('reads the features the analysis built once, the same as computed afresh', () => {
    const built = { ...a, statementFeatures: statementFeatures(a) };
    expect(built.statementFeatures.length).toBe(a.sentences.length);
    expect(statementFeatures(built)).toEqual(features);
    expect(statementFeatures(built, (s) => s.index === 1).map((f) => f.length > 0)).toEqual(a.sentences.map((s) => s.index === 1));
  });

  it('scores a demand above the positions threshold and a description below it', () => {
    expect(p(POSITIONS_MODEL, 1)).toBeGreaterThanOrEqual(POSITIONS_MODEL.threshold);
    expect(p(POSITIONS_MODEL, 3)).toBeLessThan(POSITIONS_MODEL.threshold);
  });

  it('scores a planned meeting above the outlook threshold and a description below it', () => {
    expect(p(OUTLOOK_MODEL, 2)).toBeGreaterThanOrEqual(OUTLOOK_MODEL.threshold);
    expect(p(OUTLOOK_MODEL, 3)).toBeLessThan(OUTLOOK_MODEL.threshold);
  });

  it('adds a learned item, named as such, only where no rule cited the sentence', () => {
    const pos = withLearnedPositions(a, [], POSITIONS_MODEL);
    const learned = pos.find((x) => x.sources[0]!.start === a.sentences[1]!.start);
    expect(learned?.rules).toEqual(['learned-positions']);
    expect(learned?.party).toBe('Bolivia');
    expect(learned?.text.split(' ').length).toBeGreaterThanOrEqual(4);
    const out = withLearnedOutlook(a, [], OUTLOOK_MODEL);
    // Where an outlook cue matched, the rules' judgement stands (here no rule item was passed in); elsewhere the model adds.
    expect(out.some((x) => x.sources[0]!.start === a.sentences[2]!.start)).toBe(false);
    // (A lower threshold than the model's: this checks the mechanism, not the weights.)
    const low = withLearnedOutlook(a, [], { ...OUTLOOK_MODEL, threshold: 0.2 });
    expect(low.some((x) => x.sources[0]!.start === a.sentences[4]!.start && x.rules?.[0] === 'learned-outlook')).toBe(true);
    expect(out.some((x) => x.sources[0]!.start === a.sentences[3]!.start)).toBe(false);
  });

  it('gives a learned item whose sentence names no holder the side that spoke last, else the most named side', () => {
    // (Threshold 0: every sentence is picked; this checks who holds the item, not the weights.)
    const all = { ...POSITIONS_MODEL, threshold: 0 };
    const spoke = buildAnalysed(
      [
        'Chile and Bolivia sent negotiators to a border town on Tuesday.',
        'Chile wants the talks to move fast, and Chile has said so twice.',
        'Foreign minister Ana Suarez said her government would not sign any text that ignores the salt flats.',
        'The withdrawal of all troops from the border must come before any further round of talks.',
      ].join('\n'),
      [['Ana Suarez', 'Bolivia', ['Suarez']]],
    );
    const after = withLearnedPositions(spoke, [], all).find((x) => x.sources[0]!.start === spoke.sentences[3]!.start);
    expect(after?.party).toBe('Bolivia');
    const silent = buildAnalysed(
      [
        'Chile and Bolivia sent negotiators to a border town on Tuesday.',
        'Chile wants the talks to move fast, and Chile has said so twice.',
        'The withdrawal of all troops from the border must come before any further round of talks.',
      ].join('\n'),
    );
    const most = withLearnedPositions(silent, [], all).find((x) => x.sources[0]!.start === silent.sentences[2]!.start);
    expect(most?.party).toBe('Chile');
    const none = buildAnalysed('The withdrawal of all troops from the border must come before any further round of talks.');
    expect(withLearnedPositions(none, [], all)).toEqual([]);
  });

  it('reads no proper noun, number or capitalised word as a feature', () => {
    for (const m of [POSITIONS_MODEL, OUTLOOK_MODEL]) {
      for (const f of Object.keys(m.weights)) expect(f).not.toMatch(/^(?:w|v|ap):.*(?:[A-Z]|\d)/);
    }
  });

  it('was trained on no article of the check half or of a blind set', () => {
    const halfOf = (id: string): string => (createHash('sha256').update(id).digest()[0]! % 2 === 0 ? 'tune' : 'check');
    const blind = new Set(
      ['blind', 'blind2'].flatMap((set) => {
        const dir = path.join(__dirname, 'fixtures', set);
        try {
          return readdirSync(dir).filter((f) => f.endsWith('.gold.json')).map((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { id: string }).id);
        } catch {
          return [];
        }
      }),
    );
    const real = new Set(readdirSync(path.join(__dirname, 'fixtures', 'real')).filter((f) => f.endsWith('.gold.json')).map((f) => f.replace(/\.gold\.json$/, '')));
    for (const m of [POSITIONS_MODEL, OUTLOOK_MODEL] as StatementModelFile[]) {
      expect(m.trainingIds.length).toBeGreaterThan(0);
      for (const id of m.trainingIds) {
        const bare = id.replace(/^(?:train|seed|heldout):/, '');
        expect(blind.has(bare)).toBe(false);
        if (real.has(bare)) expect(halfOf(bare)).toBe('tune');
      }
    }
  });
});
