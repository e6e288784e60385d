import { describe, expect, it } from 'vitest';
import { BriefsmithError } from '../src/model';
import { extractAll } from '../src/extract';
import { mergeAttacks, mergeOutlook, mergePeople } from '../src/extract/merge';
import { samePerson } from '../src/extract/names';
import { buildLimitsCorpus } from '../scripts/limits-extract';
import type { Attack, Outlook, Person, SourceRef } from '../src/model';

/** Many articles at once: progress reaches the total without going back, and a cancel stops the run. */
describe('extractAll on 150 articles', () => {
  const articles = buildLimitsCorpus(150);

  it('reports progress that never goes back and ends at the total, and finds people in every cast', () => {
    const seen: number[] = [];
    const findings = extractAll(articles, { progress: ({ done, total }) => {
      expect(total).toBe(150);
      seen.push(done);
    } });
    expect(seen.length).toBeGreaterThan(150);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[seen.length - 1]).toBe(150);
    expect(findings.people.length).toBeGreaterThan(50);
    // a cast recurs every 120 articles: its people are merged, with sources from both articles
    const recurring = findings.people.filter((p) => p.sources.some((r) => r.article === 'limits-0') && p.sources.some((r) => r.article === 'limits-120'));
    expect(recurring.length).toBeGreaterThan(2);
    expect(new Set(findings.people.map((p) => p.id)).size).toBe(findings.people.length);
  });

  it('stops with BriefsmithError cancelled when the token flips midway', () => {
    const token = { cancelled: false };
    let last = 0;
    let error: unknown = null;
    try {
      extractAll(articles, {
        cancel: token,
        progress: ({ done }) => {
          last = done;
          if (done === 40) token.cancelled = true;
        },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BriefsmithError);
    expect((error as BriefsmithError).code).toBe('cancelled');
    expect(last).toBe(40);
  });
});

describe('blocking in merge keeps the full comparison', () => {
  const ref = (article: string): SourceRef => ({ article, sentence: 'x', start: 0, end: 1 });
  const person = (name: string, article: string, variants: string[] = []): Person => ({
    id: name, name, variants, roles: [], party: null, sources: [ref(article)], confidence: 0.8, conflicts: [],
  });

  it('decides every pair as samePerson does, near-spellings included (the sound key)', () => {
    const pairs = [
      ['Lena Sorvino', 'Lena Sorvina'],
      ['Omar al-Haddad', 'Mr. Haddad'],
      ['Tomas Grabowsky', 'Tomas Grabowski'],
      ['Petar Hristov', 'Petar Khristov'],
      ['Ivo Marsh', 'Ivo Marks'],
      ['Darek Kovalczyk', 'Darek Kowalczyk'],
      ['Juri Makarenko', 'Yuri Makarenko'],
    ];
    expect(samePerson('Lena Sorvino', 'Lena Sorvina')).toBe(true);
    for (const [a, b] of pairs) expect(mergePeople([person(a, 'x'), person(b, 'y')]), `${a} / ${b}`).toHaveLength(samePerson(a, b) ? 1 : 2);
  });

  it('joins outlook items worded alike in different articles, not unlike ones', () => {
    const o = (text: string, article: string): Outlook => ({ id: `o:${article}`, text, who: null, horizon: null, date: null, sources: [ref(article)], confidence: 0.7, conflicts: [] });
    const merged = mergeOutlook([
      o('The next round of talks is expected in Vienna next month', 'a'),
      o('Diplomats said the next round of talks is expected in Vienna', 'b'),
      o('A prisoner exchange could follow within weeks', 'c'),
    ]);
    expect(merged).toHaveLength(2);
  });

  it('joins attacks on one place and day, and not across places', () => {
    const at = (location: string | null, article: string): Attack =>
      ({ id: `a:${article}`, location, date: '2026-01-02', when: null, weapons: [], attacker: null, killed: 1, injured: null, target: null, intercepted: null, aggregate: false, sources: [ref(article)], confidence: 0.7, conflicts: [] });
    expect(mergeAttacks([at('Eastfield', 'a'), at('eastfield', 'b'), at('Lowmoor', 'c'), at(null, 'd')])).toHaveLength(3);
  });
});
