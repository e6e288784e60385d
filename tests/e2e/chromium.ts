/**
 * Launching Debian's Chromium through playwright-core (no downloaded browsers), and building
 * the renderer with Vite when dist/renderer is missing or older than its sources.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIST = path.join(REPO, 'dist', 'renderer');

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the renderer unless dist/renderer is newer than everything in renderer/ and src/. */
export async function ensureRendererBuilt(): Promise<string> {
  const index = path.join(RENDERER_DIST, 'index.html');
  const stale = !existsSync(index) || statSync(index).mtimeMs < Math.max(newestMtime(path.join(REPO, 'renderer')), newestMtime(path.join(REPO, 'src', 'services')), newestMtime(path.join(REPO, 'src', 'model')));
  if (stale) {
    const { build } = await import('vite');
    await build({ configFile: path.join(REPO, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
  }
  return RENDERER_DIST;
}
