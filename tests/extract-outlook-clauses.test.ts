import { describe, expect, it } from 'vitest';
import { detectOutlook } from '../src/extract/outlook';
import { buildAnalysed } from './fixtures/analysed-article';

/** Invented sentences: clauses, item texts and speakers of outlook items (src/extract/outlook.ts). */
const run = (text: string, people: Array<[string, string | null, string[]]> = []) => detectOutlook(buildAnalysed(text, people, '2024-05-14', 'oc'));

describe('outlook: clauses, texts and speakers', () => {
  it('splits coordinated reports (", and that ...") into items, each with the reporter as speaker', () => {
    const out = run('Mediator Joon Park said the teams had reached a compromise on some issues, and that harder questions would be discussed by the ministers.', [
      ['Joon Park', null, ['Park']],
    ]);
    expect(out).toHaveLength(2);
    expect(out.map((o) => o.who)).toEqual(['Joon Park', 'Joon Park']);
    expect(out[0].text).toBe('Mediator Joon Park said the teams had reached a compromise on some issues');
    expect(out[1].text).toBe('harder questions would be discussed by the ministers.');
  });

  it('splits coordinated predicates (", and are seen as ...")', () => {
    const out = run('The delegates left for the talks in Accra, which are slated to start on Thursday, and are seen as a last chance to reach a deal this year.');
    expect(out).toHaveLength(2);
    expect(out[1].text).toBe('are seen as a last chance to reach a deal this year.');
  });

  it('names the speaker of an inverted report after a comma (", said X", ", added X")', () => {
    const people: Array<[string, string | null, string[]]> = [['Ilse Brandt', 'Austria', ['Brandt']], ['Omar Haddad', null, ['Haddad']]];
    const out = run(
      [
        'The Romanian-Moldovan talks held on Tuesday have brought real progress so far, said Foreign Minister Ilse Brandt, as quoted by local radio.',
        'Observer teams will be put in place in the coming weeks, added Haddad.',
      ].join('\n'),
      people,
    );
    expect(out.map((o) => o.who)).toEqual(['Ilse Brandt', 'Omar Haddad']);
  });

  it('keeps one item for a forecast told twice', () => {
    const out = run('“The number of casualties may rise,” the governor said.\nRescuers are still digging, and the number of casualties may rise.');
    expect(out).toHaveLength(1);
  });

  it('writes a long sentence’s text from the clause that holds the cue, whole words, no ellipsis', () => {
    const lead = 'Under a separate mediation effort hosted by the regional bloc, the two governments signed a framework of principles on June 2, with observers from three neighbouring states, several aid agencies and the regional development bank watching from the gallery';
    const out = run(`${lead}, though their envoys noted the text may not be sufficient to end the fighting in the hills.`);
    expect(out).toHaveLength(1);
    expect(out[0].text).toBe('their envoys noted the text may not be sufficient to end the fighting in the hills.');
    expect(out[0].text.length).toBeLessThanOrEqual(260);
  });
});
