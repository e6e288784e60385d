/**
 * Screenshots for docs/screenshots, written only when asked: `UPDATE_SCREENSHOTS=1`. An ordinary
 * test run leaves the committed pictures alone.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO } from './chromium';

export const SHOTS = path.join(REPO, 'docs', 'screenshots');
export const updateScreenshots = (): boolean => process.env.UPDATE_SCREENSHOTS === '1';

export async function shot(page: Page, name: string): Promise<void> {
  if (!updateScreenshots()) return;
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) });
}
