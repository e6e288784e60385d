/**
 * The templates folder (Node only): where it is, which template files it holds, and each one's
 * name and description. No schema library is loaded here, so `briefsmith templates` starts in a
 * fraction of the time a full validation takes (zod alone costs about 100 ms to load); a template
 * is validated in full by `loadTemplate` (templates-node.ts) when a briefing uses it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BriefsmithError } from '../model/result';
import { TEMPLATE_ID_PATTERN } from './template-id';

/** `<root>/templates`, found by walking up from this module (works from src/ and from a bundle in dist/). */
export function defaultTemplatesDir(): string {
  // A CommonJS bundle (Electron main) has no import.meta.url: start from the working directory.
  const here = typeof import.meta.url === 'string' ? import.meta.url : undefined;
  let dir = here ? path.dirname(fileURLToPath(here)) : process.cwd();
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'templates');
    try {
      if (statSync(candidate).isDirectory() && statSync(path.join(dir, 'package.json')).isFile()) return candidate;
    } catch {
      /* keep walking up */
    }
    dir = path.dirname(dir);
  }
  return path.resolve('templates');
}

export function listTemplateIds(dir: string = defaultTemplatesDir()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new BriefsmithError('not-found', `The templates folder ${dir} cannot be read.`, dir);
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -5))
    .filter((id) => TEMPLATE_ID_PATTERN.test(id))
    .sort();
}

export interface TemplateSummary {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

/**
 * Id, name and description of every template of the folder, sorted by id: what a list of
 * templates shows. A file that is not JSON, or whose id, name or description is missing or not
 * text, throws, naming it; the rest of a template is checked when it is used.
 */
export function templateSummaries(dir: string = defaultTemplatesDir()): TemplateSummary[] {
  return listTemplateIds(dir).map((id) => {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path.join(dir, `${id}.json`), 'utf8'));
    } catch (e) {
      throw new BriefsmithError('corrupt', `Template "${id}" is not valid JSON: ${(e as Error).message}`, id);
    }
    const t = (data && typeof data === 'object' ? data : {}) as { id?: unknown; name?: unknown; description?: unknown };
    if (t.id !== id) throw new BriefsmithError('invalid-input', `Template "${id}" declares the id "${String(t.id)}"; the id must match the file name.`, id);
    if (typeof t.name !== 'string' || !t.name.trim()) throw new BriefsmithError('invalid-input', `Template "${id}" is not a valid Briefsmith template: name: expected text.`, id);
    if (t.description !== undefined && typeof t.description !== 'string') throw new BriefsmithError('invalid-input', `Template "${id}" is not a valid Briefsmith template: description: expected text.`, id);
    return { id, name: t.name, description: t.description ?? '' };
  });
}
