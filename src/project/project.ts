/**
 * The `.briefsmith` project format: create, serialise, parse and migrate. Pure (no fs, no
 * clock): the store (`./store`) does the file work, the caller passes the time in.
 *
 * Reading is strict at the edge: a file that is not JSON, is not a Briefsmith project, or
 * fails the schema is reported as `corrupt` with the file's name and the first problem;
 * a file from a newer app is `newer-version`. Older files go through a chain of small pure
 * migrations (`MIGRATIONS[n]` turns version n into n + 1) before the schema check.
 */
import { BriefsmithError } from '../model/result';
import { emptyFindings } from '../model/findings';
import { emptyOverlay } from '../model/review';
import { PROJECT_FORMAT, PROJECT_VERSION, ProjectSchema, type Project } from '../model/project';
import type { SectionId } from '../model/briefing';
import { samePlainData } from './same-data';

/** The file extension of project files (with the dot). */
export const PROJECT_EXTENSION = '.briefsmith';

export const DEFAULT_TEMPLATE_ID = 'situation';
export const DEFAULT_SECTIONS: readonly SectionId[] = ['bluf', 'delegations', 'positions', 'outlook', 'attacks', 'people', 'sources'];
export const UNTITLED = 'Untitled briefing';

/** A new, empty project dated `now` (UTC calendar day). */
export function newProject(options: { now: Date; templateId?: string }): Project {
  const date = options.now.toISOString().slice(0, 10);
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    articles: [],
    findings: emptyFindings(),
    overlay: emptyOverlay(),
    briefing: {
      title: UNTITLED,
      subtitle: null,
      date,
      author: '',
      marking: '',
      sections: [...DEFAULT_SECTIONS],
      templateId: options.templateId ?? DEFAULT_TEMPLATE_ID,
      notes: '',
      options: { citations: null, language: 'en-GB' },
    },
  };
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether `o` has a source reference's place: an article id and whole-number start and end. */
const placed = (o: Record<string, unknown>): boolean => typeof o.article === 'string' && Number.isInteger(o.start) && Number.isInteger(o.end);

/**
 * A copy of `value` with every object's keys in code-point order (arrays keep their order),
 * and without the `sentence` of a source reference where it is its article's text from `start`
 * to `end` (`texts`: article id to text), which it always is for what the extraction found: the
 * file would otherwise hold every quoted sentence again (4.6 of 13 M characters at 500 articles).
 */
function compactSorted(value: unknown, texts: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => compactSorted(v, texts));
  if (isObject(value)) {
    const rebuilt = placed(value) && typeof value.sentence === 'string' && texts.get(value.article as string)?.slice(value.start as number, value.end as number) === value.sentence;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = value[k];
      if (v !== undefined && !(rebuilt && k === 'sentence')) out[k] = compactSorted(v, texts);
    }
    return out;
  }
  return value;
}

/**
 * Puts back, in place, the `sentence` of every source reference under `value` that has none,
 * from its article's text (`compactSorted` left it out). A reference whose article is missing or
 * whose place lies outside the text stays without one, for the schema check to report.
 */
function restoreSentences(value: unknown, texts: ReadonlyMap<string, string>): void {
  if (Array.isArray(value)) {
    for (const v of value) restoreSentences(v, texts);
    return;
  }
  if (!isObject(value)) return;
  if (value.sentence === undefined && placed(value)) {
    const text = texts.get(value.article as string);
    const [start, end] = [value.start as number, value.end as number];
    if (text !== undefined && start >= 0 && start <= end && end <= text.length) value.sentence = text.slice(start, end);
    return;
  }
  for (const k of Object.keys(value)) restoreSentences(value[k], texts);
}

/** Article id to text, of a project document's articles (a parsed file: anything may be missing). */
function articleTexts(doc: Record<string, unknown>): Map<string, string> {
  const texts = new Map<string, string>();
  if (Array.isArray(doc.articles)) for (const a of doc.articles) if (isObject(a) && typeof a.id === 'string' && typeof a.text === 'string') texts.set(a.id, a.text);
  return texts;
}

/** A parsed project text (a file's, or the project worker's reply) with its source references' sentences put back. */
export function withSentences<T>(doc: T): T {
  if (isObject(doc)) {
    const texts = articleTexts(doc);
    restoreSentences(doc.findings, texts);
    restoreSentences(doc.overlay, texts);
  }
  return doc;
}

/**
 * The project as the window reads it from the project worker (`serializeCheckedProject`'s text,
 * already checked there): parsed once, its sentences put back, not checked again.
 */
export function projectFromCheckedText(text: string): Project {
  return withSentences(JSON.parse(text) as Project);
}

/**
 * The file text of a project: JSON with object keys sorted, so the same project always gives the
 * same bytes, on one line, and each source reference without the sentence its article's text
 * holds at its place (put back on reading): at 500 articles 7.9 MB instead of 18.9 MB of indented
 * JSON with every sentence repeated. Files written the old way (indented, with sentences) read
 * the same. The project is checked against the schema first, so a file that cannot be opened
 * again is never written.
 */
export function serializeProject(p: Project): string {
  const checked = ProjectSchema.safeParse(p);
  if (!checked.success) {
    throw new BriefsmithError('invalid-input', `Cannot save the project: it is not valid (${firstIssue(checked.error.issues)}).`);
  }
  return serializeCheckedProject(checked.data);
}

