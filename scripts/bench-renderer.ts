/**
 * Renderer benchmark: time to interactive of the UI in Chromium with a 50-article project, and
 * with a 500-article one (`BENCH=large`: `benchRendererLarge`).
 *
 * Starts the test server (built renderer + the real handlers), opens the page, opens a saved
 * 50-article project as the OS would (file-open event), and stops the clock when the article
 * table shows all rows and the Review step has rendered its table after a click.
 * `benchAddArticle`: one new article dropped into a project of ADD_BASE articles (already
 * extracted): time from the extract request to the merged findings, and the longest stall of
 * the thread that answers the window (a 5 ms timer) while it runs, extraction being in a worker.
 * Run: `npx tsx scripts/bench-renderer.ts` (prints JSON; BENCH_ADD_BASE=500 by default).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Article, Project } from '../src/model';
import { importText } from '../src/import';
import { extractAll } from '../src/extract';
import { newProject } from '../src/project/project';
import { saveProjectFile } from '../src/project/store';
import { browserApiScript } from '../tests/e2e/browser-api';
import { chromiumAvailable, ensureRendererBuilt, launchChromium } from '../tests/e2e/chromium';
import { startAppServer } from '../tests/e2e/server';
import { benchHandlers } from './bench-handlers';
import { startStallMeter, withStalls } from './bench-stalls';

const ARTICLES = 50;

/** Invented, generic article text (no real names): enough sentences for the extractor to find things. */
async function syntheticArticle(i: number): Promise<Article> {
  const parties = ['Northland', 'Southmark', 'the Eastern League', 'Westport'];
  const a = parties[i % 4]!;
  const b = parties[(i + 1) % 4]!;
  const paras: string[] = [`Talks between ${a} and ${b} resume in round ${i + 1}`];
  for (let k = 0; k < 12; k++) {
    paras.push(
      `Negotiators from ${a} met their counterparts from ${b} on Tuesday for the ${k + 1}th session of talks. ` +
        `Foreign Minister Alda Verin${i} of ${a} said the delegation would demand a halt to strikes on ports before any wider deal. ` +
        `${b} refused to discuss borders until prisoners are exchanged, an official said. ` +
        `At least ${k + 2} people were killed and ${k * 3} injured when drones struck a depot overnight, local officials said. ` +
        `Further talks are expected within weeks, according to mediators.`,
    );
  }
  const article = await importText(paras.join('\n\n'));
  return { ...article, title: paras[0]!, outlet: 'The Example Gazette', published: '2025-03-0' + ((i % 9) + 1) };
}

/**
 * Issue 12's measure, in the window: a 500-article project built by importing 500 generated
 * article files through the app, then one more file imported by keyboard; the clock runs from
 * the key press to the new article's row on screen (its findings are in the project by then:
 * the row is added together with them). Meanwhile the longest stall of this process's event
 * loop (it answers the window as Electron's main process would) and the page's longest task;
 * then, apart, the stall of the autosave that follows the add.
 */
