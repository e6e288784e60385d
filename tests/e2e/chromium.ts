/**
 * Launching Debian's Chromium through playwright-core (no downloaded browsers), and building
 * the renderer with Vite when dist/renderer is missing or older than its sources.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

/**
 * Whether dist/renderer holds a development build: React's development JSX runtime (`jsxDEV`)
 * in its scripts. Vite builds in development mode when the building process has NODE_ENV set to
 * anything but `production` (vitest sets `test`), and such a build renders several times slower.
 */
function developmentBuild(): boolean {
  const assets = path.join(RENDERER_DIST, 'assets');
  if (!existsSync(assets)) return false;
  return readdirSync(assets).some((f) => f.endsWith('.js') && readFileSync(path.join(assets, f), 'utf8').includes('jsxDEV'));
}

/**
 * Builds the renderer, for production as `npm run build:renderer` does, unless dist/renderer is
 * a production build newer than everything in renderer/ and the src/ folders it imports.
 */
export async function ensureRendererBuilt(): Promise<string> {
  const index = path.join(RENDERER_DIST, 'index.html');
  const sources = ['renderer', path.join('src', 'services'), path.join('src', 'model'), path.join('src', 'project')].map((d) => newestMtime(path.join(REPO, d)));
  const stale = !existsSync(index) || statSync(index).mtimeMs < Math.max(...sources) || developmentBuild();
  if (stale) {
    const { build } = await import('vite');
    const was = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: path.join(REPO, 'renderer', 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
    } finally {
      if (was === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = was;
    }
  }
  return RENDERER_DIST;
}
