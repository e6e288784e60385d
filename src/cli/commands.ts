/**
 * What each CLI command does, as functions of plain inputs (so tests can call them without a
 * process): import → extract → compose → render. Files are read and written here; the core
 * functions they call stay pure.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BriefsmithError } from '../model/result';
import type { Article, Findings, Progress, SectionId } from '../model';
import { safeForTerminal } from './format-text';

// Heavy modules (wink-nlp, chrono, jsdom, pdfkit, fontkit, docx, mammoth) are loaded only by
// the command and format that need them: `templates` starts without any of them (issue 13).

export interface Reporter {
  readonly progress: Progress;
  readonly warn: (message: string) => void;
}

/**
 * Metadata the analyst gives for the one article of a command (`--outlet`, `--url`, and the
 * title and date flags): it replaces what the importer found in the file.
 */
export interface ArticleMetadata {
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly url: string | null;
}
export const NO_ARTICLE_METADATA: ArticleMetadata = { title: null, outlet: null, published: null, url: null };

/** Each metadata field as a named row: the longest value it takes, and how a value is checked. */
const METADATA_FIELDS: ReadonlyArray<{ key: keyof ArticleMetadata; max: number; check: (v: string) => string | null }> = [
  { key: 'title', max: 500, check: () => null },
  { key: 'outlet', max: 200, check: () => null },
  { key: 'published', max: 10, check: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'expected a date as YYYY-MM-DD') },
  { key: 'url', max: 2000, check: (v) => (/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v) ? null : 'expected a web address starting with http:// or https://') },
];

/**
 * Checks article metadata flags against the inputs: they describe one article, so they are
 * refused (one line naming the flags) with several input files or a structured-data file,
 * whose `articles` already carry title, source, published and url.
 */
export function checkArticleMetadata(files: readonly string[], meta: ArticleMetadata, flagOf: Readonly<Record<keyof ArticleMetadata, string>>): void {
  const given = METADATA_FIELDS.filter((f) => meta[f.key] !== null);
  if (!given.length) return;
  const flags = given.map((f) => flagOf[f.key]).join(', ');
  if (files.length !== 1) throw new BriefsmithError('invalid-input', `${flags}: article metadata describes one article; give one input file (got ${files.length}).`);
  if (isStructuredData(files)) throw new BriefsmithError('invalid-input', `${flags}: a structured-data file carries its articles' title, source, published and url; edit them there.`);
  for (const f of given) {
    const v = meta[f.key]!;
    const why = !v.trim() ? 'must not be empty' : v.length > f.max ? `too long (at most ${f.max} characters)` : f.check(v.trim());
    if (why) throw new BriefsmithError('invalid-input', `${flagOf[f.key]}: ${why}.`);
  }
}

/** The article with the analyst's metadata in place of what the importer found. */
export function withArticleMetadata(a: Article, meta: ArticleMetadata): Article {
  const v = (x: string | null) => (x === null ? null : x.replace(/\s+/g, ' ').trim());
  return {
    ...a,
    title: v(meta.title) ?? a.title,
    outlet: v(meta.outlet) ?? a.outlet,
    published: v(meta.published) ?? a.published,
    ...(meta.url !== null ? { url: meta.url.trim() } : {}),
  };
}

/** Imports the files (one bad file never stops the rest) and extracts from those that imported. */
let importing = false;
/** Whether a command has started importing articles (and may have import workers to stop). */
export const importStarted = (): boolean => importing;

export async function gatherArticles(
  files: readonly string[],
  published: string | null,
  reporter: Reporter,
  meta: ArticleMetadata = NO_ARTICLE_METADATA,
): Promise<{ articles: Article[]; failures: number }> {
  importing = true;
  const { importFiles } = await import('../import');
  const results = await importFiles(files, {
    progress: (p) => reporter.progress({ ...p, label: `importing ${p.label}` }),
    warn: (m) => reporter.warn(m),
  });
  const articles: Article[] = [];
  let failures = 0;
  for (const r of results) {
    if (r.result.ok) articles.push(withArticleMetadata(published && !r.result.value.published ? { ...r.result.value, published } : r.result.value, meta));
    else {
      failures++;
      reporter.warn(r.result.error.message);
    }
  }
  return { articles, failures };
}