export async function benchAddOnScreen(base = ADD_BASE): Promise<{ add_one_to_500_ms: number; add_one_main_stall_ms: number; add_one_page_longest_task_ms: number; add_one_review_count_ms: number; autosave_main_stall_ms: number }> {
  const { buildRealisticCorpus } = await import('./bench-corpus');
  const { writeFile } = await import('node:fs/promises');
  const rendererDir = await ensureRendererBuilt();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'briefsmith-bench-add-screen-'));
  const server = await startAppServer({ rendererDir, userDataDir: path.join(tmp, 'user-data') });
  const browser = await launchChromium();
  try {
    const { articles } = buildRealisticCorpus(base + 1);
    const files: string[] = [];
    for (const [i, a] of articles.entries()) {
      const f = path.join(tmp, `article-${String(i).padStart(4, '0')}.txt`);
      await writeFile(f, `${a.title ?? `Article ${i}`}\n\n${a.text}`);
      files.push(f);
    }
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: browserApiScript() });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Articles' }).waitFor();
    const choose = page.getByRole('button', { name: 'Choose files…' });
    server.dialogs.open.push(files.slice(0, base));
    await choose.focus();
    await page.keyboard.press('Enter');
    await page.locator(`table[aria-label="Imported articles"] tbody tr:nth-child(${base})`).waitFor({ timeout: 3_600_000 });
    const countText = () => page.locator('[data-step="review"] .step-count').textContent();
    while (!/\d+ of \d+ to review/.test((await countText()) ?? '')) await new Promise((r) => setTimeout(r, 50));
    const countBefore = await countText();
    // The autosave of the 500-article import (1.5 s after it) must be over: it is not part of the add.
    await new Promise((r) => setTimeout(r, 15_000));
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });

    const meter = startStallMeter();
    server.dialogs.open.push([files[base]!]);
    await choose.focus();
    const t0 = performance.now();
    await page.keyboard.press('Enter');
    await page.locator(`table[aria-label="Imported articles"] tbody tr:nth-child(${base + 1})`).waitFor({ timeout: 600_000 });
    const onScreen = performance.now() - t0;
    while ((await countText()) === countBefore && performance.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 5));
    const counted = performance.now() - t0;
    const addStall = meter.worst();
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    // Then the autosave the add causes (1.5 s later): what changed, sent to the autosave worker, which writes it.
    meter.reset();
    await new Promise((r) => setTimeout(r, 15_000));
    meter.stop();
    await context.close();
    return { add_one_to_500_ms: Math.round(onScreen), add_one_main_stall_ms: Math.round(addStall), add_one_page_longest_task_ms: Math.round(longest), add_one_review_count_ms: Math.round(counted), autosave_main_stall_ms: Math.round(meter.worst()) };
  } finally {
    await browser.close();
    await server.close();
    // The server's handlers started the extraction worker, which holds the 501 articles: end it, or the process stays.
    await (await import('../src/services/extract-host')).closeExtractWorker();
    await (await import('../src/services/autosave-host')).closeAutosaveWorker();
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * Issue 13's measure: a 500-article project (the realistic generated corpus, extracted) opened
 * as the OS would open it, from page load to the Review step's table on screen (an opened project
 * with articles starts there) and the Articles step's table after a click. Also the page's longest
 * task, the page's CPU (Chromium's own metric, the renderer's main thread) and the time from the
 * open to the title on screen. `BENCH_TTI_PROJECT=<file>`: open that saved project instead of
 * extracting the corpus first (repeated runs).
 */
