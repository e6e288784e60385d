import { createHash } from 'node:crypto';

/**
 * Normalises article text once, at import; every offset in Briefsmith refers to the result.
 *
 * What it does, in this order:
 * 1. drops a leading BOM (U+FEFF);
 * 2. turns `\r\n` and a lone `\r` into `\n`; U+2028, U+2029, form feed and vertical tab
 *    become `\n` too (one character for one, so nothing after them moves);
 * 3. deletes NUL and the other C0/C1 control characters except `\t` and `\n`;
 * 4. applies Unicode NFC;
 * 5. deletes whitespace at the very end of the text (nothing follows it, so no offset moves).
 *
 * What it deliberately does NOT do: trim spaces at the ends of lines, drop blank lines
 * at the start, collapse blank lines or spaces. For a UTF-8 file with `\n` line endings,
 * no BOM and no control characters (the usual case) the text is therefore the file's
 * decoded text itself (less trailing whitespace at the end), and offsets into the
 * article are offsets into the file. Only CRLF endings, a BOM, control characters or
 * non-NFC sequences shift later offsets, and only by the characters removed or composed.
 *
 * The function is idempotent (`normaliseText(normaliseText(s)) === normaliseText(s)`), so
 * normalising twice never shifts an offset. After this step only `blankFurniture` touches the
 * text (page furniture lines become spaces, one for one); metadata detection only reads it.
 */
export function normaliseText(s: string): string {
  let t = s.startsWith('\uFEFF') ? s.slice(1) : s;
  t = t.replace(/\r\n?|[\u2028\u2029\f\v]/g, '\n');
  // eslint-disable-next-line no-control-regex
  t = t.replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, '');
  t = t.normalize('NFC');
  // A backwards scan: /\s+$/ would take quadratic time on long runs of inner whitespace.
  let end = t.length;
  while (end > 0 && /\s/.test(t[end - 1])) end--;
  return end === t.length ? t : t.slice(0, end);
}

/** Stable article id: a hash of the normalised text, so re-importing the same text gives the same id. */
export const articleId = (text: string): string => 'a-' + createHash('sha256').update(text).digest('hex').slice(0, 12);
