/**
 * The fuzzer's inputs: valid seed files of every kind built in-process, and `fuzzCase(seed,
 * kind, i)`, which turns one case number into the bytes of one file. Each case draws from its
 * own PRNG (seeded from the run's seed, the kind and the case number), so any case can be made
 * again alone and a run can be split between processes without changing a byte.
 *
 * Mutations: random bytes (half with the kind's signature), truncations, byte flips and
 * spliced chunks of valid files; at fixed intervals deeply nested HTML and Markdown, floods
 * of paragraphs and list depths up to and past the importers' limits, zips whose headers lie
 * about sizes, tokens of up to 300,000 characters, noncharacters, lone surrogates, zero-width
 * text and escape sequences, big files (2-7 MB) and files just over the 50 MB limit.
 */
import { deflateSync } from 'fflate';
import iconv from 'iconv-lite';
import { DEFAULT_MAX_BYTES } from '../src/import';
import { enc, makeDocx, makePdf, utf16 } from '../tests/fixtures/import/make-fixtures';
import { rng } from './seeded-random';

export type Kind = 'txt' | 'md' | 'html' | 'docx' | 'pdf';
export const KINDS: readonly Kind[] = ['txt', 'md', 'html', 'docx', 'pdf'];
export type Seeds = Record<Kind, Uint8Array[]>;

const MAX_BYTES = DEFAULT_MAX_BYTES;
const EN = 'Negotiators met on Sunday for a second round of talks aimed at ending the war, officials said in a statement.';
const RU = 'Переговоры в столице продолжились в воскресенье, и делегации обсудили прекращение огня.';
const AR = 'المفاوضات استؤنفت يوم الأحد في العاصمة.';

export async function makeSeeds(): Promise<Seeds> {
  const article = `Truce Talks Resume\nBy Jane Doe | Example News\nPublished: March 23, 2025\n\n${EN}\n${RU}\n${AR}\n`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>T | S</title><meta property="og:site_name" content="Example"><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2025-03-23","author":{"name":"Jane Doe"}}</script></head><body><nav>a b c</nav><article><h1>Headline here</h1>${[EN, RU, AR, EN].map((p) => `<p>${p} <b>bold</b> <a href="/x">link</a></p>`).join('')}<table><tr><td>1</td><td>2</td></tr></table><pre>a\n b</pre></article><script>x()</script></body></html>`;
  const md = `# Truce talks\n\n*By* **Jane Doe**\n\n${EN} [link](http://x)\n\n- ${RU}\n- item\n\n> quote\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\`\`\`\ncode\n\`\`\`\n`;
  return {
    txt: [enc(article), new Uint8Array(iconv.encode(article, 'windows-1251')), utf16(article, 'le', false), utf16(article, 'be', true)],
    md: [enc(md)],
    html: [enc(html), new Uint8Array(iconv.encode(html.replace('utf-8', 'windows-1251'), 'windows-1251'))],
    docx: [await makeDocx({ title: 'T', creator: 'Jane Doe', created: '2025-03-23T00:00:00Z', titleParagraph: 'Title', paragraphs: [EN, RU, AR, EN] })],
    pdf: [await makePdf({ title: 'T', author: 'A', headline: 'Truce Talks Resume', paragraphs: [EN + ' ' + EN, RU, AR], pageBreaksBefore: [2], pageNumbers: true })],
  };
}

