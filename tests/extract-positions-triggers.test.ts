import { describe, expect, it } from 'vitest';
import { mayMatch, sentenceKeys, triggerIndex, triggersOf } from '../src/extract/cue-triggers';
import { fastRegExp } from '../src/extract/clauses';
import { POSITION_CUES } from '../src/extract/lexicon/position-frames';
import { OUTLOOK_CUES } from '../src/extract/lexicon/outlook-frames';

/** Invented sentences with many cue shapes: the trigger test may only skip a cue that cannot match. */
const SENTENCES = [
  'Malawi pledged new grain shipments and would only talk if the border stays open.',
  'The Zambian side will never accept a partition, its envoy said on Tuesday.',
  'Officials in Lusaka are expected to meet again next week, followed by a summit in Harare.',
  'A ceasefire would be harder to reach than the mediators hoped, analysts warned.',
  'Steep challenges ahead: Botswana rejected the draft, calling it a non-starter.',
  'Namibia will be in Windhoek on Friday; talks could lead to a deal within weeks.',
  'The Angolan plan to demilitarise the valley, subject to approval, was not backed by Lesotho.',
  'In a bid to end the standoff, Eswatini offered to release prisoners in return for Malawi vowing to withdraw.',
  'Expectations were low and few expected a breakthrough, though progress on some issues was made.',
  '“We reserve the right to respond,” said Ms Banda, who accused the army of stalling.',
];

