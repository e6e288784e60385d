/**
 * Loads the renderers' resources from disk (Node only: CLI and Electron main): the Liberation
 * Sans TTFs shipped in `assets/fonts/` (SIL Open Font License, see LICENSE-LiberationSans.txt).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BriefsmithError } from '../model';
import type { RenderResources } from './resources';

export type { RenderResources } from './resources';

const FACES = { regular: 'LiberationSans-Regular.ttf', bold: 'LiberationSans-Bold.ttf', italic: 'LiberationSans-Italic.ttf', boldItalic: 'LiberationSans-BoldItalic.ttf' } as const;

/** `<root>/assets/fonts`, found by walking up from this module (works from src/ and from dist/). */
export function defaultFontsDir(): string {
  // A CommonJS bundle (Electron main) has no import.meta.url: start from the working directory.
  const here = typeof import.meta.url === 'string' ? import.meta.url : undefined;
  let dir = here ? path.dirname(fileURLToPath(here)) : process.cwd();
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'assets', 'fonts');
    try {
      if (statSync(path.join(candidate, FACES.regular)).isFile()) return candidate;
    } catch {
      /* keep walking up */
    }
    dir = path.dirname(dir);
  }
  return path.resolve('assets', 'fonts');
}

let cached: { dir: string; res: RenderResources } | null = null;

export async function loadRenderResources(dir: string = defaultFontsDir()): Promise<RenderResources> {
  if (cached?.dir === dir) return cached.res;
  const read = (file: string): Uint8Array => {
    const p = path.join(dir, file);
    try {
      return new Uint8Array(readFileSync(p));
    } catch {
      throw new BriefsmithError('not-found', `The font file ${p} is missing; reinstall Briefsmith or restore assets/fonts/.`, p);
    }
  };
  const res: RenderResources = { fonts: { regular: read(FACES.regular), bold: read(FACES.bold), italic: read(FACES.italic), boldItalic: read(FACES.boldItalic) } };
  cached = { dir, res };
  return res;
}