export type Mutation = 'random' | 'truncate' | 'flip' | 'splice' | 'nested' | 'big' | 'oversize' | 'seed' | 'flood' | 'depth' | 'zip-lie' | 'long-token' | 'nonchar';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
/** A minimal .docx whose document body is `body`, stored with DEFLATE. */
function docxOf(body: string): Uint8Array {
  return zipOf([['_rels/.rels', enc('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')], ['word/document.xml', enc(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`)]]);
}

/** A zip of DEFLATE entries; `declare` overrides the uncompressed sizes written in the headers. */
function zipOf(entries: Array<[string, Uint8Array]>, declare?: number): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const n = enc(name);
    const deflated = deflateSync(data, { level: 6 });
    const local = new Uint8Array(30 + n.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, deflated.length, true);
    lv.setUint32(22, declare ?? data.length, true);
    lv.setUint16(26, n.length, true);
    local.set(n, 30);
    const central = new Uint8Array(46 + n.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, deflated.length, true);
    cv.setUint32(24, declare ?? data.length, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    central.set(n, 46);
    locals.push(local, deflated);
    centrals.push(central);
    offset += local.length + deflated.length;
  }
  const dir = concat(...centrals);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dir.length, true);
  ev.setUint32(16, offset, true);
  return concat(...locals, dir, end);
}

/** Article text in the kind's format. */
function wrap(kind: Kind, text: string): Uint8Array {
  const paras = text.split('\n');
  switch (kind) {
    case 'md':
      return enc(`# Fuzz\n\n${paras.join('\n\n')}\n`);
    case 'html':
      return enc(`<html><head><meta charset="utf-8"><title>Fuzz</title></head><body>${paras.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')}</body></html>`);
    case 'docx':
      return docxOf(paras.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`).join(''));
    default:
      return enc(text);
  }
}

const NONCHARS = ['\uFFFE', '\uFFFF', '\uFDD0', '\uFDEF', '\u{1FFFE}', '\u{10FFFF}', '\u200B', '\u200D', '\u2060', '\uFEFF', '\uD800', '\uDC00', '\u0000', '\u001B[31m', '\u202E'];

function mutate(kind: Kind, seeds: Uint8Array[], r: () => number, i: number): { bytes: Uint8Array; how: Mutation } {
  const int = (n: number): number => Math.floor(r() * n);
  const base = seeds[int(seeds.length)];
  // A few heavy cases at fixed intervals, so that their cost stays bounded.
  if (i % 2500 === 1) return { bytes: new Uint8Array(MAX_BYTES + 1 + int(1000)), how: 'oversize' };
  if (i % 1000 === 2) return { bytes: big(kind, r), how: 'big' };
  if (kind === 'html' && i % 50 === 3) {
    const n = 100 + int(30_000);
    const tag = ['div', 'span', 'b', 'table', 'ul', 'p'][int(6)];
    return { bytes: enc(`<html><body>${`<${tag}>`.repeat(n)}${EN}${r() < 0.5 ? `</${tag}>`.repeat(n) : ''}</body></html>`), how: 'nested' };
  }
  if (kind === 'md' && i % 50 === 3) return { bytes: enc('>'.repeat(1 + int(20_000)) + ' ' + EN + '\n' + '- '.repeat(int(5000)) + 'x'), how: 'nested' };
  if (i % 100 === 4) return { bytes: base, how: 'seed' };
  // Floods and depths up to the limits and past them; lying zips; long tokens; noncharacters.
  if (i % 200 === 5) {
    const n = int(r() < 0.8 ? 5_000 : 25_000);
    if (kind === 'docx') return { bytes: docxOf('<w:p><w:r><w:t>word</w:t></w:r></w:p>'.repeat(n)), how: 'flood' };
    if (kind === 'pdf') return { bytes: base, how: 'seed' };
    return { bytes: wrap(kind, Array.from({ length: Math.min(n, 3000) }, (_, k) => (k % 7 === 0 ? EN : 'word')).join('\n')), how: 'flood' };
  }
  if (kind === 'md' && i % 50 === 6) {
    const depth = 1 + int(150);
    return { bytes: enc(Array.from({ length: depth }, (_, k) => ' '.repeat(2 * k) + '- ' + (k % 10 === 0 ? EN : 'item')).join('\n') + '\n'), how: 'depth' };
  }
  if (kind === 'docx' && i % 500 === 7) {
    // Headers declare 9 KB; the real document.xml is 1-80 MB (over 64 MB it must be refused while inflating).
    const mb = 1 + int(80);
    const xml = enc(`<w:document ${W}><w:body>` + `<w:p><w:r><w:t>${EN}</w:t></w:r></w:p>`.repeat(Math.floor((mb * 1048576) / 150)) + '</w:body></w:document>');
    return { bytes: zipOf([['word/document.xml', xml]], 9 * 1024), how: 'zip-lie' };
  }
  if (kind !== 'pdf' && i % 20 === 8) {
    const len = 1_000 + int(r() < 0.9 ? 50_000 : 300_000);
    let token = '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/.';
    while (token.length < len) token += alphabet.slice(int(60), 60 + int(5)) + alphabet[int(alphabet.length)].repeat(int(50));
    return { bytes: wrap(kind, `${EN}\n${EN} ${token.slice(0, len)}.\n${RU}`), how: 'long-token' };
  }
  if (kind !== 'pdf' && i % 10 === 9) {
    let t = `${EN}\n${RU}\n${AR}`;
    for (let k = 0, n = 1 + int(20); k < n; k++) {
      const at = int(t.length);
      t = t.slice(0, at) + NONCHARS[int(NONCHARS.length)] + t.slice(at);
    }
    if (r() < 0.1) t = NONCHARS.slice(6, 10).join('').repeat(1 + int(100));
    return { bytes: kind === 'txt' && r() < 0.3 ? new Uint8Array(Buffer.from(t, 'utf8')) : wrap(kind, t), how: 'nonchar' };
  }
  const roll = r();
  if (roll < 0.15) {
    const n = int(r() < 0.9 ? 4096 : 65536);
    const b = new Uint8Array(n);
    for (let k = 0; k < n; k++) b[k] = int(256);
    // half of them start with the right signature, to get past sniffing
    const sig = kind === 'pdf' ? enc('%PDF-1.7\n') : kind === 'docx' ? new Uint8Array([0x50, 0x4b, 0x03, 0x04]) : kind === 'html' ? enc('<html>') : new Uint8Array(0);
    if (r() < 0.5 && n >= sig.length) b.set(sig, 0);
    return { bytes: b, how: 'random' };
  }
  if (roll < 0.4) return { bytes: base.slice(0, int(base.length)), how: 'truncate' };
  if (roll < 0.85) {
    const b = base.slice();
    const flips = 1 + int(r() < 0.7 ? 4 : 64);
    for (let k = 0; k < flips; k++) b[int(b.length)] = int(256);
    return { bytes: b, how: 'flip' };
  }
  // splice: repeat or drop a chunk
  const a = int(base.length);
  const len = int(Math.min(4096, base.length - a));
  const chunk = base.subarray(a, a + len);
  const at = int(base.length);
  const out = r() < 0.5 ? concat(base.subarray(0, at), chunk, chunk, base.subarray(at)) : concat(base.subarray(0, a), base.subarray(a + len));
  return { bytes: out, how: 'splice' };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function big(kind: Kind, r: () => number): Uint8Array {
  const mb = 2 + Math.floor(r() * 6);
  const para = `${EN} ${RU}\n`;
  const n = Math.floor((mb * 1024 * 1024) / enc(para).length);
  switch (kind) {
    case 'html':
      return enc(`<html><body><article>${`<p>${para}</p>`.repeat(n)}</article></body></html>`);
    case 'md':
      return enc(`# Big\n\n${para.repeat(n)}`);
    case 'pdf':
      return concat(enc('%PDF-1.4\n'), new Uint8Array(mb * 1024 * 1024).fill(0x20));
    case 'docx':
      return concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), new Uint8Array(mb * 1024 * 1024));
    default:
      return enc(para.repeat(n));
  }
}


/** The PRNG of one case: a hash of the run's seed, the kind and the case number. */
function caseRandom(seed: number, kind: Kind, i: number): () => number {
  let h = Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(KINDS.indexOf(kind) + 1, 0x85ebca77) ^ Math.imul(i + 1, 0xc2b2ae3d);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return rng((h ^ (h >>> 16)) >>> 0);
}

/** Case `i` of a run with `seed`: the bytes of one file and how they were made. */
export function fuzzCase(seeds: Seeds, seed: number, kind: Kind, i: number): { bytes: Uint8Array; how: Mutation } {
  return mutate(kind, seeds[kind], caseRandom(seed, kind, i), i);
}

/**
 * The process that runs case i of a run with n processes: a hash of i, not i % n. Heavy cases
 * come at fixed intervals (long tokens at i % 20 === 8, nested and deep inputs at i % 50...), so
 * i % 2 gave every long-token case to one process, which then ran ten times longer than the
 * other. The hash spreads every interval evenly, and depends on i alone: the bytes of a case
 * never depend on the number of processes, and `--case i` runs it alone.
 */
export function shardOf(i: number, n: number): number {
  if (n <= 1) return 0;
  let h = Math.imul(i ^ 0x5bd1e995, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) % n;
}
