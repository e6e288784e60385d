/**
 * The one typed contract between the UI and the core: every call the renderer can make.
 *
 * Plain TypeScript (no Electron): main registers `createHandlers(env)` for each channel of
 * `CHANNELS`, the preload builds one function per method from the same map, and the tests'
 * browser implementation calls the same handlers over HTTP. Each method takes one request
 * object and resolves to a `Result` (Electron passes only an error's message across, so
 * errors travel as data). Payloads are validated with `RequestSchemas` at the boundary.
 */
import { z } from 'zod';
import {
  ArticleSchema,
  AttackSchema,
  BriefingSchema,
  DelegationSchema,
  OutlookSchema,
  OverlaySchema,
  PersonSchema,
  PositionSchema,
  ProjectSchema,
  type Article,
  type BriefsmithErrorCode,
  type Findings,
  type Project,
  type Result,
} from '../model';
import type { ApiMethodName, MenuCommand } from './channels';
import type { FindingsUpdate } from './findings-update';
import { readReplyText, type ReplyText } from './reply-text';
import { projectFromCheckedText } from '../project/project';

/** One file that could not be imported, with a message that names it. */
export interface ImportFailure {
  readonly file: string;
  readonly code: BriefsmithErrorCode;
  readonly message: string;
}

/** The outcome of importing a batch: what worked and what did not (one bad file never stops the rest). */
export interface ImportReport {
  readonly articles: readonly Article[];
  readonly failures: readonly ImportFailure[];
}

