/**
 * The setup every end-to-end test shares: the built renderer served on 127.0.0.1 with the
 * handlers behind it, Debian's Chromium with the browser API injected, a temporary folder
 * under tests/.tmp, and the page's script and console errors collected (CSP violations land
 * there). `openSession` in `beforeAll`, `closeSession` in `afterAll`.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { ProjectSizeLimits } from '../../src/project/store';
import { browserApiScript } from './browser-api';
import { chromiumAvailable, ensureRendererBuilt, launchChromium, REPO } from './chromium';
import { startAppServer, type AppServer } from './server';

/** The four sample articles bundled with the app (our own writing). */
export const SAMPLES = path.join(REPO, 'assets', 'samples');
export const SAMPLE_FILES: readonly string[] = ['01-talks-open-astana.txt', '02-what-each-side-wants.txt', '03-second-day-no-deal.txt', '04-round-ends-prisoner-deal.txt'].map((f) => path.join(SAMPLES, f));

/** Why the browser tests cannot run here, or null. */
export const e2eSkipReason = (): string | null => (chromiumAvailable() ? null : 'no /usr/bin/chromium');

export interface SessionOptions {
  /** Names the temporary folder (tests/.tmp/<name>-XXXX). */
  readonly name: string;
  readonly viewport?: { width: number; height: number };
  /** Fixed locale and zone, for times shown on screen. */
  readonly locale?: string;
  readonly timezoneId?: string;
  /** Accept window.confirm/alert dialogs (the app asks none of its own; a stray one would hang). */
  readonly acceptDialogs?: boolean;
  readonly projectLimits?: ProjectSizeLimits;
}

export interface Session {
  readonly browser: Browser;
  readonly server: AppServer;
  /** The current page; `restartPage` replaces it (a "crash"). */
  page: Page;
  readonly tmp: string;
  /** Script errors and console errors of every page of the session. */
  readonly pageErrors: string[];
  /** Closes the page without saving and opens a fresh one on the same server and storage. */
  restartPage(): Promise<Page>;
}

export async function openSession(o: SessionOptions): Promise<Session> {
  const rendererDir = await ensureRendererBuilt();
  await mkdir(path.join(REPO, 'tests', '.tmp'), { recursive: true });
  const tmp = await mkdtemp(path.join(REPO, 'tests', '.tmp', `${o.name}-`));
  const server = await startAppServer({ rendererDir, userDataDir: path.join(tmp, 'user-data'), ...(o.projectLimits ? { projectLimits: o.projectLimits } : {}) });
  const browser = await launchChromium();
  const contextOptions: BrowserContextOptions = {
    viewport: o.viewport ?? { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    ...(o.locale ? { locale: o.locale } : {}),
    ...(o.timezoneId ? { timezoneId: o.timezoneId } : {}),
  };
  const context = await browser.newContext(contextOptions);
  await context.addInitScript({ content: browserApiScript() });
  const pageErrors: string[] = [];
  const watch = (page: Page): Page => {
    if (o.acceptDialogs) page.on('dialog', (d) => void d.accept());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    return page;
  };
  const session: Session = {
    browser,
    server,
    page: watch(await context.newPage()),
    tmp,
    pageErrors,
    async restartPage() {
      await session.page.close({ runBeforeUnload: false });
      session.page = watch(await context.newPage());
      return session.page;
    },
  };
  return session;
}

export async function closeSession(s: Session | undefined): Promise<void> {
  if (!s) return;
  await s.browser.close();
  await s.server.close();
  await rm(s.tmp, { recursive: true, force: true });
}

/** The text of a PDF export, page after page (pdf.js, as the app's own reader). */
export async function pdfText(file: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(file)), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\n');
}

/** How many pages a PDF has. */
export async function pdfPageCount(file: string): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(file)), isEvalSupported: false }).promise;
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

/** The text and HTML of a DOCX export (mammoth). */
export async function docxText(file: string): Promise<{ text: string; html: string }> {
  const mammoth = (await import('mammoth')).default;
  const buffer = await readFile(file);
  return { text: (await mammoth.extractRawText({ buffer })).value, html: (await mammoth.convertToHtml({ buffer })).value };
}

/** Soft hyphens out, white space folded: how text is compared across renderers. */
export const norm = (s: string): string => s.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
