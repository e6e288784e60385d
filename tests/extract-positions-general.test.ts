import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/extract/sentences';
import { findPartyMentions } from '../src/extract/parties';
import { detectPositions } from '../src/extract/positions';
import type { AnalysedArticle, ArticlePerson, PersonMention } from '../src/extract/types';

/** Invented sentences for the general patterns the held-out articles showed; people: [name, party, roles]. */
function build(text: string, people: Array<[string, string | null, string[]]> = []): AnalysedArticle {
  const sentences = splitSentences(text);
  const parties = findPartyMentions(text, sentences);
  const ps: ArticlePerson[] = people.map(([name, party, roles]) => {
    const mentions: PersonMention[] = [];
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      mentions.push({ start: i, end: i + name.length, text: name, sentence: sentences.find((s) => s.start <= i && i < s.end)?.index ?? -1 });
    }
    return { key: name.toLowerCase(), name, variants: [], roles, party, mentions };
  });
  return { article: { id: 'tg', title: null, outlet: null, published: '2024-05-14', byline: null, text, origin: { kind: 'paste' } }, sentences, parties, people: ps };
}

const brief = (text: string, people: Array<[string, string | null, string[]]> = []): string[] =>
  detectPositions(build(text, people)).map((p) => `${p.party} ${p.kind}: ${p.text}`);

describe('positions: general cues', () => {
  it('reads "blamed X" without "for", "pressed X to", "urging", "reserved the right to", "until X does", "only once"', () => {
    expect(brief('Chad blamed the rebel coalition for the raid on the depot.')).toEqual(['Chad accusation: blamed the rebel coalition for the raid on the depot']);
    expect(brief('Chad blamed a Niger-based militia.')[0]).toMatch(/^Chad accusation: blamed a Niger-based militia/);
    expect(brief('Ghana pressed both sides to accept the draft.')[0]).toMatch(/^Ghana demand: pressed both sides to accept the draft/);
    expect(brief('Togo reserved the right to respond at a time of its choosing.')[0]).toMatch(/^Togo red-line: reserved the right to respond/);
    expect(brief('Benin would not reopen the border until Togo withdraws its troops.').some((p) => /^Benin condition: until Togo withdraws/.test(p))).toBe(true);
    expect(brief('Mali said it would hand back the prisoners only once Niger had released its soldiers.').some((p) => /^Mali condition: only once Niger/.test(p))).toBe(true);
  });

  it('does not read mutual blame, a noun "urging", a dated past event or an open question as positions', () => {
    expect(brief('Mali and Niger traded charges, each blaming the other.')).toEqual([]);
    expect(brief('The talks began at the urging of Ghana.')).toEqual([]);
    expect(brief('Benin accused Togo of arming a militia founded by men linked to the 1994 genocide.')).toHaveLength(1);
    expect(brief('The fighting raised doubts over whether Chad is ready to stop.')).toEqual([]);
    expect(brief('Benin would not reopen the border until Tuesday.').some((p) => /condition/.test(p))).toBe(false);
  });

  it('leaves an analyst’s forecast to the outlook, and gives a speaker of unknown side the side just speaking', () => {
    expect(brief('“As long as the drones keep flying, the talks will remain a sideshow,” said Lina Osei, an analyst.', [['Lina Osei', null, ['an analyst']]])).toEqual([]);
    const inherited = brief('Benin’s foreign minister Ade Kofi said Benin rejected the plan. He accused Togo of arming the militia.', [['Ade Kofi', null, []]]);
    expect(inherited).toContain('Benin accusation: accused Togo of arming the militia');
  });
});