export interface TemplateSummary {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

/** A project as the app holds it: the file's content plus where it lives (null = never saved). */
export interface OpenedProject {
  readonly project: Project;
  readonly path: string | null;
  /** The version the file was migrated from, when it was older. */
  readonly migratedFrom: number | null;
  /** The version the project worker holds this project under (`ProjectReply.held`); absent or null: none. */
  readonly held?: string | null;
}

export interface RecoveredProject extends OpenedProject {
  /** ISO time of the autosave. */
  readonly savedAt: string;
}

/** A project opened from its backup (`path.bak`) because the file itself could not be opened. */
export interface BackupOpenedProject extends OpenedProject {
  /** The backup file that was read. */
  readonly backupPath: string;
  /** ISO time the backup was written (its modification time). */
  readonly savedAt: string;
}

/**
 * A project as main sends it to the window: its JSON text, read and checked by the project
 * worker, so that main neither parses nor copies the project as objects (a 500-article project
 * is about 12 MB of JSON); a long text stays in the worker and the window reads it in parts
 * (`readTextPart`), so main never copies it whole; the window parses it once
 * (`readProjectReply`). `held`: the version the project worker holds this project under, so
 * that the window's autosave and Save send only what changed since (null: the worker holds
 * nothing of it).
 */
export interface ProjectReply {
  readonly projectText: ReplyText;
  readonly path: string | null;
  /** The version the file was migrated from, when it was older. */
  readonly migratedFrom: number | null;
  readonly held: string | null;
}

export interface RecoveredReply extends ProjectReply {
  /** ISO time of the autosave. */
  readonly savedAt: string;
}

export interface BackupOpenedReply extends ProjectReply {
  /** The backup file that was read. */
  readonly backupPath: string;
  /** ISO time the backup was written (its modification time). */
  readonly savedAt: string;
}

export interface RecentProject {
  readonly path: string;
  /** The briefing title when last opened or saved. */
  readonly title: string;
  readonly openedAt: string;
}

/** The PDF export as the preview shows it. */
export interface PreviewPages {
  readonly pages: number;
  /** The template's page budget; null when it sets none. */
  readonly budget: number | null;
  /** The PDF's bytes, base64 (what Electron's IPC and the tests' HTTP carry as text alike). */
  readonly pdfBase64: string;
}

/** A saved project: where, and a warning when it is near the size that can be opened again. */
export interface SavedProject {
  readonly path: string;
  readonly warning: string | null;
}

/**
 * A save of a held version (`{ held }`) the project worker no longer holds: nothing was
 * written; send the whole project (autosave steps without `write`) and save again to `path`,
 * which stays approved.
 */
export interface HeldMissing {
  readonly kind: 'missing';
  readonly path: string;
}

/** A preview of a held version (`{ held }`) the project worker no longer holds: send the whole project and ask again. */
export interface NotHeld {
  readonly kind: 'missing';
}

export interface ExportedFile {
  readonly path: string;
  readonly bytes: number;
  readonly format: ExportFormat;
  /** What the analyst should know about the file: e.g. characters the PDF's fonts cannot draw. */
  readonly warnings?: readonly string[];
}

export const EXPORT_FORMATS = ['docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The findings as what changed since the window's version, or the articles the extraction does not hold (send them in full). */
export type ExtractUpdateReply = { readonly kind: 'update'; readonly update: FindingsUpdate } | { readonly kind: 'missing'; readonly ids: readonly string[] };

/**
 * What an autosave patch came to: the file written (`saved`), a step of a whole project held
 * for the next one (`staged`), or a patch built on a version the autosave no longer holds
 * (`missing`: send the whole project).
 */
export type AutosaveReply = { readonly kind: 'saved'; readonly savedAt: string } | { readonly kind: 'staged' } | { readonly kind: 'missing' };

/** Long work (import, extract, export) reports progress as events tagged with the request's job id. */
export interface ProgressEvent {
  readonly job: string;
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

// ---- request schemas: the IPC boundary -------------------------------------------------

const jobId = z.string().min(1).max(100);
const filePath = z.string().min(1).max(4096);
/** 50 MB of base64 per dropped file is far above any article. */
const MAX_BASE64 = 70_000_000;

/** An article the receiver holds, named without its text (`articleRef`). */
const ArticleRefSchema = ArticleSchema.pick({ id: true, published: true, title: true, outlet: true, byline: true, url: true }).extend({ ref: z.literal(true) }).strict();
/** References first: most of a project's articles come as references. */
const articlesOrRefs = z.array(z.union([ArticleRefSchema, ArticleSchema])).max(5000);
const MAX_ITEMS = 1_000_000;
const positions = z.array(z.number().int().min(-MAX_ITEMS).max(MAX_ITEMS)).max(MAX_ITEMS);
/** Findings as positions in a held version's lists plus new items (`FindingsChange`). */
const FindingsChangeSchema = z
  .object({
    order: z.object({ people: positions, delegations: positions, positions: positions, outlook: positions, attacks: positions }).strict(),
    items: z
      .object({ people: z.array(PersonSchema), delegations: z.array(DelegationSchema), positions: z.array(PositionSchema), outlook: z.array(OutlookSchema), attacks: z.array(AttackSchema) })
      .strict(),
  })
  .strict();
const version = z.string().min(1).max(200);

export const RequestSchemas = {
  importFiles: z.object({ job: jobId.optional() }).strict(),
  importFileContents: z
    .object({
      job: jobId.optional(),
      files: z.array(z.object({ name: z.string().min(1).max(1000), bytesBase64: z.string().max(MAX_BASE64) }).strict()).min(1).max(500),
    })
    .strict(),
  importText: z.object({ text: z.string().max(5_000_000) }).strict(),
  reimportFiles: z.object({ job: jobId.optional(), paths: z.array(filePath).min(1).max(500) }).strict(),
  extract: z.object({ job: jobId.optional(), articles: z.array(ArticleSchema).max(5000) }).strict(),
  extractUpdate: z
    .object({
      job: jobId.optional(),
      articles: articlesOrRefs,
      base: version.nullable(),
    })
    .strict(),
  cancelJob: z.object({ job: jobId }).strict(),
  // The window previews and exports the version the project worker holds (`held`), where it is
  // composed and rendered; the whole project (validated here, rendered on main) is for callers
  // that hold no version (tests, scripts).
  preview: z.union([z.object({ held: version }).strict(), z.object({ project: ProjectSchema }).strict()]),
  previewPages: z.union([z.object({ held: version }).strict(), z.object({ project: ProjectSchema }).strict()]),
  exportDocument: z.union([
    z.object({ job: jobId.optional(), format: z.enum(EXPORT_FORMATS), held: version, suggestedName: z.string().max(200).optional() }).strict(),
    // Again to the file chosen in the dialog of an export that answered `missing`: no second dialog.
    z.object({ job: jobId.optional(), format: z.enum(EXPORT_FORMATS), held: version, path: filePath }).strict(),
    z.object({ job: jobId.optional(), format: z.enum(EXPORT_FORMATS), project: ProjectSchema }).strict(),
  ]),
  listTemplates: z.object({}).strict(),
  newProject: z.object({}).strict(),
  openProject: z.object({ path: filePath.optional() }).strict(),
  openProjectBackup: z.object({ path: filePath }).strict(),
  // The window saves the version the project worker holds (`held`, brought up to date by autosave
  // steps); the whole project (validated here) is for callers that hold no version (tests, scripts).
  saveProject: z.union([z.object({ held: version, path: filePath }).strict(), z.object({ project: ProjectSchema, path: filePath }).strict()]),
  saveProjectAs: z.union([
    z.object({ held: version, suggestedName: z.string().max(200).optional() }).strict(),
    z.object({ project: ProjectSchema, suggestedName: z.string().max(200).optional() }).strict(),
  ]),
  recentProjects: z.object({}).strict(),
  // A patch (`project-patch.ts`): each piece validated here, once; the autosave worker trusts them.
  autosave: z
    .object({
      path: filePath.nullable(),
      base: version.nullable(),
      version,
      articles: articlesOrRefs,
      findings: FindingsChangeSchema,
      overlay: OverlaySchema,
      briefing: BriefingSchema,
      /** False for a step of a whole project sent in pieces: held, not yet written. */
      write: z.boolean(),
    })
    .strict(),
  recover: z.object({}).strict(),
  primeExtraction: z.object({ held: version }).strict(),
  readTextPart: z.object({ ticket: version, index: z.number().int().min(0).max(MAX_ITEMS) }).strict(),
  adoptExtraction: z.object({ extracted: version, version }).strict(),
  discardRecovery: z.object({}).strict(),
  openPath: z.object({ path: filePath }).strict(),
  showInFolder: z.object({ path: filePath }).strict(),
} as const;

export type ApiMethod = keyof typeof RequestSchemas;
export type RequestOf<M extends ApiMethod> = z.input<(typeof RequestSchemas)[M]>;

/** Everything the renderer may ask of the core. One request object in, a Result out. */
export interface BriefsmithApi {
  /** Shows main's open dialog; imports the chosen files. `null` when the analyst cancels. */
  importFiles(req: RequestOf<'importFiles'>): Promise<Result<ImportReport | null>>;
  /** Files dropped on the window: their names and bytes (the renderer never sees paths). */
  importFileContents(req: RequestOf<'importFileContents'>): Promise<Result<ImportReport>>;
  /** Pasted text. */
  importText(req: RequestOf<'importText'>): Promise<Result<Article>>;
  /** Reads files again that were imported in this session (after they changed on disk). */
  reimportFiles(req: RequestOf<'reimportFiles'>): Promise<Result<ImportReport>>;
  /**
   * Articles → merged findings, with progress events. Each article's own findings are kept
   * per article id, so adding one article to a project extracts only that one and re-merges.
   * Fails with code `cancelled` after `cancelJob` with the same job id.
   */
  extract(req: RequestOf<'extract'>): Promise<Result<Findings>>;
  /**
   * `extract` for the window: articles it sent before may come as references (`articleRef`),
   * and the findings come back as what changed since version `base` (the `version` of the
   * last update the window applied), a full copy when that version is gone. When the
   * extraction does not hold a referenced article, the reply names it: send it in full.
   */
  extractUpdate(req: RequestOf<'extractUpdate'>): Promise<Result<ExtractUpdateReply>>;
  /** Stops a running extract or export with this job id (it then fails with code `cancelled`). */
  cancelJob(req: RequestOf<'cancelJob'>): Promise<Result<{ cancelled: boolean }>>;
  /**
   * The briefing composed from the reviewed data, as the HTML the exports are made from: of the
   * held version, composed in the project worker (`missing`: it does not hold that version), or
   * of a project sent whole.
   */
  preview(req: RequestOf<'preview'>): Promise<Result<{ html: ReplyText } | NotHeld>>;
  /** The PDF export as it would be now (its bytes, for the preview to draw), its page count and the template's page budget (null: none); held or whole as `preview`. */
  previewPages(req: RequestOf<'previewPages'>): Promise<Result<PreviewPages | NotHeld>>;
  /**
   * Shows a save dialog, writes DOCX or PDF. `null` when the analyst cancels. The held version
   * is composed, rendered and written in the project worker, with progress and Cancel; when the
   * worker does not hold it, nothing is written and the reply names the chosen file: send the
   * whole project (autosave steps without `write`) and export again to that `path`.
   */
  exportDocument(req: RequestOf<'exportDocument'>): Promise<Result<ExportedFile | HeldMissing | null>>;
  listTemplates(req: RequestOf<'listTemplates'>): Promise<Result<readonly TemplateSummary[]>>;
  newProject(req: RequestOf<'newProject'>): Promise<Result<ProjectReply>>;
  /** With a path (recent list, file association): opens it; without: shows an open dialog. Read and checked off main's thread. */
  openProject(req: RequestOf<'openProject'>): Promise<Result<ProjectReply | null>>;
  /**
   * Opens `path.bak` after `openProject(path)` failed with a backup offer (`error.backup`).
   * Only for a project the analyst chose to open in this session. The result keeps `path`,
   * so Save writes the recovered project back over the damaged file.
   */
  openProjectBackup(req: RequestOf<'openProjectBackup'>): Promise<Result<BackupOpenedReply>>;
  /**
   * Saves to a path the analyst chose before (open or save-as dialog): the held version
   * (validated, serialised and written by the project worker) or a whole project.
   */
  saveProject(req: RequestOf<'saveProject'>): Promise<Result<SavedProject | HeldMissing>>;
  saveProjectAs(req: RequestOf<'saveProjectAs'>): Promise<Result<SavedProject | HeldMissing | null>>;
  recentProjects(req: RequestOf<'recentProjects'>): Promise<Result<readonly RecentProject[]>>;
  /**
   * Writes the crash-recovery copy in the user-data folder (never the project file itself),
   * sent as what changed since the last autosave (`planProjectPatches`); the serialising and
   * writing happen off main's thread.
   */
  autosave(req: RequestOf<'autosave'>): Promise<Result<AutosaveReply>>;
  /** The autosaved project left by a session that did not end cleanly, if any. */
  recover(req: RequestOf<'recover'>): Promise<Result<RecoveredReply | null>>;
  /**
   * Hands the project the project worker holds as `held` (opened or recovered) to the
   * extraction, worker to worker, so the next import sends references only and gets back what
   * changed since the findings the window holds (version `held`). `primed: false`: not possible
   * here (the version is gone, or a worker runs in-process); send the articles instead.
   */
  primeExtraction(req: RequestOf<'primeExtraction'>): Promise<Result<{ primed: boolean }>>;
  /**
   * After an import the extraction holds the project's articles and findings (its version
   * `extracted`): the project worker takes them from it, worker to worker, and holds them as
   * `version`, so the first autosave of a freshly imported project sends only the analyst's
   * decisions and the briefing (a patch on `version`), not the whole project through main.
   * `held: false`: not possible (that version is gone, or a worker runs in-process).
   */
  adoptExtraction(req: RequestOf<'adoptExtraction'>): Promise<Result<{ held: boolean }>>;
  /**
   * Part `index` of a long reply text (an opened project's JSON, a preview's HTML) that the
   * project worker holds for the window (`ReplyText`); `missing` when it no longer does (read
   * already, or the worker started again): ask for the whole reply again.
   */
  readTextPart(req: RequestOf<'readTextPart'>): Promise<Result<{ text: string } | NotHeld>>;
  discardRecovery(req: RequestOf<'discardRecovery'>): Promise<Result<null>>;
  /** Opens an exported file with the system's application. */
  openPath(req: RequestOf<'openPath'>): Promise<Result<null>>;
  showInFolder(req: RequestOf<'showInFolder'>): Promise<Result<null>>;
}

export type { HeldTextRef, ReplyText } from './reply-text';
export { API_METHODS, CHANNELS, EVENT_CHANNELS, MENU_COMMANDS, SEND_CHANNELS, type MenuCommand } from './channels';

/** The three lists name the same methods (checked at compile time both ways). */
type _SameKeys = [ApiMethod, keyof BriefsmithApi, ApiMethodName] extends [keyof BriefsmithApi, ApiMethodName, ApiMethod] ? true : never;
export const _sameKeys: _SameKeys = true;

/** What the preload exposes as `window.briefsmith`: the API plus event subscriptions. */
export interface BriefsmithBridge extends BriefsmithApi {
  onProgress(listener: (e: ProgressEvent) => void): () => void;
  onMenu(listener: (command: MenuCommand) => void): () => void;
  onOpenFile(listener: (path: string) => void): () => void;
  /** Tells main whether there are unsaved changes (window title, close prompt). */
  setDirty(state: { dirty: boolean; title: string }): void;
}

export const DirtyStateSchema = z.object({ dirty: z.boolean(), title: z.string().max(500) }).strict();

/** A reply's text as the window reads it: inline, or its parts through `readTextPart`. */
export function readText(api: Pick<BriefsmithApi, 'readTextPart'>, text: ReplyText): Promise<string> {
  return readReplyText(text, async (ticket, index) => {
    const r = await api.readTextPart({ ticket, index });
    if (!r.ok) throw new Error(r.error.message);
    return 'text' in r.value ? r.value.text : null;
  });
}

/** The window's side of a `ProjectReply`: the project parsed from its text, sentences put back (the project worker checked it; it is not checked again). */
export async function readProjectReply<R extends ProjectReply>(api: Pick<BriefsmithApi, 'readTextPart'>, r: R): Promise<Omit<R, 'projectText'> & { readonly project: Project }> {
  const { projectText, ...rest } = r;
  return { ...rest, project: projectFromCheckedText(await readText(api, projectText)) };
}
