import { describe, expect, it } from 'vitest';
import { HeldTexts, PART_CHARS, readReplyText, type ReplyText } from '../src/services/reply-text';

const PART = 100;
/** A text of `n` characters that differs at every position of a part (so a part out of order shows). */
const textOf = (n: number): string => Array.from({ length: Math.ceil(n / 7) }, (_, i) => `${i % 10}é—abc\n`).join('').slice(0, n);

describe('long replies in parts', () => {
  it('keeps a short text inline and a long one by ticket, in parts of at most the part size', async () => {
    const texts = new HeldTexts('t', PART);
    expect(texts.keep('short')).toEqual({ inline: 'short' });
    expect(texts.keep(textOf(PART))).toEqual({ inline: textOf(PART) });
    const long = textOf(PART * 2 + 3);
    const ref = texts.keep(long);
    expect(ref).toEqual({ ticket: 't:1', parts: 3 });
    const sizes: number[] = [];
    const back = await readReplyText(ref, async (ticket, i) => {
      const p = texts.part(ticket, i);
      sizes.push(p?.length ?? -1);
      return p;
    });
    expect(back).toBe(long);
    expect(sizes).toEqual([PART, PART, 3]);
    // Every part read: forgotten.
    expect(texts.size).toBe(0);
    expect(texts.part('t:1', 0)).toBeNull();
    // The default part: a million characters.
    expect(new HeldTexts('d').keep('x'.repeat(PART_CHARS + 1))).toEqual({ ticket: 'd:1', parts: 2 });
  });

  it('answers null for a part it does not hold, and keeps only the last few unread texts', () => {
    const texts = new HeldTexts('w', PART);
    const refs = Array.from({ length: 6 }, () => texts.keep(textOf(PART + 1))) as Array<Exclude<ReplyText, { inline: string }>>;
    expect(texts.size).toBe(4);
    expect(texts.part(refs[0]!.ticket, 0)).toBeNull();
    expect(texts.part(refs[5]!.ticket, 2)).toBeNull();
    expect(texts.part(refs[5]!.ticket, -1)).toBeNull();
    expect(texts.part(refs[5]!.ticket, 0.5)).toBeNull();
    expect(texts.part('other:1', 0)).toBeNull();
    expect(texts.part(refs[5]!.ticket, 1)).toBe(textOf(PART + 1).slice(PART));
    // A part read twice while another is unread is still there.
    expect(texts.part(refs[5]!.ticket, 1)).not.toBeNull();
  });

  it('reads an inline text without asking, and fails when a part is gone', async () => {
    const asked: number[] = [];
    expect(await readReplyText({ inline: 'x' }, async (_, i) => (asked.push(i), 'y'))).toBe('x');
    expect(asked).toEqual([]);
    await expect(readReplyText({ ticket: 'gone', parts: 2 }, async (_, i) => (i === 0 ? 'a' : null))).rejects.toThrow(/lost on the way/);
  });
});
