import { mkdtempSync, readFileSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { importBytes, importFiles, importText, normaliseText, articleId, SUPPORTED_EXTENSIONS } from '../src/import';
import { ArticleSchema, BriefsmithError, type Article } from '../src/model';
import { TimeoutError, within } from '../src/import/limits';
import { enc, makeDocx, makePdf, utf16, UNICODE_FONT } from './fixtures/import/make-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'briefsmith-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RU = 'Переговоры в столице продолжились в воскресенье, и делегации обсудили прекращение огня и обмен пленными.';
const RU2 = 'Стороны договорились встретиться снова через неделю, чтобы согласовать детали соглашения о перемирии.';
const EN = 'Negotiators met on Sunday for a second round of talks aimed at ending the war, officials said in a statement.';
const EN2 = 'The delegations discussed a limited truce on energy infrastructure and the safety of shipping in the sea.';

async function expectError(p: Promise<unknown>, code: string, fileName: string): Promise<BriefsmithError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, `expected a BriefsmithError '${code}'`).toBeInstanceOf(BriefsmithError);
  const be = e as BriefsmithError;
  expect(be.code).toBe(code);
  expect(be.message).toContain(fileName);
  return be;
}

const valid = (a: Article): Article => ArticleSchema.parse(a) as Article;

describe('plain text', () => {
  it('reads UTF-8, keeps every line, and detects the header block', async () => {
    const raw = 'Truce Talks Resume in the Capital\r\nBy Jane Doe | Example News\r\nPublished: March 23, 2025\r\n\r\n' + EN + '\r\n' + EN2 + '\r\n';
    const a = valid(await importBytes(enc(raw), { path: 'story.txt' }));
    expect(a.title).toBe('Truce Talks Resume in the Capital');
    expect(a.byline).toBe('Jane Doe');
    expect(a.outlet).toBe('Example News');
    expect(a.published).toBe('2025-03-23');
    expect(a.text.split('\n')).toHaveLength(6);
    expect(a.text).toBe(normaliseText(raw));
    expect(a.origin).toEqual({ kind: 'file', path: 'story.txt', format: 'txt' });
  });

  it('gives no title when the first line is body text (the seed articles)', async () => {
    const seeds = ['../shared/seeds/000_118066a58bd8992f.txt', '../shared/seeds/002_d98ed01e17b307d9.txt'].filter((p) => existsSync(p));
    if (seeds.length === 0) {
      console.warn('skipped: ../shared/seeds is absent');
      return;
    }
    for (const p of seeds) {
      const bytes = new Uint8Array(readFileSync(p));
      const a = valid(await importBytes(bytes, { path: p }));
      expect(a.title, p).toBeNull();
      expect(a.byline, p).toBeNull();
      // The text is the file's text itself, so offsets into the file hold.
      expect(a.text).toBe(new TextDecoder().decode(bytes).trimEnd());
    }
    const a = valid(await importBytes(enc(EN + '\n' + EN2), { path: 'body.txt' }));
    expect(a.title).toBeNull();
  });

  it('reads windows-1251 Cyrillic', async () => {
    const text = 'Переговоры возобновились\n\n' + RU + '\n' + RU2 + '\n' + RU + '\n';
    const bytes = new Uint8Array(iconv.encode(text, 'windows-1251'));
    const a = valid(await importBytes(bytes, { path: 'ru.txt' }));
    expect(a.text).toContain(RU);
    expect(a.title).toBe('Переговоры возобновились');
  });

  it('reads UTF-16 LE and BE, with and without a BOM', async () => {
    const text = 'Заголовок статьи\n' + EN + '\n' + RU + '\n';
    for (const endian of ['le', 'be'] as const) {
      for (const bom of [true, false]) {
        const a = valid(await importBytes(utf16(text, endian, bom), { path: `u16-${endian}-${bom}.txt` }));
        expect(a.text, `${endian} bom=${bom}`).toBe(normaliseText(text));
      }
    }
  });

  it('reads UTF-8 with a BOM, drops NUL bytes, and keeps right-to-left text', async () => {
    const rtl = 'المفاوضات استؤنفت يوم الأحد في العاصمة. השיחות התחדשו ביום ראשון.';
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(EN + '\n' + rtl)]);
    const a = valid(await importBytes(withBom, { path: 'rtl.txt' }));
    expect(a.text.startsWith('Negotiators')).toBe(true);
    expect(a.text).toContain(rtl);
    const nul = enc('Some\u0000 text with a NUL byte.\n' + EN);
    const b = valid(await importBytes(nul, { path: 'nul.txt' }));
    expect(b.text).not.toContain('\u0000');
    expect(b.text).toContain('Some text with a NUL byte.');
  });

  it('sniffs HTML and PDF content behind a .txt name', async () => {
    const html = `<!DOCTYPE html><html><head><title>T</title></head><body><article><h1>Talks resume in the capital</h1><p>${EN}</p><p>${EN2}</p></article></body></html>`;
    const a = valid(await importBytes(enc(html), { path: 'page.txt' }));
    expect(a.origin).toMatchObject({ format: 'html' });
    expect(a.text).not.toContain('<p>');
    const pdf = await makePdf({ paragraphs: [EN] });
    const b = valid(await importBytes(pdf, { path: 'really-a-pdf.txt' }));
    expect(b.origin).toMatchObject({ format: 'pdf' });
    expect(b.text).toContain('Negotiators met on Sunday');
  });
});

