/**
 * Long replies in parts. A text as long as the project (an opened project's JSON, ~12-19 MB at
 * 500 articles; the preview's HTML) stays where it was made, in the project worker, and the
 * window reads it in parts of at most `PART_CHARS` characters (`readTextPart`), so Electron's
 * main process only ever copies one part at a time: never the whole text in one turn of its
 * event loop (issue 12: main never blocked > 50 ms). A short text goes inline.
 *
 * - `HeldTexts`: the worker's side: texts kept by ticket until every part was read (the last
 *   few at most, so a reply the window never reads cannot pile up);
 * - `readReplyText`: the window's side: all parts asked for at once, joined in order.
 */

/** Characters in one part: 1 Mi characters copy in about a millisecond. */
export const PART_CHARS = 1 << 20;

/** How many unread texts a holder keeps (the window reads each at once; older ones were abandoned). */
const KEPT_TEXTS = 4;

/** A text held where it was made, to be read in `parts` parts. */
export interface HeldTextRef {
  readonly ticket: string;
  readonly parts: number;
}

/** A reply's text: inline when short, else held and read in parts. */
export type ReplyText = { readonly inline: string } | HeldTextRef;

/** Texts kept by ticket, each with the parts not yet read. */
export class HeldTexts {
  private readonly texts = new Map<string, { readonly text: string; readonly unread: Set<number> }>();
  private count = 0;

  /** `name`: unique to this holder (a worker started again has another); `partChars`: the part size (tests make it small). */
  constructor(
    private readonly name: string,
    private readonly partChars = PART_CHARS,
  ) {}

  /** Keeps `text` when it is longer than one part; the reply's text either way. */
  keep(text: string): ReplyText {
    if (text.length <= this.partChars) return { inline: text };
    const ticket = `${this.name}:${++this.count}`;
    const parts = Math.ceil(text.length / this.partChars);
    this.texts.set(ticket, { text, unread: new Set(Array.from({ length: parts }, (_, i) => i)) });
    for (const t of this.texts.keys()) {
      if (this.texts.size <= KEPT_TEXTS) break;
      this.texts.delete(t);
    }
    return { ticket, parts };
  }

  /** Part `index` of a kept text (forgotten once every part was read); null when it is not held. */
  part(ticket: string, index: number): string | null {
    const held = this.texts.get(ticket);
    const size = this.partChars;
    if (!held || !Number.isInteger(index) || index < 0 || index * size >= held.text.length) return null;
    held.unread.delete(index);
    if (held.unread.size === 0) this.texts.delete(ticket);
    return held.text.slice(index * size, (index + 1) * size);
  }

  /** How many texts are held (tests). */
  get size(): number {
    return this.texts.size;
  }
}

/** Reads a reply's text: inline, or every part asked for at once (`read` resolves to null for a part no longer held). */
export async function readReplyText(text: ReplyText, read: (ticket: string, index: number) => Promise<string | null>): Promise<string> {
  if ('inline' in text) return text.inline;
  const parts = await Promise.all(Array.from({ length: text.parts }, (_, i) => read(text.ticket, i)));
  if (parts.some((p) => p === null)) throw new Error('A reply was lost on the way from the project worker; try again.');
  return parts.join('');
}
