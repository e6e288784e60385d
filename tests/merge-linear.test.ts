import { describe, expect, it } from 'vitest';
import type { Attack, Delegation, Findings, Outlook, Person, Position, SourceRef } from '../src/model';
import { mergeFindings, type MergeTally } from '../src/extract/merge';

/**
 * Merging must stay linear: the exact comparisons per article may not grow with the number of
 * articles. The articles here are near-identical on purpose (templated wording, one surname
 * shared by many people, many meetings of one party), the shape that made the merge quadratic.
 * Comparisons are counted, not timed, so a busy machine cannot make this pass or fail.
 */

const CITIES = ['Vienna', 'Oslo', 'Muscat', 'Nairobi', 'Helsinki', 'Doha'];
const WHEN = ['next week', 'within a month', 'after the holidays', 'in the spring'];
const GIVEN = ['Arno', 'Belis', 'Corin', 'Dalma', 'Evro', 'Fenna', 'Gusto', 'Halden', 'Irma', 'Jorin', 'Kestel', 'Lumo'];
const SURNAMES = ['Vantor', 'Melkis', 'Orwen'];

const ref = (article: string, start: number): SourceRef => ({ article, sentence: 'Some sentence.', start, end: start + 14 });

/** The findings of invented article i: every section, worded from a few templates. */
function article(i: number): Findings {
  const a = `art-${i}`;
  const city = CITIES[i % CITIES.length];
  const when = WHEN[(i >> 2) % WHEN.length];
  const day = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const name = `${GIVEN[i % GIVEN.length]}${Math.floor(i / GIVEN.length)} ${SURNAMES[i % SURNAMES.length]}`;
  const person: Person = { id: `p-${i}`, name, variants: [SURNAMES[i % SURNAMES.length]], roles: ['envoy'], party: 'Peru', sources: [ref(a, 0)], confidence: 0.8, conflicts: [] };
  const outlook: Outlook[] = [0, 1, 2].map((k) => ({
    id: `o-${i}-${k}`,
    text: `The envoy ${name} said the ${['next', 'fourth', 'final'][k]} round could take place in ${city} ${when}.`,
    who: name, horizon: when, date: null, sources: [ref(a, 20 + k * 20)], confidence: 0.7, conflicts: [],
  }));
  const positions: Position[] = [0, 1].map((k) => ({
    id: `q-${i}-${k}`, party: k ? 'Peru' : 'Ecuador', kind: 'demand',
    text: `demanded that the other side ${['withdraw its forces', 'release detained soldiers'][k]} from ${city} before the talks ${when}`,
    speaker: name, sources: [ref(a, 100 + k * 20)], confidence: 0.7, conflicts: [],
  }));
  const attacks: Attack[] = [{
    id: `x-${i}`, attacker: 'Ecuador', location: city, when: 'overnight', date: day, weapons: [], killed: i % 7, injured: null, target: null,
    intercepted: null, aggregate: false, sources: [ref(a, 200)], confidence: 0.7, conflicts: [],
  }];
  const delegations: Delegation[] = [{
    id: `d-${i}`, party: 'Peru', venue: city, date: day,
    members: [{ personId: null, name, role: 'envoy', leads: true, sources: [ref(a, 0)] }],
    sources: [ref(a, 0)], confidence: 0.8, conflicts: [],
  }];
  return { people: [person], delegations, positions, outlook, attacks };
}

function comparisonsPerArticle(n: number): number {
  const tally: MergeTally = { comparisons: 0 };
  mergeFindings(Array.from({ length: n }, (_, i) => article(i)), tally);
  return tally.comparisons / n;
}

describe('merging many near-identical articles', () => {
  it('makes about as many comparisons per article at 1,600 articles as at 400', () => {
    const small = comparisonsPerArticle(400);
    const large = comparisonsPerArticle(1600);
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThan(1.5);
  });

  it('still joins the same statement reported by two articles', () => {
    const merged = mergeFindings([article(0), article(0 + CITIES.length * WHEN.length * 4)]);
    expect(merged.outlook.some((o) => new Set(o.sources.map((r) => r.article)).size === 2)).toBe(true);
  });
});
