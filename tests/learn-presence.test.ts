import { describe, expect, it } from 'vitest';
import { expectNoHeldOutIds } from './fixtures/training-ids';
import type { Article, Findings } from '../src/model';
import { extractArticle, extractSections } from '../src/extract';
import { presenceFeatures } from '../src/extract/learn/presence-features';
import { STATEMENT_MODELS, type StatementModel, type StatementModels } from '../src/extract/learn/statement-model';
import { gatePresence, PRESENCE_MODEL, presenceProbability, type PresenceModel, type PresenceModelFile, type SectionGate } from '../src/extract/learn/presence-model';
import model from '../src/extract/models/presence.json';

/** The learned presence gate: features of invented articles, the gate's three bands, and the committed model. */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: '2026-03-02', byline: null, text, origin: { kind: 'paste' } });

const TALKS = [
  'Negotiators from Chile and Peru met in Quito on Monday for a second round of talks on the disputed border.',
  'Chile demanded that Peru withdraw its troops from the valley before any deal is signed, Chilean Foreign Minister Ana Soto said.',
  'Peru refused to pull back and accused Chile of moving artillery toward the frontier, Peruvian envoy Luis Paredes told reporters.',
  'Both delegations said they would meet again next month in Lima.',
  'The talks were held behind closed doors at a hotel near the airport.',
  'Mediators from Ecuador shuttled between the two rooms for most of the afternoon.',
  'A draft text on water rights was circulated among the negotiators.',
  'Officials on both sides described the mood as tense but businesslike.',
  'The dispute over the valley dates back to a survey made decades ago.',
].join('\n');
const STRIKE = [
  'A car bomb exploded outside a market in the northern town of Orsk on Saturday, killing 14 people and wounding 30, police said.',
  'Witnesses said the blast shattered windows along the whole street.',
  '"I heard the explosion and ran outside," said a shopkeeper, Ivan Marin.',
  'No group has said it carried out the attack.',
].join('\n');

/** A gate that reads one feature: P = sigmoid(w · (x − mean)). */
const oneFeatureGate = (feature: string, threshold: number, weak: number): SectionGate => ({ bias: 0, weights: { [feature]: 4 }, means: { [feature]: 0.5 }, scales: { [feature]: 1 }, threshold, weak });
const only = (sections: PresenceModel['sections']): PresenceModel => ({ name: 'test-presence', sections });

describe('presence features', () => {
  it('tell a talks report from a strike report by the words and items the stages found', () => {
    const talks = extractSections(art(TALKS));
    const strike = extractSections(art(STRIKE));
    const t = presenceFeatures(talks.analysed, talks.findings).positions!;
    const s = presenceFeatures(strike.analysed, strike.findings).positions!;
    expect(t.get('share:talks')!).toBeGreaterThan(s.get('share:talks')!);
    expect(s.get('share:attack')!).toBeGreaterThan(t.get('share:attack')!);
    expect(s.get('items:attacks')!).toBeGreaterThan(0);
    expect(t.get('own:pmax')!).toBeGreaterThan(s.get('own:pmax')!);
  });
  it('score the sentences with the statement detectors the extraction ran with (a trainer’s refitted ones)', () => {
    // Detectors that never fire: no learned item, and the best sentence score is the one their bias gives.
    const mute = (m: StatementModel): StatementModel => ({ ...m, bias: -20, weights: {} });
    const models: StatementModels = { positions: mute(STATEMENT_MODELS.positions), outlook: mute(STATEMENT_MODELS.outlook) };
    const shipped = extractSections(art(TALKS));
    const refit = extractSections(art(TALKS), models);
    const learned = (f: Findings): number => [...f.positions, ...f.outlook].filter((x) => (x.rules ?? []).some((r) => r === 'learned-positions' || r === 'learned-outlook')).length;
    expect(learned(refit.findings)).toBe(0);
    expect(refit.findings.positions.length).toBeGreaterThan(0);
    const features = presenceFeatures(refit.analysed, refit.findings, ['positions', 'outlook'], models);
    expect(features.positions!.get('own:pmax')!).toBeLessThan(1e-6);
    expect(presenceFeatures(shipped.analysed, shipped.findings, ['positions']).positions!.get('own:pmax')!).toBeGreaterThan(0.1);
  });
  it('name no word, name or number of the text', () => {
    const { analysed, findings } = extractSections(art(TALKS));
    for (const f of Object.values(presenceFeatures(analysed, findings))) for (const name of f.keys()) expect(name).toMatch(/^[a-z]+[0-9]?(?::[a-zA-Z-]+[0-9]*)*$/);
  });
});

describe('the presence gate', () => {
  const { analysed, findings } = extractSections(art(TALKS));
  const withLearned: Findings = { ...findings, positions: [...findings.positions, { ...findings.positions[0]!, id: 'x', rules: ['learned-positions'] }] };
  it('empties a section whose article scores below the threshold', () => {
    const out = gatePresence(analysed, withLearned, only({ positions: oneFeatureGate('share:talks', 1.01, 0) }));
    expect(out.positions).toEqual([]);
    expect(out.outlook).toEqual(withLearned.outlook);
  });
  it('keeps only the rules’ items in the weak band', () => {
    const out = gatePresence(analysed, withLearned, only({ positions: oneFeatureGate('share:talks', 0, 1.01) }));
    expect(out.positions.length).toBe(withLearned.positions.length - 1);
    expect(out.positions.some((p) => (p.rules ?? []).includes('learned-positions'))).toBe(false);
  });
  it('leaves a text of a few sentences as it is: it judges whole articles', () => {
    const short = extractSections(art(STRIKE));
    expect(gatePresence(short.analysed, short.findings, only({ attacks: oneFeatureGate('share:talks', 1.01, 0) }))).toBe(short.findings);
  });
  it('leaves a section above both levels, and sections without a gate, as they were', () => {
    expect(gatePresence(analysed, withLearned, only({ positions: oneFeatureGate('share:talks', 0, 0) }))).toEqual(withLearned);
    expect(gatePresence(analysed, withLearned, only({}))).toBe(withLearned);
  });
  it('reads the standardised features: a higher value of a positive feature raises the probability', () => {
    const g = oneFeatureGate('share:talks', 0.5, 0);
    expect(presenceProbability(g, new Map([['share:talks', 0.9]]))).toBeGreaterThan(presenceProbability(g, new Map([['share:talks', 0.1]])));
    expect(presenceProbability(g, new Map())).toBeLessThan(0.5);
  });
});

describe('the presence model file', () => {
  const file = model as unknown as PresenceModelFile;
  it('records how it was made, with general feature names and levels in [0, 1]', () => {
    expect(file.how).toMatch(/train-presence/);
    for (const g of Object.values(PRESENCE_MODEL.sections)) {
      for (const f of Object.keys(g.weights)) expect(f).toMatch(/^[a-z]+[0-9]?(?::[a-zA-Z-]+[0-9]*)*$/);
      expect(g.threshold).toBeGreaterThanOrEqual(0);
      expect(g.weak).toBeLessThanOrEqual(1.01);
    }
  });
  it('was trained on no check, blind or blind2 article', () => {
    if (Object.keys(file.sections).length) expectNoHeldOutIds(file.trainingIds);
  });
  it('keeps the positions of a plain talks report', () => {
    const out = extractArticle(art(TALKS));
    expect(out.positions.length).toBeGreaterThan(0);
  });
});
