// End to end: a project file damaged on disk, with the backup the previous save left beside
// it. The analyst opens it in the app (renderer in Debian's Chromium, the same handlers main
// registers behind it), reads what is wrong, clicks "Open the backup (saved …)" and finds the
// last good version loaded; saving writes it back over the damaged file.
// A save near the size limit shows its warning (this server warns from 200 bytes).
// Screenshot: docs/screenshots/08-open-backup.png.
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newProject, parseProject, serializeProject } from '../src/project/project';
import { MAX_PROJECT_BYTES } from '../src/project/store';
import type { AppServer } from './e2e/server';
import { shot } from './e2e/shots';
import { closeSession, e2eSkipReason, openSession, type Session } from './e2e/session';

const skipReason = e2eSkipReason();
if (skipReason) console.warn(`e2e-recovery skipped: ${skipReason}`);

const BACKUP_TITLE = 'Port talks, last good version';
/** The backup's modification time, shown on the button. */
const BACKUP_TIME = new Date('2025-03-21T16:45:00Z');
/** Saves above this size warn (the backup here is about 700 bytes; the real threshold is 205 MB). */
const WARN_AT = 200;

describe.skipIf(skipReason !== null)('opening the backup of a damaged project', () => {
  let session: Session;
  let server: AppServer;
  let page: Page;
  let tmp: string;

  beforeAll(async () => {
    // A fixed zone and locale, so the time on the button is the same on every machine.
    session = await openSession({ name: 'e2e-recovery', viewport: { width: 1280, height: 720 }, locale: 'en-GB', timezoneId: 'UTC', acceptDialogs: true, projectLimits: { max: MAX_PROJECT_BYTES, warnAt: WARN_AT } });
    ({ server, page, tmp } = session);
  });
  afterAll(() => closeSession(session));

  it('shows what is wrong and opens the backup with one click', async () => {
    const dir = path.join(tmp, 'projects');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'port-talks.briefsmith');
    const good = newProject({ now: BACKUP_TIME });
    const backup = { ...good, briefing: { ...good.briefing, title: BACKUP_TITLE, notes: 'Kept by the previous save.' } };
    await writeFile(`${file}.bak`, serializeProject(backup));
    await utimes(`${file}.bak`, BACKUP_TIME, BACKUP_TIME);
    // Cut off mid-write by something outside Briefsmith (a sync tool, a full disk).
    await writeFile(file, serializeProject(backup).slice(0, 200));

    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Articles' }).waitFor();
    server.dialogs.open.push([file]);
    await page.getByRole('button', { name: 'Open…' }).click();

    const offer = page.getByTestId('backup-offer');
    await offer.waitFor();
    const text = (await offer.textContent()) ?? '';
    expect(text).toContain('port-talks.briefsmith could not be opened');
    expect(text).toContain(file); // the store's message names the file and what is wrong
    expect(text).toContain('cut short'); // what is wrong
    expect(text).not.toContain('2025-03-21T16:45'); // the offer is the button, not an ISO time in the text
    const button = offer.getByRole('button', { name: /^Open the backup \(saved / });
    expect(await button.textContent()).toBe('Open the backup (saved 21 Mar 2025, 16:45)');
    // Nothing was loaded yet: the window still shows the new, untitled project.
    expect(await page.locator('h1').textContent()).toBe('Untitled briefing');
    await shot(page, '08-open-backup.png');

    // Every notice that appears is logged as it appears: an information notice goes by itself
    // after a few seconds, which a loaded machine may take to get to the check.
    await page.evaluate(() => {
      const w = window as unknown as { seenNotices: string[] };
      w.seenNotices = [];
      const log = () => {
        for (const n of Array.from(document.querySelectorAll('.notice'))) {
          const seen = `${n.getAttribute('role')}: ${n.textContent ?? ''}`;
          if (!w.seenNotices.includes(seen)) w.seenNotices.push(seen);
        }
      };
      new MutationObserver(log).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await button.click();
    await offer.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('h1').textContent()).toBe('port-talks');
    // Loaded from the backup, not yet written back: unsaved until the analyst saves.
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Unsaved changes');
    await page.locator('[data-step="compose"]').click();
    expect(await page.locator('#field-title').inputValue()).toBe(BACKUP_TITLE);
    const seen = () => page.evaluate(() => (window as unknown as { seenNotices: string[] }).seenNotices);
    await expect.poll(async () => (await seen()).filter((t) => t.startsWith('status: Opened the backup')).length).toBe(1);

    // Save repairs the damaged file with the recovered project.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved');
    expect(parseProject(await readFile(file, 'utf8'), null).project.briefing.title).toBe(BACKUP_TITLE);
    // The saved file is over this server's warning size: the app says so, and the notice stays.
    expect(Buffer.byteLength(await readFile(file))).toBeGreaterThan(WARN_AT);
    const warning = page.getByTestId('notice-warning');
    await warning.waitFor();
    expect(await warning.getAttribute('role')).toBe('alert');
    expect(await warning.textContent()).toMatch(/port-talks\.briefsmith" is .* near the .* limit for opening a project/);
    // The confirmation ("Saved …") goes by itself; the warning stays.
    await expect.poll(async () => (await seen()).some((t) => t.startsWith('status: Saved port-talks.briefsmith'))).toBe(true);
    await page.getByRole('status').filter({ hasText: 'Saved port-talks.briefsmith' }).waitFor({ state: 'detached', timeout: 60_000 });
    expect(await warning.count()).toBe(1);
    expect(session.pageErrors).toEqual([]);
  });

  it('without a backup: the error names the file, and no offer is made', async () => {
    const file = path.join(tmp, 'projects', 'lost.briefsmith');
    await writeFile(file, 'this is not a project');
    server.dialogs.open.push([file]);
    await page.getByRole('button', { name: 'Open…' }).click();
    const alert = page.locator('.notice.error').filter({ hasText: 'lost.briefsmith' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/No usable backup/);
    expect(await page.getByTestId('backup-offer').count()).toBe(0);
  });
});
