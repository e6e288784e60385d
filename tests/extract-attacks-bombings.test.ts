import { describe, expect, it } from 'vitest';
import { detectAttacks } from '../src/extract/attacks';
import type { AnalysedArticle } from '../src/extract/types';
import { buildAnalysed } from './fixtures/analysed-article';

/** Invented paragraphs: bombings, raids by armed men, and one strike told twice. 2024-05-14 is a Tuesday. */
const build = (text: string, published: string | null = '2024-05-14'): AnalysedArticle => buildAnalysed(text, [], published, 'bb1');

describe('attacks: bombings and raids by armed men', () => {
  it('reads "a suicide bomber blew himself up" as one bomb', () => {
    const out = detectAttacks(build('Police said at least 12 people died and 30 were hurt on Monday when a suicide bomber blew himself up outside a bus depot in Tegucigalpa.'));
    expect(out).toHaveLength(1);
    expect(out[0].weapons).toEqual([expect.objectContaining({ type: 'bomb', count: 1 })]);
    expect(out[0].killed).toBe(12);
    expect(out[0].injured).toBe(30);
  });

  it('reads "carried out a car bombing" and "an explosives-laden truck" as one bomb each', () => {
    const car = detectAttacks(build('Rebels carried out a car bombing outside a courthouse in Valparaiso on Monday, killing four people.'));
    expect(car[0]?.weapons).toEqual([expect.objectContaining({ type: 'bomb', count: 1 })]);
    const truck = detectAttacks(build('An attacker rammed an explosives-laden truck into a checkpoint near Iquique on Monday, killing nine police officers.'));
    expect(truck[0]?.weapons).toEqual([expect.objectContaining({ type: 'bomb', count: 1 })]);
  });

  it('reads a blast with no weapon named as a bomb, counted by its number', () => {
    const two = detectAttacks(build('Two blasts outside a stadium in Cartagena killed 14 people on Monday, police said.'));
    expect(two[0]?.weapons).toEqual([expect.objectContaining({ type: 'bomb', count: 2 })]);
    const one = detectAttacks(build('The bombing at a bus terminal in Medellin on Monday killed nine people and wounded 30.'));
    expect(one[0]?.weapons).toEqual([expect.objectContaining({ type: 'bomb', count: 1 })]);
    const ied = detectAttacks(build('An improvised explosive device hit a patrol near Tumbes on Monday, killing three soldiers.'));
    expect(ied[0]?.weapons).toEqual([expect.objectContaining({ type: 'bomb' })]);
  });

  it('leaves a bombing in an article of air raids without a bomb', () => {
    const text = [
      'Warplanes struck a market in Cartagena on Monday. Air strikes also hit two villages nearby, and jets flew over the port.',
      'Doctors said 20 people were killed in the bombing of the market on Monday.',
    ].join('\n');
    expect(detectAttacks(build(text)).some((x) => x.weapons.some((w) => w.type === 'bomb'))).toBe(false);
  });

  it('does not read a date before "A suicide bomber" as the number of bombers', () => {
    const out = detectAttacks(build('2024-05-13 A suicide bomber struck a market in Arequipa on Monday, killing six people.'));
    expect(out[0]?.weapons[0]?.count).toBe(1);
  });

  it('codes a killing by gunmen, with no strike word, as an attack with small arms', () => {
    const out = detectAttacks(build('Suspected insurgents have killed 31 farmers at a plantation near Cusco, local officials said.'));
    expect(out).toHaveLength(1);
    expect(out[0].killed).toBe(31);
    expect(out[0].weapons).toEqual([expect.objectContaining({ type: 'other', count: null })]);
  });

  it('takes the agent of "the killing of N ... by X" as the attacker', () => {
    const out = detectAttacks(build('Aid groups condemned the killing of at least 40 villagers in Tolva, allegedly by paramilitary Rapid Support Forces, on Sunday.'));
    expect(out).toHaveLength(1);
    expect(out[0].attacker).toBe('Rapid Support Forces');
    expect(out[0].killed).toBe(40);
  });

  it('leaves a war-long toll by armed men alone', () => {
    expect(detectAttacks(build('Militants have killed more than 5,000 people in the region since the conflict began.'))).toHaveLength(0);
  });

  it('reads "struck a deal" as no strike', () => {
    expect(detectAttacks(build('Tensions rose after Chile struck a deal with a breakaway region of Bolivia in January.'))).toHaveLength(0);
  });
});

describe('attacks: one strike told twice', () => {
  it('folds a later sentence that only retells the weapons into the strike, with their count', () => {
    const out = detectAttacks(
      build(
        [
          'Russian missiles struck the city of Tolva on Monday, killing 14 people, officials said.',
          'Rescue teams searched the rubble through the night.',
          'The governor later said three cruise missiles had hit the harbour district.',
        ].join('\n'),
      ),
    );
    expect(out).toHaveLength(1);
    expect(out[0].weapons).toEqual([expect.objectContaining({ type: 'missile', count: 3 })]);
    expect(out[0].sources).toHaveLength(2);
  });

  it('keeps a second strike with other weapons or its own toll apart', () => {
    const out = detectAttacks(
      build(
        [
          'Russian missiles struck the city of Tolva on Monday, killing 14 people, officials said.',
          'In a separate attack, a drone hit a school in Marin on Monday, injuring two teachers.',
        ].join('\n'),
      ),
    );
    expect(out).toHaveLength(2);
  });

  it('places a strike in the city that opens the sentence, not at the landmark named later', () => {
    const out = detectAttacks(build('In Tolva, a truck loaded with explosives detonated outside the Condor Aviation base on Monday, killing three soldiers.'));
    expect(out[0]?.location).toBe('Tolva');
  });
});