describe('cue triggers', () => {
  it('reads the first words of each alternative, through look-arounds, groups and optional groups', () => {
    expect([...(triggersOf(String.raw`\bonly if\b|\bunless\b`) ?? [])]).toEqual(['only ', 'unless ']);
    expect([...(triggersOf(String.raw`\b(?:will|would) never\b`) ?? [])]).toEqual(['will ', 'would ']);
    expect([...(triggersOf(String.raw`(?<!\bthe\s)\bdemands? that\b`) ?? [])]).toEqual(['demand']);
    expect([...(triggersOf(String.raw`\b(?:steep |major )?challenges?\b`) ?? [])]).toEqual(['steep ', 'major ', 'challenge']);
    expect([...(triggersOf(String.raw`\bno?t\b`) ?? [])]).toEqual(['n']);
  });

  it('keys a whole word only where the regex must end the word, else a prefix', () => {
    // white space, a boundary, a mark or a group whose every alternative ends the word
    expect([...(triggersOf(String.raw`\bis\s+expected`) ?? [])]).toEqual(['is ']);
    expect([...(triggersOf(String.raw`\bcease-fire`) ?? [])]).toEqual(['cease ']);
    expect([...(triggersOf(String.raw`\bwill(?: not| never)\b`) ?? [])]).toEqual(['will ']);
    expect([...(triggersOf(String.raw`\b[Ww]ill be\b`) ?? [])]).toEqual(['will ']);
    // a group that may go on with letters, a class, a repeated letter, a literal too long to key whole
    expect([...(triggersOf(String.raw`\bwill(?: not|n't)\b`) ?? [])]).toEqual(['will']);
    expect([...(triggersOf(String.raw`\bvoic(?:ed|es)\b`) ?? [])]).toEqual(['voic']);
    expect([...(triggersOf(String.raw`\bwon[’']t\b`) ?? [])]).toEqual(['won']);
    expect([...(triggersOf(String.raw`\bsho+t\b`) ?? [])]).toEqual(['sh']);
    expect([...(triggersOf(String.raw`\bcounterproposals\b`) ?? [])]).toEqual(['counterpropo']);
  });

  it('requires every word an alternative cannot match without, not only its first', () => {
    const t = triggersOf(String.raw`\b(?:is|are)\s+(?:also\s+)?expected\s+to\b|\bin (?:exchange|return) for\b`);
    expect(t?.alternatives.map((groups) => groups.map((g) => [...g]))).toEqual([
      [['is ', 'are '], ['expected '], ['to ']],
      [['in '], ['exchange ', 'return '], ['for ']],
    ]);
    const index = triggerIndex([t]);
    expect([...index('Lesotho is expected to sign.')]).toEqual([1]);
    expect([...index('Lesotho is ready to sign.')]).toEqual([0]);
    expect([...index('Prisoners in Maseru were freed in return for grain.')]).toEqual([1]);
    expect([...index('Prisoners in Maseru were freed for grain.')]).toEqual([0]);
    // words after an optional group ending in a space, in a positive look-ahead, after a mark
    const u = triggersOf(String.raw`\bsaid (?:very )?firmly\b(?=[^.]*\bnever\b)|\bcease-fire\b`);
    expect(u?.alternatives.map((groups) => groups.map((g) => [...g]))).toEqual([[['said '], ['firmly '], ['never ']], [['cease '], ['fire ']]]);
    // a space starts a word again; letters after a class of letters do not start one
    expect(triggersOf(String.raw`\bwill(?: not|n't) [a-z]+ now\b`)?.alternatives.map((groups) => groups.map((g) => [...g]))).toEqual([[['will'], ['now ']]]);
    expect(triggersOf(String.raw`\bwill [a-z]*ly\b`)?.alternatives.map((groups) => groups.map((g) => [...g]))).toEqual([[['will ']]]);
  });

  it('gives up on cues it cannot read: no word boundary, a class, a repeated group', () => {
    expect(triggersOf(String.raw`,\s+said`)).toBeNull();
    expect(triggersOf(String.raw`\b[\p{Lu}]\w+ said`)).toBeNull();
    expect(triggersOf(String.raw`\b(?:very )*good\b`)).toBeNull();
    expect(triggersOf(String.raw`ing\b`)).toBeNull();
  });

  it('keys a sentence by the word prefixes the regex engine sees', () => {
    const k = sentenceKeys('Non-negotiable, Ms Banda’s team said.');
    for (const key of ['n', 'no', 'non', 'nego', 'b', 'band', 's', 'team', 'said']) expect(k.has(key)).toBe(true);
    expect(k.has('non-')).toBe(false);
    for (const key of ['non ', 'banda ', 'team ', 's ']) expect(k.has(key)).toBe(true);
    expect(k.has('band ')).toBe(false);
    expect(mayMatch(null, k)).toBe(true);
    expect(mayMatch(new Set(['reje']), k)).toBe(false);
  });

  it('marks by one pass over the words the same cues as the key test', () => {
    const all = [...POSITION_CUES, ...OUTLOOK_CUES].map((c) => triggersOf(c.re));
    const index = triggerIndex(all);
    for (const s of SENTENCES) {
      const keys = sentenceKeys(s);
      expect([...index(s)].map((x) => x === 1)).toEqual(all.map((t) => mayMatch(t, keys)));
    }
    expect([...triggerIndex([new Set(['reje']), null, new Set(['acc'])])('Lesotho rejected it.')]).toEqual([1, 1, 0]);
    // a whole-word key fires on that word only, not on a longer one that starts with it
    expect([...triggerIndex([new Set(['is ']), new Set(['is'])])('Tanzania’s island is calm.')]).toEqual([1, 1]);
    expect([...triggerIndex([new Set(['is ']), new Set(['is'])])('Tanzania’s island was calm.')]).toEqual([0, 1]);
  });

  it('never skips a position or outlook cue that matches', () => {
    let matched = 0;
    for (const cue of [...POSITION_CUES, ...OUTLOOK_CUES]) {
      const re = fastRegExp(cue.re, 'caseSensitive' in cue && cue.caseSensitive ? '' : 'i');
      const triggers = triggersOf(cue.re);
      for (const s of SENTENCES) {
        if (!re.test(s)) continue;
        matched++;
        expect(mayMatch(triggers, sentenceKeys(s)), `${cue.name}: ${s}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(20);
  });
});
