/**
 * What the bytes are, whatever the file name says. Only signatures that matter for
 * choosing an importer or for a helpful refusal are checked.
 */
export type Sniffed =
  | { kind: 'pdf' }
  | { kind: 'zip' }
  | { kind: 'html' }
  | { kind: 'text' }
  | { kind: 'other'; what: string };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((x, i) => b[at + i] === x);

const BINARY: Array<{ sig: number[]; what: string }> = [
  { sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'a legacy Office file (.doc); save it as .docx' },
  { sig: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document; save it as .docx or .txt' },
  { sig: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { sig: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { sig: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { sig: [0x1f, 0x8b], what: 'a gzip archive' },
  { sig: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF)' },
  { sig: [0x4d, 0x5a], what: 'a program (EXE)' },
];

export function sniff(bytes: Uint8Array): Sniffed {
  // %PDF- may follow a little junk (some generators write a header before it).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return { kind: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  for (const b of BINARY) if (startsWith(bytes, b.sig)) return { kind: 'other', what: b.what };
  if (looksLikeHtml(head.replace(/\0/g, ''))) return { kind: 'html' };
  return { kind: 'text' };
}

/** A document that opens with a doctype, `<html>`, `<head>` or `<body>` (after a BOM, comments and blanks). */
export function looksLikeHtml(start: string): boolean {
  const s = start.replace(/^(?:\uFEFF|ï»¿|ÿþ|þÿ|\s|<!--[\s\S]*?-->|<\?xml[^>]*>)+/, '');
  return /^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(s);
}