describe('markdown', () => {
  it('strips markup to text lines and takes the first heading as title', async () => {
    const md = `# Talks *resume* in the capital\n\nBy Jane Doe\n\n${EN.replace('second round', '**second round**')}\nIt continued [on the next line](https://example.invalid/x).\n\n## Background\n\n- first point &amp; more\n- second point\n\n> ${RU}\n\n\`\`\`\ncode line\n\`\`\`\n`;
    const path = join(dir, 'story.md');
    writeFileSync(path, md);
    const [r] = await importFiles([path]);
    expect(r.result.ok).toBe(true);
    const a = valid((r.result as { ok: true; value: Article }).value);
    expect(a.title).toBe('Talks resume in the capital');
    expect(a.byline).toBe('Jane Doe');
    const lines = a.text.split('\n');
    expect(lines).toContain(EN + ' It continued on the next line.');
    expect(lines).toContain('first point & more');
    expect(lines).toContain(RU);
    expect(a.text).not.toMatch(/[*#>[\]]|https:/);
  });
});

describe('html', () => {
  const page = (body: string, head = ''): string =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ignored title | Site</title>${head}</head><body>` +
    `<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>` +
    `<script>document.body.innerHTML = 'SCRIPT RAN'; window.ranScript = true;</script>` +
    `<div class="ad">Buy now! Advertisement</div>` +
    body +
    `<footer>Copyright footer text</footer><img src="https://example.invalid/pixel.gif"></body></html>`;

  it('keeps the main content as lines and reads meta and JSON-LD metadata', async () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Truce talks resume in the capital',
      datePublished: '2025-03-23T08:00:00+02:00',
      author: [{ '@type': 'Person', name: 'Jane Doe' }, { '@type': 'Person', name: 'John Roe' }],
      publisher: { '@type': 'Organization', name: 'Example Daily' },
    });
    const html = page(
      `<article><h1>Truce talks resume in the capital</h1>${[EN, EN2, RU, RU2, EN, EN2].map((p) => `<p>${p}</p>`).join('')}</article>`,
      `<script type="application/ld+json">${ld}</script>`,
    );
    const a = valid(await importBytes(enc(html), { path: 'page.html' }));
    expect(a.title).toBe('Truce talks resume in the capital');
    expect(a.byline).toBe('Jane Doe, John Roe');
    expect(a.outlet).toBe('Example Daily');
    expect(a.published).toBe('2025-03-23');
    const lines = a.text.split('\n');
    expect(lines).toContain(EN);
    expect(lines).toContain(RU);
    expect(a.text).not.toContain('SCRIPT RAN');
    expect(a.text).not.toContain('Advertisement');
    expect(a.text).not.toContain('window.ranScript');
  });

  it('reads og: and article: meta tags and <time datetime>', async () => {
    const head =
      '<meta property="og:title" content="Ceasefire plan &amp; its critics"><meta property="og:site_name" content="The Example Post">' +
      '<meta name="author" content="Ann Poe">';
    const html = page(`<main><article><time datetime="2024-11-05T10:00:00Z">5 Nov</time>${[EN, EN2, EN, EN2].map((p) => `<p>${p}</p>`).join('')}</article></main>`, head);
    const a = valid(await importBytes(enc(html), { path: 'meta.htm' }));
    expect(a.title).toBe('Ceasefire plan & its critics');
    expect(a.outlet).toBe('The Example Post');
    expect(a.byline).toBe('Ann Poe');
    expect(a.published).toBe('2024-11-05');
  });

  it('decodes a windows-1251 page by its meta charset', async () => {
    const html = `<html><head><meta charset="windows-1251"><title>Новости</title></head><body><article>${[RU, RU2, RU].map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const bytes = new Uint8Array(iconv.encode(html, 'windows-1251'));
    const a = valid(await importBytes(bytes, { path: 'ru.html' }));
    expect(a.text).toContain(RU);
  });

  it('survives 20,000 levels of nesting', async () => {
    const n = 20_000;
    const html = `<html><body>${'<div>'.repeat(n)}<p>${EN}</p>${'</div>'.repeat(n)}</body></html>`;
    const a = valid(await importBytes(enc(html), { path: 'deep.html' }));
    expect(a.text).toContain(EN);
  });

  it('reports a page without text as empty', async () => {
    await expectError(importBytes(enc('<html><body><script>x()</script></body></html>'), { path: 'blank.html' }), 'empty', 'blank.html');
  });
});

describe('docx', () => {
  it('reads paragraphs and core properties', async () => {
    const bytes = await makeDocx({ title: 'Truce talks resume', creator: 'Jane Doe', created: '2025-03-23T09:00:00Z', paragraphs: [EN, RU, EN2] });
    const a = valid(await importBytes(bytes, { path: 'story.docx' }));
    expect(a.title).toBe('Truce talks resume');
    expect(a.byline).toBe('Jane Doe');
    expect(a.published).toBe('2025-03-23');
    expect(a.text.split('\n')).toEqual([EN, RU, EN2]);
    expect(a.origin).toMatchObject({ format: 'docx' });
  });

  it('takes the Title paragraph as title when there is no title property', async () => {
    const bytes = await makeDocx({ titleParagraph: 'Переговоры возобновились', paragraphs: [RU, RU2] });
    const a = valid(await importBytes(bytes, { path: 'ru.docx' }));
    expect(a.title).toBe('Переговоры возобновились');
    expect(a.text).toContain(RU2);
  });

  it('refuses a truncated docx and a zip that is not a Word document', async () => {
    const bytes = await makeDocx({ paragraphs: [EN, EN2] });
    await expectError(importBytes(bytes.subarray(0, Math.floor(bytes.length / 2)), { path: 'cut.docx' }), 'corrupt', 'cut.docx');
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const other = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
    await expectError(importBytes(other, { path: 'archive.docx' }), 'unsupported-format', 'archive.docx');
  });
});

describe('bounds', () => {
  it('refuses a docx whose zip directory says it unpacks to gigabytes, before unpacking', async () => {
    const bytes = (await makeDocx({ paragraphs: [EN] })).slice();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let patched = 0;
    for (let i = 0; i + 46 <= bytes.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 0x40000000, true); // central directory: uncompressed size = 1 GB
        patched++;
      }
    }
    expect(patched).toBeGreaterThan(2);
    const e = await expectError(importBytes(bytes, { path: 'bomb.docx' }), 'too-large', 'bomb.docx');
    expect(e.message).toMatch(/unpack/);
  });

  it('stops waiting for a stalled library at the time bound', async () => {
    let stopped = false;
    const never = new Promise<never>(() => undefined);
    const e = await within(never, 20, () => {
      stopped = true;
    }).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(TimeoutError);
    expect(stopped).toBe(true);
    await expect(within(Promise.resolve(5), 1000)).resolves.toBe(5);
  });
});

