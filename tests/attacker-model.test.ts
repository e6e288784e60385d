import { describe, expect, it } from 'vitest';
import { expectNoHeldOutIds } from './fixtures/training-ids';
import { attackerCases, detectAttacks } from '../src/extract/attacks';
import { attackerModel, attackerProbabilities, chooseAttacker, withoutAttackerModel, type AttackerModelFile } from '../src/extract/learn/attacker-model';
import type { AnalysedArticle } from '../src/extract/types';
import { buildAnalysed } from './fixtures/analysed-article';
import model from '../src/extract/models/attacker.json';

/** The learned attacker chooser (rule 'attacker:learned'): the committed model on invented articles. 2024-05-14 is a Tuesday. */
const build = (text: string): AnalysedArticle => buildAnalysed(text, [], '2024-05-14', 'am1');
const attackers = (text: string): Array<string | null> => detectAttacks(build(text)).map((x) => x.attacker);
const ruleAttackers = (text: string): Array<string | null> => withoutAttackerModel(() => detectAttacks(build(text))).map((x) => x.attacker);

const WAR = [
  'Ecuador has stepped up its campaign along the border, Ecuador’s defence minister told reporters, and Peru has asked for talks.',
  'On Monday a shell hit a school in Tumbes, killing four children.',
].join('\n');

describe('learned attacker chooser', () => {
  it('names the side the article is about where the rules leave a strike without attacker', () => {
    expect(ruleAttackers(WAR).at(-1)).toBeNull();
    const out = detectAttacks(build(WAR));
    expect(out.at(-1)?.attacker).toBe('Ecuador');
    expect(out.at(-1)?.rules).toContain('attacker:learned');
  });
  it('scores the side the article names most above the other', () => {
    const m = attackerModel();
    if (!m) throw new Error('no attacker model');
    const last = attackerCases(build(WAR)).at(-1)!;
    const p = new Map(last.candidates.map((c, k) => [c.party, attackerProbabilities(m, last.candidates)[k]!]));
    expect(p.get('Ecuador')!).toBeGreaterThan(p.get('Peru') ?? 0);
  });
  it('keeps the attacker a rule names', () => {
    const text = 'Peruvian drones struck a fuel depot in Machala on Monday, killing two guards.';
    expect(attackers(text)).toEqual(ruleAttackers(text));
    expect(attackers(text)).toEqual(['Peru']);
  });
  it('never proposes a side the text names only as a flag state, as denying or as the place struck', () => {
    expect(attackers('A missile hit the Maltese-flagged tanker Grey Gull off Velmora, killing one sailor.')).toEqual([null]);
    expect(attackers('Drones struck two hangars at an airbase in Bolivia on Sunday, killing three mechanics.')).toEqual([null]);
    const denied = ['A car bomb exploded outside a police station in Arequipa on Monday, killing nine officers.', 'The Andean Liberation Front denied claims that it took responsibility.'].join('\n');
    expect(attackers(denied)).toEqual([null]);
  });
  it('fills only below the rules: in mode fill a rule’s side stands whatever the scores', () => {
    const cands = [{ party: 'Peru', features: new Map<string, number>() }, { party: 'Chile', features: new Map<string, number>() }];
    const setting = { fill: 0.1, threshold: 2, margin: 2, mode: 'fill' as const };
    expect(chooseAttacker(setting, cands, [0.2, 0.9], 'Peru')).toBe('Peru');
    expect(chooseAttacker(setting, cands, [0.2, 0.9], null)).toBe('Chile');
    expect(chooseAttacker(setting, cands, [0.05, 0.08], null)).toBeNull();
  });
});

describe('the attacker model file', () => {
  const file = model as unknown as AttackerModelFile;
  it('records how it was made and reads as general features, with no name or number of a story', () => {
    expect(file.made).toMatch(/train-attacker/);
    expect(Object.keys(file.model.weights).length).toBeGreaterThan(10);
    for (const f of Object.keys(file.model.weights)) expect(f).toMatch(/^[a-z][a-z0-9:&+-]*$/);
  });
  it('was trained on no check or blind article', () => {
    expectNoHeldOutIds(file.trainingIds);
  });
});
