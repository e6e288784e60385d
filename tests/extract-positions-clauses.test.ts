import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/extract/sentences';
import { findPartyMentions } from '../src/extract/parties';
import { partyOfPerson, quotations, speakerOf, subjectsAt } from '../src/extract/clauses';
import type { AnalysedArticle, ArticlePerson, PersonMention } from '../src/extract/types';

/** An AnalysedArticle from invented text, with hand-listed people: [name, party, other forms]. */
function build(text: string, people: Array<[string, string | null, string[]]> = []): AnalysedArticle {
  const sentences = splitSentences(text);
  const parties = findPartyMentions(text, sentences);
  const ps: ArticlePerson[] = people.map(([name, party, variants]) => {
    const mentions: PersonMention[] = [];
    for (const v of [name, ...variants].sort((x, y) => y.length - x.length)) {
      for (let i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + 1)) {
        if (mentions.some((m) => i < m.end && i + v.length > m.start)) continue;
        mentions.push({ start: i, end: i + v.length, text: v, sentence: sentences.find((s) => s.start <= i && i < s.end)?.index ?? -1 });
      }
    }
    mentions.sort((x, y) => x.start - y.start);
    return { key: name.toLowerCase(), name, variants, roles: [], party, mentions };
  });
  return { article: { id: 'c', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } }, sentences, parties, people: ps };
}

const speakers = (a: AnalysedArticle) => a.sentences.map((s) => speakerOf(a, s)?.name ?? null);

describe('clauses: speakers', () => {
  it('finds the speaker before or after the verb, in apposition, after "according to", and through "he"', () => {
    const a = build(
      [
        '“The talks were useful,” said Nadia Brel, the foreign minister.',
        'Turkey’s foreign minister, Kemal Ardic, said a meeting could take place soon.',
        'The next round will be held in June, according to Western diplomats.',
        'He added that nothing was agreed.',
        'The ceasefire is fragile, analysts said.',
        'The weather was mild.',
      ].join('\n'),
      [
        ['Nadia Brel', null, ['Brel']],
        ['Kemal Ardic', 'Turkey', ['Ardic']],
      ],
    );
    expect(speakers(a)).toEqual(['Nadia Brel', 'Kemal Ardic', 'Western diplomats', 'Kemal Ardic', 'analysts', null]);
  });

  it('does not take "the United States" for a speech verb, nor a party after "said" in reported speech', () => {
    const a = build('Saudi Arabia and the United States are trying to revive talks, but diplomats said the chances were slim.\nA Sudanese official said the Sudanese delegation might return.');
    expect(speakers(a)).toEqual(['diplomats', 'Sudanese official']);
  });

  it('continues a quotation’s speaker into the next quoted sentence', () => {
    const a = build('“We need guarantees,” she told reporters. “Europe has to be part of that.”\nMinister Eva Lind spoke on Monday.', [['Eva Lind', null, ['Lind']]]);
    // "she" has no earlier person here: the pronoun stays unresolved rather than guessed.
    expect(speakerOf(a, a.sentences[1])).toBeNull();
    const b = build('Minister Eva Lind spoke on Monday.\n“We need guarantees,” she told reporters. “Europe has to be part of that.”', [['Eva Lind', null, ['Lind']]]);
    expect(speakers(b)).toEqual([null, 'Eva Lind', 'Eva Lind']);
  });
});

describe('clauses: holders and quotes', () => {
  it('splits coordinated subjects and resolves "it" to an earlier clause subject', () => {
    const a = build('Britain and France would lead the force.\nKyiv will never accept occupation, and it must have guarantees.');
    const [s0, s1] = a.sentences;
    expect(subjectsAt(a, s0, s0.start + s0.text.indexOf('would')).map((h) => h.party)).toEqual(['United Kingdom', 'France']);
    expect(subjectsAt(a, s1, s1.start + s1.text.indexOf('must')).map((h) => h.party)).toEqual(['Ukraine']);
  });

  it('reads a person’s party from an adjacent demonym when the people stage has none', () => {
    const a = build('Czech President Jan Marek visited the port.', [['Jan Marek', null, ['Marek']]]);
    expect(partyOfPerson(a, a.people[0])).toBe('Czech Republic');
  });

  it('tells quotations from scare quotes', () => {
    const a = build('He called it “a pose” and left.\n“We will not give up our land,” she said.');
    expect(quotations(a.sentences[0])).toEqual([]);
    expect(quotations(a.sentences[1])).toHaveLength(1);
  });
});