/** Extracts with progress; an article over its time budget or size is reported and counted as a failure. */
async function extractWithProgress(articles: readonly Article[], reporter: Reporter): Promise<{ findings: Findings; skipped: Set<string> }> {
  const { extractAll } = await import('../extract');
  const skipped = new Set<string>();
  const findings = extractAll(articles, {
    progress: (p) => reporter.progress({ ...p, label: `extracting ${p.label}` }),
    skipped: (a, e) => {
      skipped.add(a.id);
      reporter.warn(e.message);
    },
  });
  return { findings, skipped };
}

/**
 * Writes a file whole or not at all: into a temp file beside it, flushed, then renamed over
 * it; on any failure (full disk, read-only folder) the temp file is removed and the error
 * names the file. A folder that cannot be made or is a file is reported the same way.
 */
export async function writeWhole(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  await makeFolder(dir);
  try {
    if ((await stat(file)).isDirectory()) throw new BriefsmithError('invalid-input', `${file}: cannot write: a folder of that name is in the way.`, file);
  } catch (e) {
    if (e instanceof BriefsmithError) throw e;
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const h = await open(tmp, 'wx', 0o644);
    try {
      await h.writeFile(data);
      await h.sync();
    } finally {
      await h.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw fileError(e, file, 'cannot write');
  }
}

/** Creates an output folder; a file in the way or a read-only parent is one clear error. */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    const code = errnoOf(e);
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new BriefsmithError('invalid-input', `${dir}: cannot create the output folder: a file of that name (or in its path) is in the way.`, dir);
    throw fileError(e, dir, 'cannot create the output folder');
  }
  const s = await stat(dir).catch(() => null);
  if (s && !s.isDirectory()) throw new BriefsmithError('invalid-input', `${dir}: the output folder is a file.`, dir);
}

const errnoOf = (e: unknown): string => (e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '');

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the folder is on a read-only disk',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a file is in the way of the folder',
  EISDIR: 'it is a folder',
  EEXIST: 'a file of that name is in the way',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
};

/** An fs error as one line naming the file. */
export function fileError(e: unknown, file: string, what: string): BriefsmithError {
  if (e instanceof BriefsmithError) return e;
  const code = errnoOf(e);
  const why = REASONS[code] ?? (e instanceof Error ? e.message.split('\n')[0] : String(e));
  return new BriefsmithError(code === 'ENOENT' ? 'not-found' : 'unreadable', `${file}: ${what}: ${why}.`, file);
}