/**
 * `serializeProject` for a project whose every part is already the schema's output (the IPC
 * edge validated the pieces it was built from): the same text, without checking it twice.
 */
export function serializeCheckedProject(p: Project): string {
  return JSON.stringify(compactSorted(p, new Map(p.articles.map((a) => [a.id, a.text])))) + '\n';
}

// ---------------------------------------------------------------------------------------
// Migrations
// ---------------------------------------------------------------------------------------

/**
 * Version 0 (the pre-release format) differed from version 1 in three ways:
 * - `overlay` had only `decisions` and `added` (no `personMerges` / `personSplits`: people
 *   could not be merged or split by hand);
 * - `briefing` had no `options` (citations and language were fixed: no notes, en-GB);
 * - `briefing.template` held what is now `briefing.templateId`.
 * Anything else was as in version 1.
 */
function migrateV0toV1(v0: Json): Json {
  const overlay = isObject(v0.overlay) ? v0.overlay : {};
  const briefing = isObject(v0.briefing) ? v0.briefing : {};
  const { template, ...restBriefing } = briefing;
  return {
    ...v0,
    version: 1,
    overlay: {
      ...overlay,
      personMerges: Array.isArray(overlay.personMerges) ? overlay.personMerges : [],
      personSplits: Array.isArray(overlay.personSplits) ? overlay.personSplits : [],
    },
    briefing: {
      ...restBriefing,
      templateId: restBriefing.templateId ?? template,
      options: isObject(restBriefing.options) ? restBriefing.options : { citations: null, language: 'en-GB' },
    },
  };
}

/**
 * Version 2 may leave out a source reference's `sentence` where it is the article's text between
 * its `start` and `end` (reading puts it back), so a version-1 app must not open it; a version-1
 * file holds every sentence and is otherwise the same.
 */
function migrateV1toV2(v1: Json): Json {
  return { ...v1, version: 2 };
}

/** `MIGRATIONS[n]` turns a version-n document into version n + 1. Each is pure. */
export const MIGRATIONS: ReadonlyArray<(doc: Json) => Json> = [migrateV0toV1, migrateV1toV2];

if (MIGRATIONS.length !== PROJECT_VERSION) {
  // A new PROJECT_VERSION needs its migration; fail loudly at load time rather than silently.
  throw new Error(`project migrations cover up to v${MIGRATIONS.length}, but PROJECT_VERSION is ${PROJECT_VERSION}`);
}

// ---------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------

function firstIssue(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  const issue = issues[0];
  if (!issue) return 'unknown problem';
  const where = issue.path.length ? issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : String(k))).join('.').replace(/\.\[/g, '[') : '(top level)';
  return `${where}: ${issue.message}`;
}

const named = (file: string | null): string => (file ? `"${file}"` : 'The project');

/**
 * Parses the text of a project file. `file` is only used in messages.
 * Returns the project and, when it was migrated, the version it was written in. `text`: the
 * file's text when it is already the project's checked text (a file in the current version
 * that the check gives back unchanged, as every file the app writes is), so it can be passed
 * on as it is (`projectFromCheckedText` reads it) instead of being written out again; else null.
 */
export function parseProject(json: string, file: string | null): { project: Project; migratedFrom: number | null; text: string | null } {
  const who = named(file);
  const text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  if (text.trim() === '') {
    throw new BriefsmithError('corrupt', `${who} is empty: it holds no Briefsmith project.`, file);
  }
  if (text.includes('\u0000')) {
    throw new BriefsmithError('corrupt', `${who} is a binary file, not a Briefsmith project.`, file);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    // Cut short when the parser ran out of text (no position, or a position at the very end).
    const at = /at position (\d+)/.exec(why);
    const truncated = /^\s*[{[]/.test(text) && (/end of (JSON )?input/i.test(why) || (at !== null && Number(at[1]) >= text.trimEnd().length - 1));
    const detail = truncated ? 'it looks cut short (the end of the file is missing)' : `it is not valid JSON (${why})`;
    throw new BriefsmithError('corrupt', `${who} cannot be read as a Briefsmith project: ${detail}.`, file);
  }
  if (!isObject(doc) || doc.format !== PROJECT_FORMAT) {
    throw new BriefsmithError('corrupt', `${who} is not a Briefsmith project (it has no "format": "${PROJECT_FORMAT}" field).`, file);
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new BriefsmithError('corrupt', `${who} is damaged: its "version" field is missing or not a whole number.`, file);
  }
  if (version > PROJECT_VERSION) {
    throw new BriefsmithError(
      'newer-version',
      `${who} was made by a newer Briefsmith (v${version}); this app reads up to v${PROJECT_VERSION}. Update Briefsmith to open it.`,
      file,
    );
  }
  let current: Json = doc;
  for (let v = version; v < PROJECT_VERSION; v++) current = MIGRATIONS[v](current);
  withSentences(current);
  const parsed = ProjectSchema.safeParse(current);
  if (!parsed.success) {
    throw new BriefsmithError('corrupt', `${who} is damaged: ${firstIssue(parsed.error.issues)}.`, file);
  }
  const unchanged = version === PROJECT_VERSION && samePlainData(current, parsed.data);
  return { project: parsed.data, migratedFrom: version === PROJECT_VERSION ? null : version, text: unchanged ? text : null };
}

/** A short title for lists (recent files, recovery): the briefing title. */
export function projectTitle(p: Project): string {
  return p.briefing.title;
}