export async function benchRendererLarge(count = LARGE): Promise<{ tti_500_ms: number; tti_500_open_ms: number; tti_500_articles_ms: number; tti_500_page_cpu_ms: number; tti_500_longest_task_ms: number; tti_500_file_kb: number }> {
  if (!chromiumAvailable()) throw new Error('bench-renderer needs /usr/bin/chromium.');
  const { buildRealisticCorpus } = await import('./bench-corpus');
  const { stat } = await import('node:fs/promises');
  const rendererDir = await ensureRendererBuilt();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'briefsmith-bench-large-'));
  const server = await startAppServer({ rendererDir, userDataDir: path.join(tmp, 'user-data') });
  const browser = await launchChromium();
  try {
    const file = path.join(tmp, 'bench-large.briefsmith');
    if (process.env.BENCH_TTI_PROJECT) {
      // A project saved before (its title 'bench large'): repeated runs skip extracting the corpus.
      const { copyFile } = await import('node:fs/promises');
      await copyFile(process.env.BENCH_TTI_PROJECT, file);
    } else {
      const { articles } = buildRealisticCorpus(count);
      const project: Project = { ...newProject({ now: new Date('2025-03-10T00:00:00Z') }), articles, findings: await extractAll(articles) };
      project.briefing.title = 'bench large';
      await saveProjectFile(file, project);
    }
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: browserApiScript() });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const t0 = performance.now();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Articles' }).waitFor();
    while (server.eventClients() === 0) await new Promise((r) => setTimeout(r, 5));
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const cpuOf = async (): Promise<number> => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
      return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
    };
    const cpu0 = await cpuOf();
    const t1 = performance.now();
    server.sendOpenFile(file);
    await page.locator('h1', { hasText: 'bench-large' }).waitFor({ timeout: 600_000 });
    const opened = performance.now() - t1;
    await page.locator('.review-list table, .review-list .empty').first().waitFor({ timeout: 600_000 });
    const tti = performance.now() - t0;
    const t2 = performance.now();
    await page.locator('[data-step="articles"]').click();
    await page.locator('table[aria-label="Imported articles"] tbody tr').first().waitFor({ timeout: 600_000 });
    const toArticles = performance.now() - t2;
    const pageCpu = (await cpuOf()) - cpu0;
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    await context.close();
    return {
      tti_500_ms: Math.round(tti),
      tti_500_open_ms: Math.round(opened),
      tti_500_articles_ms: Math.round(toArticles),
      tti_500_page_cpu_ms: Math.round(pageCpu),
      tti_500_longest_task_ms: Math.round(longest),
      tti_500_file_kb: Math.round((await stat(file)).size / 1024),
    };
  } finally {
    await browser.close();
    await server.close();
    await (await import('../src/services/extract-host')).closeExtractWorker();
    await (await import('../src/services/autosave-host')).closeAutosaveWorker();
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The time to interactive with 50 articles (`tti_ms`), and with 500 (`tti_500_*`, `benchRendererLarge`). */
export async function benchRenderer(): Promise<{ tti_ms: number; articles: number } & Partial<Awaited<ReturnType<typeof benchRendererLarge>>> & { tti_500_error?: string }> {
  const small = await benchRendererSmall();
  const large = await benchRendererLarge().catch((e: unknown) => ({ tti_500_error: e instanceof Error ? e.message : String(e) }));
  return { ...small, ...large };
}

const LARGE = Number(process.env.BENCH_TTI_ARTICLES ?? 500);

async function benchRendererSmall(): Promise<{ tti_ms: number; articles: number }> {
  if (!chromiumAvailable()) throw new Error('bench-renderer needs /usr/bin/chromium.');
  const rendererDir = await ensureRendererBuilt();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'briefsmith-bench-'));
  const server = await startAppServer({ rendererDir, userDataDir: path.join(tmp, 'user-data') });
  const browser = await launchChromium();
  try {
    const articles = await Promise.all(Array.from({ length: ARTICLES }, (_, i) => syntheticArticle(i)));
    const project: Project = { ...newProject({ now: new Date('2025-03-10T00:00:00Z') }), articles, findings: await extractAll(articles) };
    const file = path.join(tmp, 'bench.briefsmith');
    await saveProjectFile(file, project);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: browserApiScript() });
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Articles' }).waitFor();
    // The page subscribes to events on start-up; wait until the stream is connected.
    while (server.eventClients() === 0) await new Promise((r) => setTimeout(r, 5));
    server.sendOpenFile(file);
    await page.locator('h1', { hasText: 'bench' }).waitFor();
    await page.locator('[data-step="articles"]').click();
    await page.locator(`table[aria-label="Imported articles"] tbody tr:nth-child(${ARTICLES})`).waitFor();
    await page.locator('[data-step="review"]').click();
    await page.locator('.review-list table, .review-list .empty').first().waitFor();
    const tti = performance.now() - t0;
    await context.close();
    return { tti_ms: Math.round(tti), articles: ARTICLES };
  } finally {
    await browser.close();
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

const ADD_BASE = Number(process.env.BENCH_ADD_BASE ?? 500);

export async function benchAddArticle(): Promise<{ base_articles: number; warm_ms: number; add_one_ms: number; longest_stall_ms: number; idle_stall_ms: number; thread: string }> {
  const { extractionThread, closeExtractWorker } = await import('../src/services/extract-host');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'briefsmith-bench-add-'));
  const api = await benchHandlers(tmp);
  try {
    const articles = await Promise.all(Array.from({ length: ADD_BASE + 1 }, (_, i) => syntheticArticle(i)));
    const base = articles.slice(0, ADD_BASE);
    const warm = await withStalls(() => api.extract({ articles: base }));
    if (!warm.value.ok) throw new Error(warm.value.error.message);
    const idle = await withStalls(() => new Promise((r) => setTimeout(r, 1000)));
    const add = await withStalls(() => api.extract({ articles }));
    if (!add.value.ok) throw new Error(add.value.error.message);
    return { base_articles: ADD_BASE, warm_ms: Math.round(warm.ms), add_one_ms: Math.round(add.ms), longest_stall_ms: Math.round(add.worst), idle_stall_ms: Math.round(idle.worst), thread: extractionThread() };
  } finally {
    await closeExtractWorker();
    await rm(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  (process.env.BENCH === 'add' ? benchAddArticle() : process.env.BENCH === 'screen' ? benchAddOnScreen() : process.env.BENCH === 'large' ? benchRendererLarge() : benchRenderer()).then(
    (r) => console.log(JSON.stringify(r)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
