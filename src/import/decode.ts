import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * Bytes → string for text formats. Order of evidence:
 * 1. a BOM (UTF-8, UTF-16 LE/BE);
 * 2. the NUL-byte pattern of UTF-16 without a BOM (ASCII spaces, digits and punctuation
 *    have a zero high byte, so one byte position of each pair is often NUL and the other
 *    almost never);
 * 3. valid UTF-8;
 * 4. a charset declared by the caller (HTML `<meta charset>`), when iconv-lite knows it;
 * 5. chardet's statistical guess (windows-1251, KOI8-R, Shift_JIS, ...) decoded by iconv-lite;
 * 6. windows-1252, which maps every byte.
 */
export interface Decoded {
  readonly text: string;
  readonly encoding: string;
}

export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const utf16 = guessUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to the legacy encodings
  }
  if (declared && iconv.encodingExists(declared) && !/^utf-?8$/i.test(declared)) {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), declared), encoding: declared.toLowerCase() };
  }
  const mixed = decodeMixedLines(bytes);
  if (mixed) return mixed;
  const enc = legacyEncoding(bytes);
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), enc), encoding: enc.toLowerCase() };
}

/** Single-byte encodings worth trying besides chardet's guess (it mistakes KOI8-R for ISO-8859-8). */
const SINGLE_BYTE = ['windows-1251', 'koi8-r', 'iso-8859-5', 'windows-1252', 'windows-1250', 'iso-8859-2', 'windows-1253', 'iso-8859-7'];
const isSingleByte = (e: string): boolean => /^(?:windows-125\d|iso-8859-\d+|koi8-[ru]|ibm866|cp866|macintosh)$/i.test(e);

/**
 * The legacy encoding of bytes that are not UTF-8: chardet's guess when it is a multi-byte
 * encoding (Shift_JIS, GB18030...) that decodes cleanly; otherwise the single-byte encoding
 * whose text reads best (see `readability`), chardet's own candidates first on a tie.
 */
export function legacyEncoding(bytes: Uint8Array): string {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  let ranked: string[] = [];
  try {
    ranked = chardet.analyse(sample).map((m) => m.name).filter((n) => iconv.encodingExists(n) && !/^utf-?(?:8|16|32)/i.test(n));
  } catch {
    ranked = [];
  }
  const buf = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength);
  const top = ranked[0];
  if (top && !isSingleByte(top) && controlRatio(iconv.decode(buf, top)) < 0.01) return top;
  const candidates = [...new Set([...ranked.filter(isSingleByte).slice(0, 4), ...SINGLE_BYTE])];
  let best = 'windows-1252';
  let bestScore = -Infinity;
  for (const c of candidates) {
    const score = readability(iconv.decode(buf, c));
    if (score > bestScore + 0.02) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

type Script = 'latin' | 'cyrillic' | 'greek' | 'other';
const scriptOf = (ch: string): Script =>
  /\p{Script=Latin}/u.test(ch) ? 'latin' : /\p{Script=Cyrillic}/u.test(ch) ? 'cyrillic' : /\p{Script=Greek}/u.test(ch) ? 'greek' : 'other';

/**
 * How much decoded text reads like words: the share of letters in words of one script, cased
 * as words are (lower, Title or UPPER; KOI8-R read as windows-1251 swaps the case), Latin words
 * not made mostly of accented letters (Cyrillic read as windows-1252); undefined bytes and
 * control characters count against.
 */
export function readability(text: string): number {
  let letters = 0;
  let good = 0;
  let bad = 0;
  for (const c of text) {
    const n = c.codePointAt(0)!;
    if (c === '\uFFFD' || (n < 0x20 && n !== 9 && n !== 10 && n !== 13) || (n >= 0x7f && n < 0xa0)) bad++;
  }
  // A symbol between two letters ("zosta³y": Polish ł read as Latin-1) is a misread letter.
  for (const _ of text.matchAll(/(?<=\p{L})[\u00A0-\u00BF\u00D7\u00F7\u2000-\u2BFF](?=\p{L})/gu)) bad++;
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const w = m[0];
    letters += w.length;
    const script = scriptOf(w[0]);
    let same = true;
    let accented = 0;
    for (const ch of w) {
      if (scriptOf(ch) !== script) same = false;
      if (script === 'latin' && ch > '\u007f') accented++;
    }
    const rest = w.slice(1);
    const cased = rest === rest.toLowerCase() || w === w.toUpperCase();
    if (same && cased && !(script === 'latin' && accented * 2 > w.length)) good += w.length;
  }
  if (letters === 0) return -bad;
  return good / letters - (5 * bad) / Math.max(1, text.length);
}

/**
 * A UTF-8 file with a few lines in a legacy encoding (pasted from an old file): each line
 * that is valid UTF-8 stays UTF-8, the others are decoded with the legacy encoding that reads
 * best for them, instead of turning the whole file into mojibake. Only when UTF-8 lines with
 * non-ASCII text are at least as many as the invalid ones.
 */
export function decodeMixedLines(bytes: Uint8Array): Decoded | null {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const lines: Array<{ bytes: Uint8Array; text: string | null }> = [];
  let validNonAscii = 0;
  let invalid = 0;
  let from = 0;
  while (from <= bytes.length) {
    let end = bytes.indexOf(0x0a, from);
    if (end < 0) end = bytes.length;
    const line = bytes.subarray(from, end);
    let text: string | null = null;
    try {
      text = utf8.decode(line);
      if (line.some((b) => b >= 0x80)) validNonAscii++;
    } catch {
      invalid++;
    }
    lines.push({ bytes: line, text });
    from = end + 1;
  }
  if (invalid === 0 || validNonAscii < invalid) return null;
  const bad = lines.filter((l) => l.text === null);
  const joined = new Uint8Array(bad.reduce((n, l) => n + l.bytes.length + 1, 0));
  let at = 0;
  for (const l of bad) {
    joined.set(l.bytes, at);
    at += l.bytes.length;
    joined[at++] = 0x0a;
  }
  const enc = legacyEncoding(joined);
  const text = lines.map((l) => l.text ?? iconv.decode(Buffer.from(l.bytes.buffer, l.bytes.byteOffset, l.bytes.byteLength), enc)).join('\n');
  return { text, encoding: `utf-8+${enc.toLowerCase()}` };
}

/** UTF-16 without a BOM, judged from where the NUL bytes fall in the first 8 KB. */
export function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  const minimum = Math.max(2, pairs * 0.05);
  if (oddNul >= minimum && evenNul <= oddNul * 0.05) return plausible(bytes, 'utf-16le') ? 'utf-16le' : null;
  if (evenNul >= minimum && oddNul <= evenNul * 0.05) return plausible(bytes, 'utf-16be') ? 'utf-16be' : null;
  return null;
}

/** Decoded text should be mostly letters, digits, spaces and punctuation, without broken surrogates. */
function plausible(bytes: Uint8Array, enc: 'utf-16le' | 'utf-16be'): boolean {
  const n = Math.min(bytes.length, 8192) & ~1;
  try {
    const s = new TextDecoder(enc, { fatal: true }).decode(bytes.subarray(0, n));
    return controlRatio(s) < 0.05;
  } catch {
    return false;
  }
}

/** Share of characters that text files do not contain: controls (except tab/newlines), U+FFFD, unpaired surrogates. */
export function controlRatio(s: string): number {
  if (s.length === 0) return 0;
  let bad = 0;
  const n = Math.min(s.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0) || c === 0xfffd) bad++;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else bad++;
    } else if (c >= 0xdc00 && c <= 0xdfff) bad++;
  }
  return bad / n;
}
