import { describe, expect, it } from 'vitest';
import { shorten, stopsShort, wholeText } from '../src/compose/item-text';

// Invented sentences.
describe('where a printed item text ends', () => {
  it('completes a text the extractor stopped inside a clause, a quotation or a word', () => {
    const s = 'The council said it would “cut patrols near the lake to build trust and sign (a) treaty,” an aide told reporters.';
    expect(wholeText('The council said it would “cut patrols near the lake to build trust and sign (a)', s)).toBe('The council said it would “cut patrols near the lake to build trust and sign (a) treaty”');
    expect(wholeText('Envoys will meet again in', 'Envoys will meet again in Port Vell next week, officials said.')).toBe('Envoys will meet again in Port Vell next week');
    expect(wholeText('Envoys will meet again in Port Ve', 'Envoys will meet again in Port Vell.')).toBe('Envoys will meet again in Port Vell.');
    expect(wholeText('condemned the shelling and again', 'The council condemned the shelling and again condemned the blockade as unlawful.')).toBe('condemned the shelling');
    const open = 'The envoy hoped both sides would “engage in talks that end the war';
    expect(wholeText(open, open)).toBe(`${open}”`);
  });
  it('leaves a whole clause, a text not in its sentence, and a clause end too far away', () => {
    expect(wholeText('Envoys will meet again', 'Envoys will meet again, officials said.')).toBe('Envoys will meet again');
    expect(wholeText('Talks resume on Monday.', 'Something else entirely.')).toBe('Talks resume on Monday.');
    const far = `Envoys will meet in ${'the hall of the old customs house by the northern river '.repeat(3)}at noon.`;
    expect(wholeText('Envoys will meet in', far)).toBe('Envoys will meet in');
    expect(stopsShort('a deal.', ' More')).toBe(false);
  });
  it('shortens at a clause end, else at a word, never inside one', () => {
    const s = 'The two sides agreed to exchange prisoners, set up a hotline between field commanders and meet again before winter';
    expect(shorten(s, 60)).toBe('The two sides agreed to exchange prisoners …');
    const words = 'Negotiators from both capitals continued their discussions about the border commission throughout the evening';
    const cut = shorten(words, 50);
    expect(cut.endsWith(' …')).toBe(true);
    expect(words.startsWith(cut.slice(0, -2))).toBe(true);
    expect(words[cut.length - 2]).toBe(' ');
    expect(shorten('short text', 50)).toBe('short text');
  });
});