/** Reads a small text input of the command (notes, structured data): regular files only, one-line errors. */
export async function readInput(file: string, what: string, maxBytes = 64 * 1024 * 1024): Promise<string> {
  const { readRegularFile } = await import('../import/read-file');
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(file, maxBytes);
  } catch (e) {
    if (e instanceof BriefsmithError) throw new BriefsmithError(e.code, `${what}: ${e.message}`, file);
    throw fileError(e, file, `cannot read ${what}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new BriefsmithError('corrupt', `${file}: ${what} is not UTF-8 text.`, file);
  }
}


export async function runExtract(
  files: readonly string[],
  options: { json: boolean; published: string | null; article?: ArticleMetadata; articleFlags?: Readonly<Record<keyof ArticleMetadata, string>> },
  reporter: Reporter,
): Promise<{ text: string; failures: number }> {
  const meta = options.article ?? NO_ARTICLE_METADATA;
  checkArticleMetadata(files, meta, options.articleFlags ?? EXTRACT_METADATA_FLAGS);
  const { articles: imported, failures } = await gatherArticles(files, options.published, reporter, meta);
  if (!imported.length) throw new BriefsmithError('invalid-input', 'no article could be imported; nothing to extract.');
  const { findings, skipped } = await extractWithProgress(imported, reporter);
  const articles = imported.filter((a) => !skipped.has(a.id));
  let text: string;
  if (options.json) {
    const { toContractJson } = await import('../extract/contract');
    text = JSON.stringify(toContractJson(articles, findings), null, 2) + '\n';
  } else {
    const { formatFindingsText } = await import('./format-text');
    text = formatFindingsText(articles, findings);
  }
  return { text, failures: failures + skipped.size };
}

export interface BuildOptions {
  readonly sections: readonly SectionId[] | null;
  readonly templateId: string;
  readonly formats: ReadonlyArray<'docx' | 'pdf' | 'html'>;
  readonly outDir: string;
  readonly baseName: string;
  readonly title: string | null;
  readonly subtitle: string | null;
  readonly author: string;
  readonly marking: string | null;
  readonly date: string;
  readonly notes: string;
  readonly published: string | null;
  /** Metadata of the one input article (flags `--article-title`, `--outlet`, `--article-date`, `--url`). */
  readonly article?: ArticleMetadata;
}

/** The flags that set article metadata, per command (`build` already uses --title and --date for the briefing). */
export const EXTRACT_METADATA_FLAGS = { title: '--title', outlet: '--outlet', published: '--date', url: '--url' } as const;
export const BUILD_METADATA_FLAGS = { title: '--article-title', outlet: '--outlet', published: '--article-date', url: '--url' } as const;

const isStructuredData = (files: readonly string[]) => files.length === 1 && files[0]!.toLowerCase().endsWith('.json');

/** Names the command-line flag of each briefing field, for one-line validation errors. */
const FLAG_OF: Record<string, string> = { title: '--title', subtitle: '--subtitle', author: '--author', marking: '--marking', date: '--date', notes: '--notes', sections: '--sections', templateId: '--template' };

export async function runBuild(files: readonly string[], o: BuildOptions, reporter: Reporter): Promise<{ written: string[]; failures: number }> {
  const { loadTemplate } = await import('../compose/templates-node');
  checkArticleMetadata(files, o.article ?? NO_ARTICLE_METADATA, BUILD_METADATA_FLAGS);
  const template = await loadTemplate(o.templateId);
  let articles: Article[];
  let findings: Findings;
  let failures = 0;
  if (isStructuredData(files)) {
    const { parseStructuredData } = await import('./structured-input');
    ({ articles, findings } = parseStructuredData(await readInput(files[0]!, 'the structured-data file'), files[0]!));
  } else {
    let imported: Article[];
    ({ articles: imported, failures } = await gatherArticles(files, o.published, reporter, o.article ?? NO_ARTICLE_METADATA));
    if (!imported.length) throw new BriefsmithError('invalid-input', 'no article could be imported; nothing to build.');
    const extracted = await extractWithProgress(imported, reporter);
    findings = extracted.findings;
    articles = imported.filter((a) => !extracted.skipped.has(a.id));
    failures += extracted.skipped.size;
  }
  const { BriefingSchema } = await import('../model');
  const parsed = BriefingSchema.safeParse({
    title: o.title ?? template.defaults.title,
    subtitle: o.subtitle,
    date: o.date,
    author: o.author,
    marking: o.marking ?? template.defaults.marking,
    sections: o.sections ?? template.sections,
    templateId: template.id,
    notes: o.notes,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    throw new BriefsmithError('invalid-input', `${FLAG_OF[field] ?? (field || 'briefing')}: ${issue.message.replace(/^Too big: expected string to have <=(\d+) characters$/, 'too long (at most $1 characters)')}.`);
  }
  const briefing = parsed.data;
  const { compose } = await import('../compose/compose');
  const tree = compose(briefing, { articles, findings }, template);
  await makeFolder(o.outDir);
  const written: string[] = [];
  const resources = o.formats.some((f) => f !== 'html') ? await (await import('../render/resources-node')).loadRenderResources() : null;
  for (const [i, format] of o.formats.entries()) {
    reporter.progress({ done: i, total: o.formats.length, label: `writing ${format.toUpperCase()}` });
    const progress: Progress = (p) => void (p.done % 10 === 0 && reporter.progress({ ...p, label: `writing ${format.toUpperCase()}: ${p.label}` }));
    let bytes: Uint8Array;
    if (format === 'html') bytes = new TextEncoder().encode((await import('../render/html')).renderHtml(tree));
    else if (format === 'docx') bytes = await (await import('../render/docx')).renderDocx(tree, resources!, { progress });
    else bytes = await (await import('../render/pdf')).renderPdf(tree, resources!, { progress, warn: reporter.warn });
    const file = path.resolve(o.outDir, `${o.baseName}.${format}`);
    await writeWhole(file, bytes);
    written.push(file);
  }
  reporter.progress({ done: o.formats.length, total: o.formats.length, label: 'done' });
  return { written, failures };
}

export async function listTemplateSummaries(): Promise<Array<{ id: string; name: string; description: string }>> {
  // Names and descriptions only: no schema library to load (a template is checked in full when used).
  const { templateSummaries } = await import('../compose/templates-dir');
  return templateSummaries();
}

export { safeForTerminal };
