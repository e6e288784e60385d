import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article, Attack, Delegation, Person, SourceRef } from '../src/model';
import { extractAll } from '../src/extract';
import { mergeAttacks, mergeDelegations, mergePeople } from '../src/extract/merge';

const SEEDS = path.resolve(__dirname, '../../shared/seeds');
const NYT = path.join(SEEDS, '000_118066a58bd8992f.txt');
const FT = path.join(SEEDS, '002_d98ed01e17b307d9.txt');
const present = existsSync(NYT) && existsSync(FT);
const article = (file: string, id: string): Article => ({
  id,
  title: null,
  outlet: null,
  published: '2025-03-23',
  byline: null,
  text: readFileSync(file, 'utf8'),
  origin: { kind: 'file', path: file, format: 'txt' },
});

describe.skipIf(!present)('merging the two seed articles (../shared/seeds)', () => {
  const findings = present ? extractAll([article(NYT, 'nyt'), article(FT, 'ft')]) : null;
  const person = (surname: string): Person[] => findings?.people.filter((p) => [p.name, ...p.variants].some((n) => n.endsWith(surname))) ?? [];

  it('lists a person named in both articles once, with sources from both', () => {
    for (const surname of ['Witkoff', 'Umerov', 'Palisa', 'Anton', 'Karasin', 'Beseda', 'Putin', 'Trump']) {
      const ps = person(surname);
      expect(ps, surname).toHaveLength(1);
      expect(new Set(ps[0].sources.map((r) => r.article)), surname).toEqual(new Set(['nyt', 'ft']));
    }
  });

  it('folds spelling variants and keeps the fullest name', () => {
    const zel = findings?.people.filter((p) => /Zelensky/.test(p.name)) ?? [];
    expect(zel).toHaveLength(1);
    expect(zel[0].variants).toContain('Volodymyr Zelenskyy');
    expect(person('Beseda')[0].name).toBe('Sergey O. Beseda');
    expect(person('Beseda')[0].variants).toContain('Sergei Beseda');
    expect(person('Waltz')[0].variants).toContain('Mike Waltz');
    expect(person('Kuznets')).toHaveLength(1);
  });

  it('reports the disagreement on who led the U.S. team as a conflict with both sources', () => {
    const us = findings?.delegations.find((d) => d.party === 'United States');
    expect(us).toBeDefined();
    const c = us?.conflicts.find((x) => x.field === 'leaders');
    expect(c, 'a conflict on the leaders').toBeDefined();
    const byArticle = (c?.values ?? []).map((v) => [...new Set(v.sources.map((r) => r.article))].sort().join('+'));
    expect(byArticle.sort()).toEqual(['ft', 'nyt']);
    expect(c?.values.some((v) => /Peek/.test(v.value))).toBe(true);
    expect(us?.members.map((m) => m.name).sort()).toEqual(['Andrew Peek', 'Michael Anton']);
  });

  it('gives stable, content-derived ids', () => {
    const again = extractAll([article(FT, 'ft'), article(NYT, 'nyt')]);
    const ids = (f: typeof again) => new Set([...f.people, ...f.delegations].map((x) => x.id));
    expect(ids(again)).toEqual(ids(findings as typeof again));
    expect(person('Beseda')[0].id).toBe('people:beseda:s');
  });
});

const ref = (article: string, start = 0): SourceRef => ({ article, sentence: 'S.', start, end: start + 2 });
const personOf = (name: string, article: string, party: string | null = null): Person => ({
  id: 'x',
  name,
  variants: [],
  roles: [],
  party,
  sources: [ref(article)],
  confidence: 0.9,
  conflicts: [],
});

describe('mergePeople', () => {
  it('merges transliterations but not different people', () => {
    const merged = mergePeople([
      personOf('Rustem Umerov', 'a'),
      personOf('Rustem Umyerov', 'b'),
      personOf('Dmitry Kuznets', 'a'),
      personOf('Dmitry Kuznetsov', 'b'),
      personOf('Volodymyr Petrenko', 'a'),
      personOf('Vladimir Petrenko', 'b'),
    ]);
    const names = merged.map((p) => p.name);
    expect(merged).toHaveLength(5);
    for (const n of ['Dmitry Kuznets', 'Dmitry Kuznetsov', 'Volodymyr Petrenko', 'Vladimir Petrenko']) expect(names).toContain(n);
    const um = merged.filter((p) => p.name.startsWith('Rustem'));
    expect(um).toHaveLength(1);
    expect([um[0].name, ...um[0].variants].sort()).toEqual(['Rustem Umerov', 'Rustem Umyerov']);
    expect(new Set(um[0].sources.map((r) => r.article))).toEqual(new Set(['a', 'b']));
  });

  it('keeps a party disagreement as a conflict', () => {
    const [p] = mergePeople([personOf('Anna Kovalenko', 'a', 'Ukraine'), personOf('Anna Kovalenko', 'b', 'Russia')]);
    expect(p.party).toBe('Ukraine');
    expect(p.conflicts[0]).toMatchObject({ field: 'party' });
    expect(p.conflicts[0].values.map((v) => v.value)).toEqual(['Ukraine', 'Russia']);
  });
});