describe('pdf', () => {
  it('rebuilds paragraphs and reads the info dictionary', async () => {
    const paragraphs = [EN + ' ' + EN2 + ' ' + EN, RU + ' ' + RU2, EN2];
    const bytes = await makePdf({ title: 'Truce talks resume', author: 'Jane Doe', created: new Date(Date.UTC(2025, 2, 23, 12)), paragraphs, pageBreaksBefore: [2], pageNumbers: true });
    const a = valid(await importBytes(bytes, { path: 'story.pdf' }));
    expect(a.title).toBe('Truce talks resume');
    expect(a.byline).toBe('Jane Doe');
    expect(a.published).toBe('2025-03-23');
    const lines = a.text.split('\n');
    expect(lines[0]).toBe(paragraphs[0]);
    if (UNICODE_FONT) expect(lines[1]).toBe(paragraphs[1]);
    else console.warn('Cyrillic PDF check skipped: DejaVuSans.ttf is not installed');
    expect(lines[2]).toBe(EN2);
    expect(lines).toHaveLength(3); // page numbers left out
  });

  it('finds a headline line when the info dictionary has no title', async () => {
    const bytes = await makePdf({ headline: 'Truce Talks Resume in the Capital', paragraphs: [EN, EN2] });
    const a = valid(await importBytes(bytes, { path: 'headline.pdf' }));
    expect(a.title).toBe('Truce Talks Resume in the Capital');
  });

  it('refuses a truncated or headerless PDF with a clear error', async () => {
    const bytes = await makePdf({ paragraphs: [EN] });
    const e = await expectError(importBytes(bytes.subarray(0, 400), { path: 'cut.pdf' }), 'corrupt', 'cut.pdf');
    expect(e.message).toMatch(/damaged/);
    await expectError(importBytes(enc('just some words, not a pdf'), { path: 'fake.pdf' }), 'corrupt', 'fake.pdf');
  });

  it('stops a PDF read at the time bound, and reads the next PDF in a fresh worker', async () => {
    const bytes = await makePdf({ paragraphs: [EN] });
    // 1 ms cannot cover starting the worker thread and loading pdfjs in it.
    const e = await expectError(importBytes(bytes, { path: 'slow.pdf', timeoutMs: 1 }), 'unreadable', 'slow.pdf');
    expect(e.message).toMatch(/longer than/);
    const a = valid(await importBytes(bytes, { path: 'next.pdf' }));
    expect(a.text).toBe(EN);
  });

  it('reports a PDF without text as empty', async () => {
    const bytes = await makePdf({ paragraphs: [] });
    await expectError(importBytes(bytes, { path: 'blank.pdf' }), 'empty', 'blank.pdf');
  });
});

