// End to end, as an analyst would: the renderer built by Vite runs in Debian's Chromium;
// `window.briefsmith` is the browser implementation that calls the same handlers Electron
// main registers (over HTTP on 127.0.0.1). Import the four sample articles (assets/samples, our
// own writing), edit one item and reject another, pick and reorder sections, export DOCX and
// PDF and read them back, save the project, reopen it and find everything as it was.
// Screenshots 01-07 go to docs/screenshots when UPDATE_SCREENSHOTS=1.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importBytes } from '../src/import';
import { extractAll } from '../src/extract';
import type { Outlook, Position } from '../src/model';
import { parseProject } from '../src/project/project';
import { readProjectReply, readText, type BriefsmithBridge } from '../src/services/api';
import type { AppServer } from './e2e/server';
import { shot } from './e2e/shots';
import { closeSession, docxText, e2eSkipReason, norm, openSession, pdfPageCount, pdfText, SAMPLE_FILES, type Session } from './e2e/session';

const skipReason = e2eSkipReason();
if (skipReason) console.warn(`e2e-workflow skipped: ${skipReason}`);

const EDIT_MARKER = 'Analyst corrected wording for the briefing';
const TITLE = 'Negotiations weekly briefing';

/** New; when there are unsaved changes the app asks Save / Don't save / Cancel: don't save. */
async function newProject(page: Page): Promise<void> {
  await page.locator('header').getByRole('button', { name: 'New', exact: true }).click();
  const dialog = page.getByTestId('unsaved-dialog');
  if (await dialog.waitFor({ timeout: 1000 }).then(() => true, () => false)) await dialog.getByRole('button', { name: 'Don’t save' }).click();
}