describe('mergeDelegations and mergeAttacks', () => {
  const del = (article: string, leads: boolean, venue = 'Geneva', date: string | null = null): Delegation => ({
    id: 'delegations:ukraine',
    party: 'Ukraine',
    venue,
    date,
    members: [{ personId: null, name: 'Ivan Bondar', role: null, leads, sources: [ref(article)] }],
    sources: [ref(article)],
    confidence: 0.8,
    conflicts: [],
  });
  it('records a leadership disagreement about one meeting', () => {
    const [d, more] = mergeDelegations([del('a', true), del('b', false)], []);
    expect(more).toBeUndefined();
    expect(d.members).toHaveLength(1);
    expect(d.conflicts.map((c) => c.field)).toEqual(['leaders']);
  });
  it('keeps talks in two places, or weeks apart, as two meetings and not a disagreement', () => {
    const places = mergeDelegations([del('a', true), del('b', false, 'Istanbul')], []);
    expect(places.map((d) => d.venue)).toEqual(['Geneva', 'Istanbul']);
    expect(places.flatMap((d) => d.conflicts)).toEqual([]);
    const dates = mergeDelegations([del('a', true, 'Geneva', '2025-03-02'), del('b', false, 'Geneva', '2025-05-16')], []);
    expect(dates).toHaveLength(2);
    const sameRound = mergeDelegations([del('a', true, 'Geneva', '2025-03-02'), del('b', true, 'Geneva', '2025-03-03'), del('c', true, null as unknown as string)], []);
    expect(sameRound).toHaveLength(1);
  });

  const led = (article: string, leader: string, venue: string | null, date: string | null = null): Delegation => ({
    ...del(article, true, venue as string, date),
    members: [{ personId: null, name: leader, role: null, leads: true, sources: [ref(article)] }],
  });
  it('tells two rounds at one venue apart by the dates of the articles when the sentences name no day', () => {
    // reports of one round, published two days apart: one meeting, and a real disagreement on its leader
    const round = mergeDelegations([led('a', 'Ivan Bondar', 'Istanbul'), led('b', 'Petro Halych', 'Istanbul')], [], undefined, undefined, ['2025-05-16', '2025-05-18']);
    expect(round).toHaveLength(1);
    expect(round[0]!.conflicts.map((c) => c.field)).toEqual(['leaders']);
    // the same venue three years apart, or a month apart: two meetings, no disagreement
    for (const dates of [['2022-03-29', '2025-05-16'], ['2025-05-16', '2025-06-02']]) {
      const two = mergeDelegations([led('a', 'Ivan Bondar', 'Istanbul'), led('b', 'Petro Halych', 'Istanbul')], [], undefined, undefined, dates);
      expect(two, dates.join()).toHaveLength(2);
      expect(two.flatMap((d) => d.conflicts)).toEqual([]);
    }
    // a day the sentence names outweighs its article's date; a report a week after the round is of that round
    const named = mergeDelegations([led('a', 'Ivan Bondar', 'Istanbul', '2025-05-16'), led('b', 'Ivan Bondar', 'Istanbul')], [], undefined, undefined, ['2025-06-20', '2025-05-23']);
    expect(named).toHaveLength(1);
    expect(named[0]!.date).toBe('2025-05-16');
  });
  it('joins a report nothing dates to the round at its venue, where a different leader is a disagreement to settle', () => {
    const undated = mergeDelegations([led('a', 'Ivan Bondar', 'Istanbul'), led('b', 'Petro Halych', 'Istanbul')], [], undefined, undefined, ['2025-05-16', null]);
    expect(undated).toHaveLength(1);
    expect(undated[0]!.conflicts.map((c) => c.field)).toEqual(['leaders']);
  });

  const attack = (article: string, killed: number): Attack => ({
    id: `atk-${article}`,
    attacker: 'Russia',
    location: 'Kharkiv',
    when: 'Saturday night',
    date: '2025-03-22',
    weapons: [],
    killed,
    injured: null,
    target: null,
    intercepted: null,
    aggregate: false,
    sources: [ref(article)],
    confidence: 0.8,
    conflicts: [],
  });
  it('joins one strike reported twice and keeps the differing death tolls', () => {
    const merged = mergeAttacks([attack('a', 4), attack('b', 5)]);
    expect(merged).toHaveLength(1);
    expect(merged[0].sources).toHaveLength(2);
    expect(merged[0].conflicts.find((c) => c.field === 'killed')?.values.map((v) => v.value)).toEqual(['4', '5']);
  });
});