describe('errors and batches', () => {
  it('gives the documented codes', async () => {
    await expectError(importBytes(new Uint8Array(0), { path: 'zero.txt' }), 'empty', 'zero.txt');
    await expectError(importBytes(enc(' \n\t\n'), { path: 'blank.txt' }), 'empty', 'blank.txt');
    const big = await expectError(importBytes(new Uint8Array(2048).fill(65), { path: 'big.txt', maxBytes: 1024 }), 'too-large', 'big.txt');
    expect(big.message).toMatch(/2\.0 KB.*1\.0 KB/);
    await expectError(importBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), { path: 'old.doc' }), 'unsupported-format', 'old.doc');
    await expectError(importBytes(enc('plain words'), { path: 'notes.xyz' }), 'unsupported-format', 'notes.xyz');
    const random = new Uint8Array(4096);
    let seed = 7;
    for (let i = 0; i < random.length; i++) random[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (const name of ['noise.txt', 'noise.docx', 'noise.pdf', 'noise.html', 'noise.md']) {
      const e = await importBytes(random, { path: name }).then(
        () => null,
        (x: unknown) => x,
      );
      expect(e, name).toBeInstanceOf(BriefsmithError);
      expect(['corrupt', 'unsupported-format'], name).toContain((e as BriefsmithError).code);
    }
  });

  it('goes on past a bad file and reports progress', async () => {
    const good1 = join(dir, 'one.txt');
    const good2 = join(dir, 'two.docx');
    const bad = join(dir, 'bad.pdf');
    writeFileSync(good1, EN);
    writeFileSync(good2, await makeDocx({ paragraphs: [EN2] }));
    writeFileSync(bad, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x25, 0xff]));
    const seen: number[] = [];
    const results = await importFiles([good1, bad, join(dir, 'missing.txt'), good2], { progress: (p) => seen.push(p.done) });
    expect(results.map((r) => r.result.ok)).toEqual([true, false, false, true]);
    const badResult = results[1].result;
    expect(badResult.ok === false && badResult.error.code).toBe('corrupt');
    expect(badResult.ok === false && badResult.error.file).toBe(bad);
    const missing = results[2].result;
    expect(missing.ok === false && missing.error.code).toBe('not-found');
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('uses a given readFile and its size limit', async () => {
    const results = await importFiles(['a.txt', 'b.txt'], { readFile: async (p) => (p === 'a.txt' ? enc(EN) : new Uint8Array(5000).fill(66)), maxBytes: 1000 });
    expect(results[0].result.ok).toBe(true);
    expect(results[1].result.ok === false && results[1].result.error.code).toBe('too-large');
  });
});

describe('pasted text and ids', () => {
  it('normalises, detects metadata, and lets the caller set the title', () => {
    const a = importText('Truce Talks Resume\r\nBy Jane Doe\r\n\r\n' + EN);
    expect(a.title).toBe('Truce Talks Resume');
    expect(a.byline).toBe('Jane Doe');
    expect(a.text).not.toContain('\r');
    expect(a.origin).toEqual({ kind: 'paste' });
    expect(importText(EN, { title: 'Given' }).title).toBe('Given');
    expect(() => importText(' \n ')).toThrow(BriefsmithError);
  });

  it('gives the same id for the same text, whatever the encoding', async () => {
    const text = 'Заголовок\n' + RU;
    const a = await importBytes(enc(text), { path: 'a.txt' });
    const b = await importBytes(utf16(text, 'le', true), { path: 'b.txt' });
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(articleId(a.text));
    expect(articleId(a.text + ' ')).not.toBe(a.id);
  });

  it('lists the supported extensions', () => {
    expect([...SUPPORTED_EXTENSIONS].sort()).toEqual(['.docx', '.htm', '.html', '.md', '.pdf', '.txt']);
  });
});