describe.skipIf(skipReason !== null)('desktop workflow in Chromium', () => {
  let session: Session;
  let server: AppServer;
  let page: Page;
  let tmp: string;

  beforeAll(async () => {
    session = await openSession({ name: 'e2e', acceptDialogs: true });
    ({ server, page, tmp } = session);
  });
  afterAll(() => closeSession(session));

  it('imports, reviews, composes, exports, saves and reopens', async () => {
    // The findings the app will show: the same core, run here to choose which items to touch.
    const articles = await Promise.all(SAMPLE_FILES.map(async (f) => importBytes(new Uint8Array(await readFile(f)), { path: f })));
    const findings = await extractAll(articles);
    type TextItem = Position | Outlook;
    const section = findings.positions.length >= 2 ? 'positions' : 'outlook';
    const items: TextItem[] = findings[section];
    expect(items.length, 'the extractor finds at least two positions or outlook items in the samples').toBeGreaterThanOrEqual(2);

    // 1 · Articles: the open dialog "chooses" the four samples.
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Articles' }).waitFor();
    server.dialogs.open.push([...SAMPLE_FILES]);
    await page.getByRole('button', { name: 'Choose files…' }).click();
    // Articles and their findings arrive together (one undo step), after extraction.
    await expect.poll(() => page.locator('table[aria-label="Imported articles"] tbody tr').count(), { timeout: 60_000 }).toBe(SAMPLE_FILES.length);
    await page.getByTestId('progress').waitFor({ state: 'detached' });
    expect(server.progress.some((p) => p.label.startsWith('Importing'))).toBe(true);
    await shot(page, '01-articles.png');

    // The items to edit and reject are ones the briefing prints (a template lists only the
    // first few of a section): read from the core's preview of the project the app holds.
    let printed = '';
    await expect
      .poll(
        async () => {
          const r = await server.api.recover({});
          const recovered = r.ok && r.value ? (await readProjectReply(server.api, r.value)).project : null;
          if (recovered?.articles.length !== SAMPLE_FILES.length) return false;
          const h = await server.api.preview({ project: recovered });
          printed = h.ok && 'html' in h.value ? norm((await readText(server.api, h.value.html)).replace(/<[^>]+>/g, ' ')) : '';
          return printed !== '';
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const isPrinted = (x: TextItem) => !/[&<>"']/.test(x.text) && printed.includes(norm(x.text));
    // Printed once only (not also quoted in a note), so its absence after rejection is meaningful.
    const printedOnce = (x: TextItem) => printed.split(norm(x.text)).length === 2;
    // ...and quoted by no other item (another section may cite the same sentence and print it later)
    const statements: TextItem[] = [...findings.positions, ...findings.outlook];
    const ownText = (x: TextItem) => statements.every((y) => y.id === x.id || !norm(y.text).includes(norm(x.text)));
    const toReject = items.find((x) => x.text.length > 20 && isPrinted(x) && printedOnce(x) && ownText(x));
    expect(toReject, 'an item the briefing prints once').toBeDefined();
    const toEdit = items.find((x) => x.id !== toReject!.id && isPrinted(x));
    expect(toEdit, 'a second printed item').toBeDefined();

    // 2 · Review: select, edit one item, reject another; undo/redo the rejection.
    await page.locator('[data-step="review"]').click();
    await page.locator(`[data-section="${section}"]`).click();
    const rowOf = (id: string) => page.locator(`tr[data-item="${id}"]`);
    await rowOf(toEdit!.id).click();
    const source = page.getByTestId('source-text').locator('mark');
    if (toEdit!.sources[0]) await expect.poll(() => source.textContent()).toBe(toEdit!.sources[0].sentence);
    await page.getByRole('button', { name: '✎ Edit' }).click();
    await page.locator('form[aria-label="Edit item"] textarea[name="text"]').fill(EDIT_MARKER);
    await page.getByRole('button', { name: 'Save edit' }).click();
    await expect.poll(() => rowOf(toEdit!.id).textContent()).toContain(EDIT_MARKER);
    await expect.poll(() => rowOf(toEdit!.id).textContent()).toContain('Edited');

    await rowOf(toReject!.id).click();
    await page.getByRole('button', { name: '✕ Reject' }).click();
    await expect.poll(() => rowOf(toReject!.id).textContent()).toContain('Rejected');
    await page.locator('header').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rowOf(toReject!.id).textContent()).toContain('To review');
    await page.locator('header').getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => rowOf(toReject!.id).textContent()).toContain('Rejected');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Unsaved changes');
    await rowOf(toEdit!.id).click();
    await shot(page, '02-review.png');

    // Merge two people (the analyst knows they are one); the table marks both.
    const [p1, p2] = findings.people;
    if (p1 && p2) {
      await page.locator('[data-section="people"]').click();
      await rowOf(p1.id).locator('input[type="checkbox"]').check();
      await rowOf(p2.id).locator('input[type="checkbox"]').check();
      await page.getByRole('button', { name: /^Merge 2 selected/ }).click();
      // The analyst chooses which name the merged person keeps; the table then shows one row.
      await page.locator('form[aria-label="Merge people"]').getByRole('radio', { name: new RegExp(p1.name) }).check();
      await page.locator('form[aria-label="Merge people"]').getByRole('button', { name: 'Merge' }).click();
      await expect.poll(() => rowOf(p1.id).textContent()).toContain('merged 2');
      await expect.poll(() => rowOf(p2.id).count()).toBe(0);
    }

    // 3 · Compose: title, drop "people", put "outlook" first (button), then "positions" up by keyboard.
    await page.locator('[data-step="compose"]').click();
    await page.locator('#field-title').fill(TITLE);
    await page.locator('#field-title').press('Enter');
    await page.getByRole('checkbox', { name: 'Include People' }).uncheck();
    await page.getByRole('checkbox', { name: 'Include Analyst notes' }).check();
    await page.locator('#field-notes').fill('Checked against all four sources.');
    await page.locator('#field-author').fill('Desk analyst'); // focusing it commits the notes
    await page.locator('#field-marking').fill('INTERNAL');
    await page.locator('#field-marking').press('Enter');
    await page.locator('#field-author').focus();
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Move Outlook up' }).click();
    await page.locator('[data-section-row="positions"]').focus();
    await page.keyboard.press('Alt+ArrowUp');
    // And by mouse: drag the notes onto the sources row.
    await page.locator('ol.sections [data-section-row="notes"]').dragTo(page.locator('ol.sections [data-section-row="sources"]'));
    const order = await page.locator('ol.sections li').evaluateAll((els) => els.map((e) => e.getAttribute('data-section-row')));
    expect(order).toEqual(['outlook', 'bluf', 'positions', 'delegations', 'attacks', 'notes', 'sources']);
    await shot(page, '03-compose.png');

    // 4 · Preview & export: the preview shows the edit; DOCX and PDF go where the save dialog says.
    await page.locator('[data-step="preview"]').click();
    // The PDF export's own pages, drawn by pdf.js: as many as the count beside the budget says.
    const pdfPages = page.getByTestId('pdf-pages');
    await pdfPages.waitFor({ timeout: 60_000 });
    const shownPages = Number(/has (\d+) pages?/.exec((await page.getByTestId('page-count').textContent()) ?? '')?.[1]);
    expect(shownPages).toBeGreaterThan(0);
    expect(await pdfPages.locator('li').count()).toBe(shownPages);
    const first = page.locator('.pdf-page[data-page="1"]');
    await expect.poll(() => first.getAttribute('data-drawn'), { timeout: 30_000 }).toBe('yes');
    // Drawn for real: a good share of the first page's pixels carry ink.
    const ink = await first.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
      return dark / (d.length / 4);
    });
    expect(ink).toBeGreaterThan(0.005);
    await page.locator('.preview-views').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, '04-preview.png');
    // The reading view: the same document tree as HTML, with the edit in it.
    await page.locator('[data-view="text"]').click();
    const frame = page.frameLocator('[data-testid="preview-frame"]');
    await expect.poll(async () => norm((await frame.locator('body').textContent()) ?? ''), { timeout: 20_000 }).toContain(EDIT_MARKER);

    const docxPath = path.join(tmp, 'out', 'briefing.docx');
    const pdfPath = path.join(tmp, 'out', 'briefing'); // no extension: the handler adds it
    server.dialogs.save.push(docxPath, pdfPath);
    await page.locator('[data-export="docx"]').click();
    await expect.poll(() => page.getByTestId('last-export').textContent(), { timeout: 30_000 }).toContain('briefing.docx');
    await page.locator('[data-export="pdf"]').click();
    await expect.poll(() => page.getByTestId('last-export').textContent(), { timeout: 30_000 }).toContain('briefing.pdf');
    await page.getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => server.shown.length).toBe(1);
    expect(server.shown[0]).toBe(`${pdfPath}.pdf`);
    await shot(page, '05-exported.png');

    const docx = await docxText(docxPath);
    const pdf = norm(await pdfText(`${pdfPath}.pdf`));
    // The preview showed the export: the same number of pages.
    expect(await pdfPageCount(`${pdfPath}.pdf`)).toBe(shownPages);
    for (const [name, text] of [
      ['docx', norm(docx.text)],
      ['pdf', pdf],
    ] as const) {
      expect(text, `${name} has the title`).toContain(TITLE);
      expect(text, `${name} has the edit`).toContain(EDIT_MARKER);
      expect(text, `${name} leaves out the rejected item`).not.toContain(norm(toReject!.text));
    }
    // Section order as composed: outlook first, positions after the bottom line, no people.
    const headings = [...docx.html.matchAll(/<h[12][^>]*>(.*?)<\/h[12]>/g)].map((m) => m[1] ?? '');
    const at = (re: RegExp) => headings.findIndex((h) => re.test(h));
    expect(at(/outlook/i), `headings: ${headings.join(' | ')}`).toBeGreaterThanOrEqual(0);
    expect(at(/outlook/i)).toBeLessThan(at(/position/i));
    expect(at(/^people$/i)).toBe(-1);

    // 5 · Save, start a new project, reopen the saved one: everything as it was.
    const projectPath = path.join(tmp, 'projects', 'weekly'); // extension added by the handler
    await mkdir(path.dirname(projectPath), { recursive: true }); // a save dialog only offers existing folders
    server.dialogs.save.push(projectPath);
    await page.getByRole('button', { name: 'Save As…' }).click();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved');
    const saved = parseProject(await readFile(`${projectPath}.briefsmith`, 'utf8'), null).project;
    expect(saved.briefing.title).toBe(TITLE);
    expect(saved.briefing.sections).toEqual(order);
    expect(saved.overlay.decisions[toReject!.id]).toEqual({ status: 'rejected' });
    expect(saved.overlay.decisions[toEdit!.id]).toEqual({ status: 'edited', fields: { text: EDIT_MARKER } });
    if (findings.people.length >= 2) expect(saved.overlay.personMerges.map((g) => [...g].sort())).toEqual([[findings.people[0]!.id, findings.people[1]!.id].sort()]);

    await newProject(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Untitled briefing');
    await expect.poll(() => page.locator('[data-step="articles"] .step-count').textContent()).toBe('0');

    server.dialogs.open.push([`${projectPath}.briefsmith`]);
    await page.getByRole('button', { name: 'Open…' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('weekly');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved');
    await page.locator('[data-step="articles"]').click();
    await expect.poll(() => page.locator('table[aria-label="Imported articles"] tbody tr').count()).toBe(SAMPLE_FILES.length);
    await page.locator('[data-step="review"]').click();
    await page.locator(`[data-section="${section}"]`).click();
    await expect.poll(() => rowOf(toEdit!.id).textContent()).toContain(EDIT_MARKER);
    await expect.poll(() => rowOf(toReject!.id).textContent()).toContain('Rejected');
    await page.locator('[data-step="compose"]').click();
    expect(await page.locator('ol.sections li').evaluateAll((els) => els.map((e) => e.getAttribute('data-section-row')))).toEqual(order);
    expect(await page.locator('#field-title').inputValue()).toBe(TITLE);
    expect(await page.locator('#field-notes').inputValue()).toBe('Checked against all four sources.');

    // The whole workflow ran under the strict CSP without a violation or script error.
    expect(session.pageErrors).toEqual([]);

    // The recent list offers the project.
    const recent = await server.api.recentProjects({});
    expect(recent.ok && recent.value.map((r) => r.path)).toEqual([`${projectPath}.briefsmith`]);
   }, 240_000);

  it('shows conflicting sources side by side', async () => {
    const articles = await Promise.all(SAMPLE_FILES.map(async (f) => importBytes(new Uint8Array(await readFile(f)), { path: f })));
    const findings = await extractAll(articles);
    const sections = ['delegations', 'people', 'attacks', 'positions', 'outlook'] as const;
    const hit = sections.flatMap((sec) => findings[sec].filter((x) => x.conflicts.length > 0).map((x) => ({ sec, x })))[0]!;
    // The samples disagree on purpose (who leads one delegation, a death toll).
    expect(hit, 'an item whose sources disagree').toBeDefined();
    await page.locator('[data-step="review"]').click();
    await page.locator(`[data-section="${hit.sec}"]`).click();
    await page.locator(`tr[data-item="${hit.x.id}"]`).click();
    const box = page.locator('.conflicts');
    await box.waitFor();
    expect(await box.locator('.conflict-value').count()).toBe(hit.x.conflicts.reduce((n, c) => n + c.values.length, 0));
    await shot(page, '07-review-conflict.png');
  });

  it('imports dropped files and pasted text', async () => {
    await newProject(page);
    await expect.poll(() => page.locator('[data-step="articles"] .step-count').textContent()).toBe('0');
    await page.locator('[data-step="articles"]').click();
    const dt = await page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File(['Harbour talks resume\n\nNegotiators from two coastal states met on Tuesday to discuss shipping lanes.'], 'dropped.txt', { type: 'text/plain' }));
      d.items.add(new File([''], 'blank.txt', { type: 'text/plain' }));
      return d;
    });
    await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: dt });
    await expect.poll(() => page.locator('table[aria-label="Imported articles"] tbody tr').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('.failures').textContent()).toContain('blank.txt');
    await page.getByRole('button', { name: 'Paste text' }).click();
    await page.locator('#paste-text').fill('Ministers agree to meet again\n\nThe ministers said a further round would take place within weeks.');
    await page.getByRole('button', { name: 'Add article' }).click();
    await expect.poll(() => page.locator('table[aria-label="Imported articles"] tbody tr').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.locator('table[aria-label="Imported articles"]').textContent()).toContain('Pasted text');
  });

  it('offers unsaved work after a crash, and obeys menu commands', async () => {
    await page.locator('[data-step="compose"]').click();
    await page.locator('#field-title').fill('Recovered briefing');
    await page.locator('#field-title').press('Enter');
    // The autosave lands shortly after the change.
    await expect.poll(async () => {
      const r = await server.api.recover({});
      return r.ok && r.value ? (await readProjectReply(server.api, r.value)).project.briefing.title : null;
    }, { timeout: 10_000 }).toBe('Recovered briefing');

    // "Crash": the page goes away without saving; a new one starts.
    page = await session.restartPage();
    await page.goto(server.url);
    const banner = page.locator('.banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('unsaved work');
    await banner.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Unsaved changes');
    await page.locator('[data-step="articles"]').click();
    await expect.poll(() => page.locator('table[aria-label="Imported articles"] tbody tr').count()).toBe(2);

    // File › Save As… from the menu (main sends the command; here the test server does).
    const target = path.join(tmp, 'projects', 'recovered.briefsmith');
    server.dialogs.save.push(target);
    await expect.poll(() => server.eventClients()).toBe(1);
    server.sendMenu('saveAs');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved');
    expect(parseProject(await readFile(target, 'utf8'), null).project.briefing.title).toBe('Recovered briefing');
    // Saving clears the recovery copy.
    await expect.poll(async () => {
      const r = await server.api.recover({});
      return r.ok && r.value === null;
    }).toBe(true);
  });

  it('refuses to write where no dialog pointed, and to open files it did not export', async () => {
    const created = await server.api.newProject({});
    if (!created.ok) throw new Error(created.error.message);
    const project = (await readProjectReply(server.api, created.value)).project;
    const elsewhere = path.join(tmp, 'elsewhere.briefsmith');
    const r = await page.evaluate(async ([p, proj]) => (window as unknown as { briefsmith: BriefsmithBridge }).briefsmith.saveProject({ path: p as string, project: proj as never }), [elsewhere, project] as const);
    expect(r.ok).toBe(false);
    expect(existsSync(elsewhere)).toBe(false);
    const o = await page.evaluate(async (p) => (window as unknown as { briefsmith: BriefsmithBridge }).briefsmith.openPath({ path: p }), '/etc/passwd');
    expect(o.ok).toBe(false);
    expect(server.opened).toEqual([]);
  });

  it('shows import errors that name the file', async () => {
    const empty = path.join(tmp, 'empty.txt');
    await writeFile(empty, '');
    server.dialogs.open.push([empty]);
    await page.locator('[data-step="articles"]').click();
    await page.getByRole('button', { name: 'Choose files…' }).click();
    const box = page.locator('.failures');
    await box.waitFor();
    expect(await box.textContent()).toContain('empty.txt');
    await shot(page, '06-import-error.png');

    // Re-import: a file corrected on disk is read again and replaces its article.
    const fixable = path.join(tmp, 'fixable.txt');
    await writeFile(fixable, 'Port talks\n\nOfficials met on Monday.');
    server.dialogs.open.push([fixable]);
    await page.getByRole('button', { name: 'Choose files…' }).click();
    const rows = page.locator('table[aria-label="Imported articles"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    await writeFile(fixable, 'Port talks\n\nOfficials met on Monday and agreed to meet again next month.');
    await rows.filter({ hasText: 'fixable.txt' }).getByRole('button', { name: /^Re-import/ }).click();
    await expect.poll(() => rows.filter({ hasText: 'fixable.txt' }).locator('td.num').textContent(), { timeout: 30_000 }).toBe('13');
    expect(await rows.count()).toBe(3);
  });
});
