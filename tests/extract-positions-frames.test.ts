import { describe, expect, it } from 'vitest';
import { detectPositions } from '../src/extract/positions';
import { verbForms } from '../src/extract/lexicon/inflect';
import { isSpeechVerb } from '../src/extract/lexicon/speech-verbs';
import { buildAnalysed } from './fixtures/analysed-article';

/** Invented sentences, one per mechanism of the verb classes and frames in src/extract/lexicon/. */
const brief = (text: string, people: Array<[string, string | null, string[]]> = []): string[] =>
  detectPositions(buildAnalysed(text, people, '2024-05-14', 'pf')).map((p) => `${p.party} ${p.kind}: ${p.text}`);
const rulesOf = (text: string): string[] => detectPositions(buildAnalysed(text, [], '2024-05-14', 'pf')).flatMap((p) => p.rules ?? []);

describe('lexicon helpers', () => {
  it('inflects verb entries, particles and irregular pasts', () => {
    expect(verbForms('promise')).toEqual(['promise', 'promises', 'promised', 'promising']);
    expect(verbForms('rule out')).toContain('ruled out');
    expect(verbForms('tell/told')).toEqual(['tell', 'tells', 'told', 'telling']);
    expect(verbForms('plan')).toContain('planned');
    expect(isSpeechVerb('Said')).toBe(true);
    expect(isSpeechVerb('table')).toBe(false);
  });
});

describe('positions: stance verbs by what they take', () => {
  it('reads noun-object verbs of offering, asking and opposing, and records the rule', () => {
    expect(brief('Malawi pledged new grain shipments to the region.')[0]).toMatch(/^Malawi offer: .*pledged new grain shipments/);
    expect(brief('Zambia requested an emergency session of the council.')[0]).toMatch(/^Zambia demand: .*requested an emergency session/);
    expect(brief('The Zambian side will resist any change to the border.')[0]).toMatch(/^Zambia refusal: .*resist any change/);
    expect(rulesOf('Malawi pledged new grain shipments to the region.')).toContain('offer-verb-np');
  });

  it('does not read a verb used as a noun after a determiner', () => {
    expect(brief('The request for water came from a village near the Malawi border.')).toEqual([]);
    expect(brief('Zambia left the table early.')).toEqual([]);
  });

  it('reads labels and opinions: a proposal judged is refused, a party judged is accused', () => {
    expect(brief('Malawi labelled the raid a provocation.')[0]).toMatch(/^Malawi accusation/);
    expect(brief('Zambia regards the Malawian map as "worthless," its envoy said.')[0]).toMatch(/^Zambia refusal/);
    expect(brief('Zambia described the weather as pleasant.')).toEqual([]);
  });
});

describe('positions: frames', () => {
  it('gives a noun-headed position to its owner, not to a party inside it', () => {
    expect(brief("Zambia's push to open Malawian markets angered traders.")).toEqual([expect.stringMatching(/^Zambia goal/)]);
    expect(brief('Officials said the Malawian offer of a grain corridor was still open.')[0]).toMatch(/^Malawi offer/);
    expect(brief('A push to open markets angered traders.')).toEqual([]);
  });

  it('reads purpose, attached conditions and ultimatums', () => {
    expect(brief('Malawi sent an envoy in an effort to revive the talks.')[0]).toMatch(/^Malawi goal/);
    expect(brief('Zambia approved the accord pending a review by its courts.')[0]).toMatch(/^Zambia condition/);
    expect(brief('Malawi gave Zambia 48 hours to remove the checkpoint.')).toEqual([expect.stringMatching(/^Malawi demand/)]);
  });

  it('gives a document one position per term, held by its author', () => {
    const out = brief('The Zambian draft requires Malawi to free the prisoners, reopen the road and cut its tariffs.');
    expect(out).toHaveLength(3);
    expect(out.every((p) => p.startsWith('Zambia '))).toBe(true);
  });

  it('gives a reported hostile act to its source, never to the actor or an unsourced report', () => {
    expect(brief('Malawian units violated the truce, the Zambian army said.')).toEqual([expect.stringMatching(/^Zambia accusation/)]);
    expect(brief('Malawian units violated the truce.')).toEqual([]);
  });
});
