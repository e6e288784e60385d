/**
 * The briefing a project makes: its reviewed data composed with its template, as the HTML of
 * the reading view, as the PDF the preview draws, or exported to a file the analyst chose.
 * Run in the project worker, which holds the window's project, so that preview and export never
 * send the project through Electron's main process (`project-jobs.ts`); and in-process for a
 * caller that sends a whole project (tests, scripts).
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BriefsmithError, type CancelToken, type Project } from '../model';
import { compose } from '../compose/compose';
import { loadTemplate } from '../compose/templates-node';
import { renderHtml } from '../render/html';
import { renderDocx } from '../render/docx';
import { renderPdf } from '../render/pdf';
import { loadRenderResources } from '../render/resources-node';
import { reviewedFindings } from './reviewed';
import type { ExportFormat, PreviewPages } from './api';

/** Where the templates and the fonts are; the core's defaults when absent. */
export interface DocumentDirs {
  readonly templatesDir?: string | null;
  readonly fontsDir?: string | null;
}

export type DocumentProgress = (p: { done: number; total: number; label: string }) => void;

const templateOf = (project: Project, dirs: DocumentDirs) => (dirs.templatesDir ? loadTemplate(project.briefing.templateId, dirs.templatesDir) : loadTemplate(project.briefing.templateId));
const resourcesOf = (dirs: DocumentDirs) => (dirs.fontsDir ? loadRenderResources(dirs.fontsDir) : loadRenderResources());

/** The reviewed data of a project, composed: the one tree both preview and export render. */
function composeProject(project: Project, dirs: DocumentDirs) {
  const findings = reviewedFindings(project.findings, project.overlay);
  return compose(project.briefing, { articles: project.articles, findings }, templateOf(project, dirs));
}

/** The reading view: the briefing as HTML. */
export async function previewHtml(project: Project, dirs: DocumentDirs): Promise<string> {
  return renderHtml(await composeProject(project, dirs));
}

/** The PDF export as it would be now, its page count and the template's page budget. */
export async function previewPages(project: Project, dirs: DocumentDirs): Promise<PreviewPages> {
  const tree = await composeProject(project, dirs);
  const pdf = await renderPdf(tree, await resourcesOf(dirs));
  return { pages: pdfPageCount(pdf), budget: templateOf(project, dirs).pageBudget ?? null, pdfBase64: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('base64') };
}

const check = (token: CancelToken): void => {
  if (token.cancelled) throw new BriefsmithError('cancelled', 'Export was cancelled.');
};

/**
 * Composes, renders and writes `target` atomically (a path the analyst chose in a dialog),
 * with one progress bar for the whole export: composing 0-5, rendering 5-95 (the renderer's own
 * steps), writing 95-100. Stops with code `cancelled` when `cancel` is set.
 */
export async function exportDocumentTo(
  project: Project,
  format: ExportFormat,
  target: string,
  dirs: DocumentDirs,
  cancel: CancelToken,
  progress?: DocumentProgress,
): Promise<{ bytes: number; warnings: string[] }> {
  check(cancel);
  progress?.({ done: 0, total: 100, label: 'Composing' });
  const tree = await composeProject(project, dirs);
  check(cancel);
  const resources = await resourcesOf(dirs);
  // The renderer's warnings (the PDF's characters its fonts cannot draw) go back with the result.
  const warnings: string[] = [];
  const control = {
    cancel,
    warn: (message: string) => warnings.push(message),
    progress: (p: { done: number; total: number; label: string }) =>
      progress?.({ done: 5 + Math.floor((90 * p.done) / Math.max(1, p.total)), total: 100, label: `Rendering ${format.toUpperCase()}: ${p.label}` }),
  };
  const bytes = format === 'docx' ? await renderDocx(tree, resources, control) : await renderPdf(tree, resources, control);
  check(cancel);
  progress?.({ done: 95, total: 100, label: `Writing ${path.basename(target)}` });
  try {
    await writeAtomic(target, bytes);
  } catch (e) {
    throw writeFailure(target, e);
  }
  progress?.({ done: 100, total: 100, label: 'Exported' });
  return { bytes: bytes.byteLength, warnings };
}

/** Writes `file` through a temporary file beside it and a rename. */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    // Never leave the temporary file behind (a full disk would otherwise collect one per attempt).
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

const WRITE_ERRORS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full; free some space or choose another place',
  EDQUOT: 'the disk quota is used up; free some space or choose another place',
  EACCES: 'permission denied; choose a folder you can write to',
  EPERM: 'permission denied; choose a folder you can write to',
  EROFS: 'the disk is read-only; choose another place',
  EISDIR: 'a folder has that name; choose another name',
  ENOTDIR: 'part of the path is not a folder',
  EBUSY: 'the file is open in another program; close it and export again',
  ENAMETOOLONG: 'the name is too long; choose a shorter one',
};

/** One clear line naming the file, for an export that could not be written. */
export function writeFailure(file: string, e: unknown): BriefsmithError {
  if (e instanceof BriefsmithError) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code ?? '';
  const why = WRITE_ERRORS[code] ?? (e instanceof Error ? e.message.replace(/^\w+:\s*/, '') : String(e));
  return new BriefsmithError('unreadable', `Could not write ${file}: ${why}. Nothing was written there.`, file);
}

/** Pages of a PDF the renderer wrote (its page objects are never inside compressed streams). */
export function pdfPageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1').match(/\/Type\s*\/Page(?!s)\b/g) ?? []).length;
}

/**
 * A cancel flag that crosses to a worker: main sets it (`cancelFlag`), the worker's export reads
 * it between steps (`flagToken`), even while the worker is busy and reads no messages.
 */
export const newCancelFlag = (): SharedArrayBuffer => new SharedArrayBuffer(4);
export const cancelFlag = (flag: SharedArrayBuffer): void => {
  Atomics.store(new Int32Array(flag), 0, 1);
};
export const flagToken = (flag: SharedArrayBuffer): CancelToken => {
  const cell = new Int32Array(flag);
  return {
    get cancelled() {
      return Atomics.load(cell, 0) === 1;
    },
  };
};
