import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { BriefsmithError, FindingsSchema } from '../src/model';
import { analyseArticle, extractAll, extractArticle } from '../src/extract';
import { toContractJson } from '../src/extract/contract';

const text =
  'The talks were held in Istanbul on Monday.\n' +
  "Ukraine's delegation was led by Defence Minister Petro Hnat and included Oksana Lys, a presidential adviser.\n" +
  'Russian Foreign Minister Ivan Sorokin said Moscow wanted a ceasefire.';
const article: Article = {
  id: 'a1',
  title: 'Talks',
  outlet: 'Example Wire',
  published: '2025-05-12',
  byline: null,
  text,
  origin: { kind: 'file', path: 'talks.txt', format: 'txt' },
};

describe('toContractJson', () => {
  const findings = extractAll([article]);
  const json = toContractJson([article], findings);

  it('has exactly the sections and fields of the contract', () => {
    expect(Object.keys(json)).toEqual(['articles', 'people', 'delegations', 'positions', 'outlook', 'attacks']);
    expect(json.articles).toEqual([{ id: 'a1', path: 'talks.txt', title: 'Talks', source: 'Example Wire', published: '2025-05-12' }]);
    for (const p of json.people) expect(Object.keys(p)).toEqual(['name', 'variants', 'role', 'party', 'sources']);
    for (const d of json.delegations) expect(Object.keys(d)).toEqual(['party', 'venue', 'date', 'members', 'sources']);
  });

  it('names people with one role and a plain party, and delegations with leaders', () => {
    const hnat = json.people.find((p) => p.name === 'Petro Hnat');
    expect(hnat).toMatchObject({ role: 'Defence Minister', party: 'Ukraine' });
    expect(json.people.find((p) => p.name === 'Ivan Sorokin')?.party).toBe('Russia');
    expect(json.delegations).toEqual([
      expect.objectContaining({
        party: 'Ukraine',
        venue: 'Istanbul',
        members: [
          { name: 'Petro Hnat', role: 'Defence Minister', leads: true },
          { name: 'Oksana Lys', role: 'presidential adviser', leads: false },
        ],
      }),
    ]);
  });

  it('cites sentences exactly as they stand in the text', () => {
    const refs = [...json.people, ...json.delegations, ...json.positions, ...json.outlook, ...json.attacks].flatMap((i) => i.sources);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) {
      expect(r.article).toBe('a1');
      expect(text.slice(r.start, r.end)).toBe(r.sentence);
    }
  });

  it('round-trips through JSON and matches the model schema', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(() => FindingsSchema.parse(findings)).not.toThrow();
  });
});

describe('extract entry points', () => {
  it('gives the same ids on every run', () => {
    const ids = (f: ReturnType<typeof extractArticle>) => [...f.people, ...f.delegations].map((x) => x.id);
    expect(ids(extractArticle(article))).toEqual(ids(extractArticle({ ...article })));
  });

  it('reports progress and stops when cancelled', () => {
    const seen: number[] = [];
    extractAll([article, { ...article, id: 'a2' }], { progress: (p) => seen.push(p.done) });
    expect(seen).toEqual([0, 1, 2]);
    expect(() => extractAll([article], { cancel: { cancelled: true } })).toThrow(BriefsmithError);
  });

  it('analyses an empty article to nothing', () => {
    const a = analyseArticle({ ...article, text: '' });
    expect(a.sentences).toEqual([]);
    expect(a.people).toEqual([]);
    expect(extractArticle({ ...article, text: '   \n' }).people).toEqual([]);
  });
});
