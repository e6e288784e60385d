/**
 * Hostile inputs from issue 14, in sizes that keep the suite fast: each must end quickly with
 * a clear error naming the file, or a correct result.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'fflate';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { importBytes, importFiles } from '../src/import';
import { decodeBytes } from '../src/import/decode';
import { markdownDepth } from '../src/import/markdown';
import { splitSentences } from '../src/extract/sentences';
import { extractAll } from '../src/extract';
import { BriefsmithError } from '../src/model';
import { checkProjectSize, openProjectFile } from '../src/project/store';
import { closeImportWorkers, importText } from '../src/import';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'briefsmith-limits-'));
afterAll(() => closeImportWorkers());

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
async function docxOf(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** CPU time of the whole process in ms (worker threads included): a machine busy with other work does not fail a bound. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function refusal(bytes: Uint8Array, name: string): Promise<BriefsmithError> {
  try {
    await importBytes(bytes, { path: name });
  } catch (e) {
    expect(e).toBeInstanceOf(BriefsmithError);
    return e as BriefsmithError;
  }
  throw new Error(`${name} was imported`);
}

describe('Word documents', () => {
  it('refuses a flood of paragraphs by counting, before the DOM is built', async () => {
    const t = cpuMs();
    const e = await refusal(await docxOf('<w:p><w:r><w:t>word</w:t></w:r></w:p>'.repeat(20_001)), 'flood.docx');
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/^flood\.docx: the Word document has 20,001 paragraphs, over the 20,000 limit/);
    expect(cpuMs() - t).toBeLessThan(15_000);
  }, 30_000);

  it('counts real unpacked sizes, not the sizes the zip headers declare', async () => {
    // document.xml of 65 MB whose local and central headers say 9 KB.
    const xml = new TextEncoder().encode(`<w:document ${W}><w:body>` + '<w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(2_000_000));
    const deflated = deflateSync(xml, { level: 1 });
    const name = new TextEncoder().encode('word/document.xml');
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, deflated.length, true);
    lv.setUint32(22, 9 * 1024, true); // the lie
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, deflated.length, true);
    cv.setUint32(24, 9 * 1024, true); // the lie
    cv.setUint16(28, name.length, true);
    central.set(name, 46);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, 1, true);
    ev.setUint16(10, 1, true);
    ev.setUint32(12, central.length, true);
    ev.setUint32(16, local.length + deflated.length, true);
    const zip = new Uint8Array(local.length + deflated.length + central.length + end.length);
    zip.set(local, 0);
    zip.set(deflated, local.length);
    zip.set(central, local.length + deflated.length);
    zip.set(end, local.length + deflated.length + central.length);
    const e = await refusal(zip, 'lying.docx');
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/^lying\.docx: the Word document's text part unpacks to more than 64\.0 MB/);
  }, 60_000);
});

describe('Markdown', () => {
  const list = (depth: number) => Array.from({ length: depth }, (_, i) => ' '.repeat(2 * i) + '- item').join('\n') + '\n';

  it('measures nesting in one linear pass', () => {
    expect(markdownDepth(list(300))).toBe(300);
    expect(markdownDepth('- a\n  - b\n    - c\n\ntext\n- d\n> > - x\n')).toBe(3);
    expect(markdownDepth('1. a\n   2) b\n* c\n')).toBe(2);
  });

  it('refuses lists nested deeper than 100 levels with a clear error, and reads 60', async () => {
    const e = await refusal(new TextEncoder().encode(list(300)), 'deep.md');
    expect(e.message).toBe('deep.md: the Markdown nests lists or quotations 300 levels deep, over the 100 limit.');
    const ok = await importBytes(new TextEncoder().encode('# Lists\n\n' + list(60)), { path: 'ok.md' });
    expect(ok.text.split('\n').filter((l) => l === 'item')).toHaveLength(60);
  }, 30_000);

  it('drops scripts and styles instead of leaking their code into the text', async () => {
    const a = await importBytes(new TextEncoder().encode('# Title\n\nSome text here.\n\n<script>alert(1)</script>\n\nMore <script>alert(2)</script> text <style>p{}</style> after.\n'), { path: 's.md' });
    expect(a.text).not.toMatch(/alert|p\{\}/);
    expect(a.text).toContain('Some text here.');
    expect(a.text).toMatch(/More\s+text\s+after\./);
  });
});

describe('text files', () => {
  it('refuses files of only zero-width characters', async () => {
    const e = await refusal(new TextEncoder().encode('\u200b\u200c\u200d\u2060\ufeff'.repeat(50)), 'zw.txt');
    expect(e.code).toBe('empty');
  });

  it('reads KOI8-R Russian (chardet alone takes it for ISO-8859-8)', () => {
    const ru = 'Переговоры в столице продолжились в воскресенье, и делегации обсудили прекращение огня.\n';
    expect(decodeBytes(iconv.encode(ru.repeat(3), 'koi8-r')).text).toBe(ru.repeat(3));
    expect(decodeBytes(iconv.encode(ru.repeat(3), 'windows-1251')).text).toBe(ru.repeat(3));
    const pl = 'Rozmowy w stolicy zostały wznowione, powiedział minister. Łódź, Kraków.\n';
    expect(decodeBytes(iconv.encode(pl.repeat(3), 'iso-8859-2')).text).toBe(pl.repeat(3));
  });

  it('keeps a UTF-8 file UTF-8 when one line is Latin-1', () => {
    const utf8 = Buffer.from('Négociations à Genève: le ministre a déclaré que les délégations reprendront.\n'.repeat(3));
    const bytes = Buffer.concat([utf8, iconv.encode('Café Genève été\n', 'latin1'), Buffer.from('Fin — “citation”.\n')]);
    expect(decodeBytes(bytes).text).toBe(utf8.toString() + 'Café Genève été\nFin — “citation”.\n');
  });

  it.skipIf(process.platform === 'win32')('refuses devices and FIFOs at once, as articles and as projects', async () => {
    const zero = path.join(tmp, 'a.txt');
    symlinkSync('/dev/zero', zero);
    const fifo = path.join(tmp, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const t = Date.now();
    const [z, f] = await importFiles([zero, fifo]);
    expect(z.result.ok || z.result.error.message).toBe(`${zero}: this is a device, not a file; Briefsmith reads only regular files.`);
    expect(f.result.ok || f.result.error.message).toBe(`${fifo}: this is a pipe (FIFO), not a file; Briefsmith reads only regular files.`);
    const projectFifo = path.join(tmp, 'p.briefsmith');
    execFileSync('mkfifo', [projectFifo]);
    await expect(openProjectFile(projectFifo)).rejects.toThrow(/is not a regular file/);
    await expect(openProjectFile(zero)).rejects.toThrow(/is not a regular file/);
    expect(Date.now() - t).toBeLessThan(5_000);
  });
});

describe('extraction', () => {
  it('splits a line with a 50,000-character token in linear time, offsets exact', () => {
    const text = 'Talks resumed in Astana on Sunday, officials said. ' + 'QUJD'.repeat(12_500) + '.\nThe ministers met again.';
    const t = cpuMs();
    const s = splitSentences(text);
    expect(cpuMs() - t).toBeLessThan(5_000); // 11 s before the guard on a quiet machine
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(s.some((x) => x.text === 'The ministers met again.')).toBe(true);
  }, 30_000);

  it('stops an article over its time budget and goes on with the others', () => {
    const a = importText('Talks resumed in Astana on Sunday, officials said.\n'.repeat(400));
    const b = { ...importText('The foreign ministers met in Geneva on Monday.'), origin: { kind: 'file' as const, path: 'b.txt', format: 'txt' as const } };
    const skipped: string[] = [];
    extractAll([a], { budgetMs: 1_000_000 });
    const f = extractAll([{ ...a, origin: { kind: 'file', path: 'slow.txt', format: 'txt' } }, b], { budgetMs: -1, skipped: (x, e) => skipped.push(e.message) });
    expect(skipped).toHaveLength(2);
    expect(skipped[0]).toMatch(/^slow\.txt: extraction took more than/);
    expect(f.people).toEqual([]);
    expect(() => extractAll([a], { budgetMs: -1 })).toThrow(BriefsmithError);
  });

  it('refuses an article longer than extraction reads', () => {
    const a = { ...importText('word '.repeat(210_000)), origin: { kind: 'file' as const, path: 'huge.txt', format: 'txt' as const } };
    const skipped: string[] = [];
    extractAll([a], { skipped: (_, e) => skipped.push(e.message) });
    expect(skipped[0]).toBe('huge.txt: the article has 1,049,999 characters, over the 1,000,000 that extraction reads.');
  });
});

describe('project size', () => {
  it('saving refuses what opening would refuse, and warns near the limit', () => {
    expect(checkProjectSize('x'.repeat(100), 'p.briefsmith', 1000, 800)).toBeNull();
    expect(checkProjectSize('x'.repeat(900), 'p.briefsmith', 1000, 800)).toMatch(/near the .* limit for opening a project/);
    expect(() => checkProjectSize('x'.repeat(1001), 'p.briefsmith', 1000, 800)).toThrow(/over the .* that Briefsmith can open/);
  });
});
