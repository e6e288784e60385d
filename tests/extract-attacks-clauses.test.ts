import { describe, expect, it } from 'vitest';
import { detectAttacks } from '../src/extract/attacks';
import type { AnalysedArticle } from '../src/extract/types';
import { buildAnalysed } from './fixtures/analysed-article';

/** Invented paragraphs (invented places, real but uninvolved states). 2024-05-14 is a Tuesday. */
const build = (text: string, published: string | null = '2024-05-14'): AnalysedArticle => buildAnalysed(text, [], published, 'tc');
const brief = (text: string): unknown[] =>
  detectAttacks(build(text)).map((x) => [x.attacker, x.location, x.killed, x.injured, x.weapons.map((w) => `${w.count ?? '?'} ${w.type}`).join('+')]);

describe('attacks: clauses of one sentence', () => {
  it('makes two records of two strikes joined by "and hours later"', () => {
    expect(brief('Mortar fire killed four herders near Velmora, and hours later a drone struck a depot in Ostrava Nova, wounding six.')).toEqual([
      [null, 'Velmora', 4, null, '? artillery'],
      [null, 'Ostrava Nova', null, 6, '1 drone'],
    ]);
  });

  it('reads an elliptical second clause with the first one’s weapon and verb', () => {
    const out = detectAttacks(build('Rockets killed five people at a market in Dunvale and another three at a school in Harrow Creek.'));
    expect(out.map((x) => [x.location, x.killed, x.weapons[0]?.type])).toEqual([
      ['Dunvale', 5, 'rocket'],
      ['Harrow Creek', 3, 'rocket'],
    ]);
    expect(out[1].rules).toContain('clause:elliptical');
  });

  it('keeps one record when the second clause only adds to the first', () => {
    expect(detectAttacks(build('Drones struck Velmora on Monday, and the mayor said the damage was light.'))).toHaveLength(1);
  });
});

describe('attacks: who struck', () => {
  it('takes the subject of "by V-ing" in a truce violation, not the accuser at the end', () => {
    const out = detectAttacks(build('Ecuador violated the truce by shelling a customs post near Velmora, the Colombian army said.'));
    expect(out.map((x) => [x.attacker, x.location])).toEqual([['Ecuador', 'Velmora']]);
    expect(out[0].rules).toContain('attacker:by-gerund-subject');
  });

  it('takes the demonym of the drones shot down, not the defender that reports it', () => {
    const out = detectAttacks(build('Norwegian air defences said they brought down 31 Swedish drones overnight.'));
    expect(out.map((x) => [x.attacker, x.weapons[0]?.count])).toEqual([['Sweden', 31]]);
  });

  it('never takes a flag state or a reporter as the attacker', () => {
    const ship = detectAttacks(build('A missile hit the Maltese-flagged tanker Grey Gull off Velmora, killing one sailor.'));
    expect(ship.map((x) => [x.attacker, x.location, x.killed])).toEqual([[null, 'Velmora', 1]]);
    const told = detectAttacks(build('A shepherd was killed when a shell landed near Dunvale. Greek police said the shell had been fired from across the border.'));
    expect(told.map((x) => [x.attacker, x.location, x.killed])).toEqual([[null, 'Dunvale', 1]]);
  });
});

describe('attacks: numbers belong to what they count', () => {
  it('counts the weapon by its own number, a range by its lower bound, never by the target’s', () => {
    expect(brief('Drones destroyed five radar trucks at a base outside Velmora.')).toEqual([[null, 'Velmora', null, null, '? drone']]);
    expect(brief('Ecuador fired between 12 and 18 missiles at Peru on Sunday.')).toEqual([['Ecuador', 'Peru', null, null, '12 missile']]);
  });

  it('reads a toll of one from "A man was killed", not from a noun alone', () => {
    expect(brief('A man was killed when a rocket hit a garage in Dunvale.')).toEqual([[null, 'Dunvale', 1, null, '1 rocket']]);
    expect(brief('A rocket hit a garage in Dunvale, a man said.')).toEqual([[null, 'Dunvale', null, null, '1 rocket']]);
  });
});

describe('attacks: memory across sentences', () => {
  it('gives a toll stated sentences later to the strike, keeping the strike’s day', () => {
    const text = [
      'Swedish drones hit two depots near Velmora on Monday.',
      'Norway gave no figures.',
      'Finland called for calm.',
      'On Friday a Swedish officer said the raids on the depots had killed at least 14 guards.',
    ].join(' ');
    const out = detectAttacks(build(text));
    expect(out.map((x) => [x.attacker, x.location, x.killed, x.when])).toEqual([['Sweden', 'Velmora', 14, 'Monday']]);
    expect(out[0].rules).toContain('memory:later-toll');
  });

  it('does not give a toll to an old strike without a back-reference', () => {
    const text = [
      'Swedish drones hit two depots near Velmora on Monday.',
      'Norway gave no figures.',
      'Finland called for calm.',
      'Denmark said floods had killed 14 people in the north.',
    ].join(' ');
    expect(detectAttacks(build(text)).map((x) => x.killed)).toEqual([null]);
  });

  it('replaces a rounded first figure with the exact breakdown of the next sentence', () => {
    const text = 'Ecuador launched dozens of drones at Peru overnight, injuring four people. The Peruvian army said Ecuador had used 57 drones and 3 missiles in the attack.';
    expect(brief(text)).toEqual([['Ecuador', 'Peru', null, 4, '57 drone+3 missile']]);
  });

  it('confirms a strike named without figures only when figures follow', () => {
    const confirmed = 'A governor said Swedish drone attacks on the border region had been repelled. "Some 20 drones and two missiles" were used, he said.';
    expect(brief(confirmed)).toEqual([['Sweden', null, null, null, '20 drone+2 missile']]);
    const alone = 'A governor said Swedish drone attacks on the border region had been repelled. Talks resumed on Friday.';
    expect(detectAttacks(build(alone))).toEqual([]);
  });
});
