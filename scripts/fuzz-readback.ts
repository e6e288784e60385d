/**
 * The fuzzer's checks on what the pipeline made, each returning a failure in words or null:
 * - `findingsError`: the findings match their schema, every source reference points into
 *   its article's text (`text.slice(start, end) === sentence`, the contract in the README),
 *   and no person's name holds a run of more than 100 characters without white space (machine
 *   data read as a name: a base64 blob once gave people named by its pieces);
 * - `docxError`: the DOCX unzips, has word/document.xml, and every XML part parses (saxes, which
 *   rejects the characters XML 1.0 forbids, U+FFFE included);
 * - `pdfError`: the PDF starts with `%PDF-` and ends with `%%EOF`, and `qpdf --check` passes
 *   (exit 0, or 3 for warnings only) when qpdf is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { type Article, FindingsSchema, type Findings } from '../src/model';

export const HAVE_QPDF = spawnSync('qpdf', ['--version']).status === 0;

/** XML 1.0 well-formedness of one part. */
function xmlError(xml: string): string | null {
  const p = new SaxesParser({ xmlns: false });
  let err: string | null = null;
  p.on('error', (e) => {
    err ??= e.message;
  });
  try {
    p.write(xml).close();
  } catch (e) {
    err ??= e instanceof Error ? e.message : String(e);
  }
  return err;
}

/** Every object in `v` shaped like a SourceRef. */
function* refsIn(v: unknown): Generator<{ article: string; sentence: string; start: number; end: number }> {
  if (Array.isArray(v)) {
    for (const x of v) yield* refsIn(x);
    return;
  }
  if (!v || typeof v !== 'object') return;
  const o = v as Record<string, unknown>;
  if (typeof o.article === 'string' && typeof o.sentence === 'string' && typeof o.start === 'number' && typeof o.end === 'number') {
    yield o as { article: string; sentence: string; start: number; end: number };
    return;
  }
  for (const x of Object.values(o)) yield* refsIn(x);
}

export function findingsError(articles: readonly Article[], findings: Findings): string | null {
  const parsed = FindingsSchema.safeParse(findings);
  if (!parsed.success) return `findings break their schema: ${parsed.error.message.slice(0, 200)}`;
  for (const p of findings.people) {
    for (const name of [p.name, ...p.variants]) if (/\S{101}/.test(name)) return `a person is named by machine data: ${JSON.stringify(name.slice(0, 80))}...`;
  }
  const text = new Map(articles.map((a) => [a.id, a.text]));
  for (const r of refsIn(findings)) {
    const t = text.get(r.article);
    if (t === undefined) return `a source points at an unknown article ${r.article}`;
    if (t.slice(r.start, r.end) !== r.sentence) return `a source's offsets ${r.start}-${r.end} do not give its sentence ${JSON.stringify(r.sentence.slice(0, 80))}`;
  }
  return null;
}

export function docxError(docx: Uint8Array): string | null {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(docx);
  } catch (e) {
    return `DOCX does not unzip: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (!parts['word/document.xml']) return 'DOCX has no word/document.xml';
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const err = xmlError(new TextDecoder().decode(data));
    if (err) return `DOCX part ${name} does not parse: ${err.slice(0, 200)}`;
  }
  return null;
}

let scratch: string | null = null;

export function pdfError(pdf: Uint8Array): string | null {
  const latin = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
  if (!latin(pdf.subarray(0, 5)).startsWith('%PDF-')) return 'PDF has no %PDF- header';
  if (!latin(pdf.subarray(Math.max(0, pdf.length - 32))).includes('%%EOF')) return 'PDF has no %%EOF at its end';
  if (!HAVE_QPDF) return null;
  scratch ??= mkdtempSync(join(tmpdir(), 'briefsmith-fuzz-pdf-'));
  const file = join(scratch, 'b.pdf');
  writeFileSync(file, pdf);
  const q = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  // qpdf exits 0 when clean, 3 for warnings only; 2 is an error.
  if (q.status !== 0 && q.status !== 3) return `qpdf --check failed (${q.status}): ${(q.stdout + q.stderr).slice(0, 200)}`;
  return null;
}

/** Removes the scratch folder of pdfError. */
export function cleanupReadback(): void {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = null;
}
