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
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  let guess: string | null = null;
  try {
    guess = chardet.detect(sample);
  } catch {
    guess = null;
  }
  const enc = guess && iconv.encodingExists(guess) && !/^utf-?8$/i.test(guess) ? guess : 'windows-1252';
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), enc), encoding: enc.toLowerCase() };
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
