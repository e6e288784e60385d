import { describe, expect, it } from 'vitest';
import { expectNoHeldOutIds } from './fixtures/training-ids';
import { sideModel, sideProbabilities, type SideModel, type SideModelFile } from '../src/extract/learn/side-model';
import { findPartyMentions } from '../src/extract/parties';
import { findPeople, ruleSides, sideCases, sidesFromSentences, type SidedPerson } from '../src/extract/people';
import { splitSentences } from '../src/extract/sentences';
import model from '../src/extract/models/side.json';

/** The learned side chooser (rule 'learned-side'): the committed model on invented articles. */
/** The sides with the committed model (`model`) or the rule table alone (null). */
const sides = (text: string, model: SideModel | null): SidedPerson[] => {
  const sentences = splitSentences(text);
  const parties = findPartyMentions(text, sentences);
  return sidesFromSentences(text, sentences, parties, findPeople(text, sentences, parties), model);
};
const side = (text: string, name: string): [string | null, string | null] => {
  const p = sides(text, sideModel()).find((x) => x.name === name);
  return [p?.party ?? null, p?.partyBy ?? null];
};
const ruleSide = (text: string, name: string): string | null => sides(text, null).find((x) => x.name === name)?.party ?? null;
/** Each candidate side of a person with the model's probability. */
const scores = (text: string, name: string): Map<string, number> => {
  const sentences = splitSentences(text);
  const parties = findPartyMentions(text, sentences);
  const people = findPeople(text, sentences, parties);
  const ruled = ruleSides(text, sentences, parties, people);
  const i = people.findIndex((p) => p.name === name);
  const cands = sideCases(text, sentences, parties, people, ruled)[i]!.candidates;
  const m = sideModel();
  if (!m) throw new Error('no side model');
  const ps = sideProbabilities(m, cands);
  return new Map(cands.map((c, k) => [c.party, ps[k]!]));
};

const TALKS = 'Chile and Peru resumed border talks in Quito on Monday.\nChilean officials said the mood was calm.\nPresident Ana Soto said her country wanted a deal.';
const SHELLING = 'Shelling hit the Chilean border town of Arica overnight, killing three people.\nLocal doctor Marta Ruiz said the hospital was full.\nPeru denied firing.';

describe('learned side chooser', () => {
  it('gives a bare title the side its sentences and the text around them name, where the rule table gives none', () => {
    expect(ruleSide(TALKS, 'Ana Soto')).toBeNull();
    expect(side(TALKS, 'Ana Soto')).toEqual(['Chile', 'learned-side']);
  });
  it('scores the side of the town a local person speaks from above the side that fired on it', () => {
    const s = scores(SHELLING, 'Marta Ruiz');
    expect(s.get('Chile')!).toBeGreaterThan(s.get('Peru') ?? 0);
    expect(side(SHELLING, 'Marta Ruiz')[0]).toBe('Chile');
  });
  it('raises the state of the town a resident’s sentence names', () => {
    const lead = 'Russia and Ukraine traded strikes overnight.\n';
    const odds = (text: string): number => (scores(text, 'Olena Marchuk').get('Ukraine') ?? 0) / (scores(text, 'Olena Marchuk').get('Russia') ?? 1);
    expect(odds(`${lead}Resident Olena Marchuk said her block in Kharkiv burned.`)).toBeGreaterThan(odds(`${lead}Resident Olena Marchuk said her block burned.`));
  });
  it('keeps the side a role names', () => {
    const text = 'Peruvian envoy Luis Paredes met Chile’s foreign minister Ana Soto in Quito.\nParedes said the talks were useful.';
    expect(side(text, 'Luis Paredes')).toEqual(['Peru', 'role']);
    expect(side(text, 'Ana Soto')).toEqual(['Chile', 'role']);
  });
  it('gives a commentator no side', () => {
    expect(side('Peru and Chile traded fire on Monday.\nTomas Varga, a military analyst, said the border was quiet.', 'Tomas Varga')[0]).toBeNull();
  });
});

describe('the side model file', () => {
  const file = model as unknown as SideModelFile;
  it('records how it was made and reads as general features, with no name or number of a story', () => {
    expect(file.made).toMatch(/train-side/);
    expect(Object.keys(file.model.weights).length).toBeGreaterThan(10);
    for (const f of Object.keys(file.model.weights)) expect(f).toMatch(/^[a-z][a-z0-9:&+-]*$/);
  });
  it('was trained on no check, blind or blind2 article', () => {
    expectNoHeldOutIds(file.trainingIds);
  });
});
