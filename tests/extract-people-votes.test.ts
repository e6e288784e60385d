import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseWithDelegations } from '../src/extract/analyse';
import { withoutSideModel } from '../src/extract/learn/side-model';

/** A person's side from their own sentences: what does not count (places, coordinated parties) and a principal's side. The rule table alone (withoutSideModel): the learned chooser is tested in learn-side.test.ts. */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const sideOf = (text: string, name: string) => withoutSideModel(() => analyseWithDelegations(art(text))).analysed.people.find((p) => p.name === name)?.party;

describe('people: sides from sentences', () => {
  it('does not take a party coordinated with the person as their side', () => {
    const text = 'Peru and Chile met on Sunday in Lima to make progress on a goal shared by both President Ana Soto and Peru’s leadership.';
    expect(sideOf(text, 'Ana Soto')).toBe('Chile');
  });
  it('does not take the place where something happens as a side', () => {
    expect(sideOf('President Ana Soto spoke on Sunday in Lima, Peru, about the harvest.', 'Ana Soto')).toBeNull();
    expect(sideOf('Chile’s harvest was praised on Sunday by President Ana Soto.', 'Ana Soto')).toBe('Chile');
  });
  it('gives "Mr. X’s envoy" the side X has, after X’s own sentences are read', () => {
    const text = 'Chile and Peru held talks, a goal of both President Soto and Peru’s leadership.\nThe talks were held by Mr. Soto’s envoy, Jorge Vidal, through Bolivian mediators.\nMr. Vidal spoke about Peru’s harvest.';
    expect(sideOf(text, 'Soto')).toBe('Chile');
    expect(sideOf(text, 'Jorge Vidal')).toBe('Chile');
  });
  it('does not give a bare office the side whose holder of that office the text names', () => {
    const text = 'Peruvian President Ana Soto arrived on Monday.\nPresident Jorge Vidal said Peru had shelled the border villages overnight.';
    expect(sideOf(text, 'Ana Soto')).toBe('Peru');
    expect(sideOf(text, 'Jorge Vidal')).not.toBe('Peru');
    // a former holder is another office
    expect(sideOf('Peruvian President Ana Soto arrived on Monday.\nFormer President Jorge Vidal said Peru’s harvest was poor.', 'Jorge Vidal')).toBe('Peru');
  });
  it('does not give a national office a group its sentences name', () => {
    const text = 'Talks between the Estonian government and the Kanu rebels resumed on Monday.\nPrime Minister Tomas Vey said the Kanu rebels had broken the truce.';
    expect(sideOf(text, 'Tomas Vey')).not.toBe('Kanu');
  });
});

