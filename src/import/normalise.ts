import { createHash } from 'node:crypto';

/**
 * Normalises article text once, at import; every offset in Briefsmith refers to the result.
 *
 * What it does, in this order:
 * 1. drops a leading BOM (U+FEFF);
 * 2. turns `\r\n`, lone `\r`, U+2028 and U+2029 into `\n`; form feed and vertical tab become `\n` too;
 * 3. deletes NUL and the other C0/C1 control characters except `\t` and `\n`;
 * 4. applies Unicode NFC;
 * 5. deletes spaces and tabs at the end of each line, and blank lines at the start and end
 *    of the whole text (inner blank lines stay: they separate paragraphs).
 *
 * The function is idempotent (`normaliseText(normaliseText(s)) === normaliseText(s)`), so
 * normalising twice never shifts an offset. Nothing else rewrites `text` after this step:
 * metadata detection only reads it.
 */
export function normaliseText(s: string): string {
  let t = s.startsWith('\uFEFF') ? s.slice(1) : s;
  t = t.replace(/\r\n?|[\u2028\u2029\f\v]/g, '\n');
  // eslint-disable-next-line no-control-regex
  t = t.replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFEFF]/g, '');
  t = t.normalize('NFC');
  t = t.replace(/[ \t\u00A0\u2000-\u200B\u3000]+$/gm, '');
  t = t.replace(/^\n+/, '').replace(/\n+$/, '');
  return t;
}

/** Stable article id: a hash of the normalised text, so re-importing the same text gives the same id. */
export const articleId = (text: string): string => 'a-' + createHash('sha256').update(text).digest('hex').slice(0, 12);
