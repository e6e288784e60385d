import { describe, expect, it } from 'vitest';
import type { Attack, Delegation, Findings, Person, SourceRef } from '../src/model';
import { FindingsMerge, mergeFindings } from '../src/extract/merge';

/**
 * FindingsMerge adds one article at a time and must give exactly what mergeFindings gives for
 * the same articles at once, whatever comes when: a fuller name arriving after the bare surname
 * it explains (people are clustered fullest name first, so the incremental merge must go back),
 * three-word names, initials, variants, two people with one id, delegation members whose person
 * changes, and strikes whose group grows. The names and places are invented.
 */
const ref = (article: string, start: number): SourceRef => ({ article, sentence: 'An invented sentence.', start, end: start + 10 });

const NAMES = [
  'Olsk', // a bare surname before anyone explains it
  'Tarven Olsk',
  'Mirela Dunhoff',
  'M. Dunhoff',
  'Dunhoff',
  'Anna Maria Quellbrand',
  'Quellbrand',
  'Osric Palain',
  'Oskar Palain', // same surname and initial: same id, different person
  'Palain',
  'Ilse Verrow',
  'Ilsa Verrow', // a near-spelling of the same person
];
const CITIES = ['Lima', 'Quito', 'Arica'];

function person(name: string, a: string, i: number, variants: string[] = []): Person {
  return { id: `p-${a}-${i}`, name, variants, roles: i % 2 ? ['envoy'] : ['minister'], party: i % 3 ? 'Chile' : 'Bolivia', sources: [ref(a, i * 10)], confidence: 0.5 + (i % 5) / 10, conflicts: [] };
}

/** The findings of invented article k: a few people from the list, their delegation, a strike, a statement. */
function article(k: number): Findings {
  const a = `art-${k}`;
  const names = [NAMES[(k * 5) % NAMES.length]!, NAMES[(k * 7 + 3) % NAMES.length]!, NAMES[(k * 11 + 1) % NAMES.length]!];
  const people = names.map((n, i) => person(n, a, i, k % 4 === 1 && i === 0 ? [n.split(' ').pop()!] : []));
  const delegations: Delegation[] = [
    {
      id: `d-${k}`,
      party: k % 2 ? 'Chile' : 'Bolivia',
      venue: k % 3 ? CITIES[k % 3]! : null,
      date: k % 4 ? `2024-03-0${1 + (k % 5)}` : null,
      members: names.slice(0, 2).map((n, i) => ({ personId: null, name: n, role: i ? null : 'envoy', leads: (k + i) % 2 === 0, sources: [ref(a, i * 10)] })),
      sources: [ref(a, 0)],
      confidence: 0.8,
      conflicts: [],
    },
  ];
  const attacks: Attack[] = [
    { id: `x-${k}`, attacker: k % 3 ? 'Bolivia' : 'Chile', location: CITIES[k % 2]!, when: 'overnight', date: '2024-02-28', weapons: [], killed: 3 + (k % 3), injured: null, target: null, intercepted: null, aggregate: false, sources: [ref(a, 60)], confidence: 0.7, conflicts: [] },
  ];
  return {
    people,
    delegations,
    positions: [{ id: `q-${k}`, party: 'Chile', kind: 'demand', text: `demanded a ${k % 2 ? 'ceasefire' : 'prisoner exchange'} before the next round in ${CITIES[k % 3]}`, speaker: names[0]!, sources: [ref(a, 20)], confidence: 0.7, conflicts: [] }],
    outlook: [{ id: `o-${k}`, text: `The next round will take place in ${CITIES[k % 3]} ${k % 2 ? 'next week' : 'in May'}.`, who: null, horizon: null, date: null, sources: [ref(a, 40)], confidence: 0.7, conflicts: [] }],
    attacks,
  };
}

/** The date of invented article k, or none: months apart, so undated reports of one venue fall in different rounds. */
const published = (k: number): string | null => (k % 3 === 2 ? null : `2024-0${1 + (k % 4)}-0${1 + (k % 7)}`);

describe('FindingsMerge, one article at a time', () => {
  it('equals mergeFindings after every article, in several orders', () => {
    const per = Array.from({ length: 24 }, (_, k) => article(k));
    const orders = [per.map((_, i) => i), per.map((_, i) => per.length - 1 - i), per.map((_, i) => (i * 7) % per.length)];
    for (const order of orders) {
      const merge = new FindingsMerge();
      order.forEach((k, n) => {
        merge.add(per[k]!, published(k));
        // Sometimes two articles come before the next result.
        if (n % 5 === 3) return;
        const ks = order.slice(0, n + 1);
        expect(merge.result(), `after ${n + 1} articles`).toEqual(mergeFindings(ks.map((i) => per[i]!), undefined, ks.map(published)));
      });
    }
  });

  it('goes back when a fuller name explains a bare surname seen before', () => {
    const bare = { ...article(0), people: [person('Olsk', 'art-a', 0)] };
    const full = { ...article(1), people: [person('Tarven Olsk', 'art-b', 0)] };
    const merge = new FindingsMerge().add(bare);
    expect(merge.result().people.map((p) => p.name)).toEqual(['Olsk']);
    merge.add(full);
    const people = merge.result().people;
    expect(people).toEqual(mergeFindings([bare, full]).people);
    expect(people.map((p) => p.name)).toEqual(['Tarven Olsk']);
  });

  it('keeps an item that did not change as the same object', () => {
    const per = Array.from({ length: 12 }, (_, k) => article(k));
    const merge = new FindingsMerge();
    for (const f of per) merge.add(f);
    const before = merge.result();
    const again = merge.result();
    for (const section of ['people', 'delegations', 'positions', 'outlook', 'attacks'] as const) {
      expect(again[section].every((x, i) => x === before[section][i]), section).toBe(true);
    }
  });

  it('the fixture is not trivial: people join, ids repeat, tolls disagree', () => {
    const merged = mergeFindings(Array.from({ length: 24 }, (_, k) => article(k)));
    expect(merged.people.length).toBeLessThan(NAMES.length);
    expect(merged.people.some((p) => p.id.includes('~'))).toBe(true);
    expect(merged.attacks.some((x) => x.conflicts.length > 0)).toBe(true);
    expect(merged.delegations.some((d) => d.members.length > 2)).toBe(true);
    // the articles' dates change which reports are one round
    const per = Array.from({ length: 24 }, (_, k) => article(k));
    const rounds = (f: Findings) => f.delegations.map((d) => d.sources.map((r) => r.article).join());
    expect(rounds(mergeFindings(per, undefined, per.map((_, k) => published(k))))).not.toEqual(rounds(merged));
  });
});
