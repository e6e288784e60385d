/**
 * Loading templates from disk (Node only: the CLI and Electron main). Templates are the JSON
 * files of one folder, `templates/` at the repository (or app) root unless another is given.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BriefsmithError } from '../model';
import { parseTemplate, TEMPLATE_ID_PATTERN, type Template } from './templates';

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

/** Reject ids that could name a file outside the templates folder. */
export function checkTemplateId(id: string): void {
  if (!TEMPLATE_ID_PATTERN.test(id) || id.includes('..') || path.isAbsolute(id) || /[\\/]/.test(id))
    throw new BriefsmithError('invalid-input', `"${id}" is not a template name: use lower-case letters, digits and dashes (for example "situation").`, id);
}

export function loadTemplate(id: string, dir: string = defaultTemplatesDir()): Template {
  checkTemplateId(id);
  const file = path.join(dir, `${id}.json`);
  if (path.dirname(path.resolve(file)) !== path.resolve(dir)) throw new BriefsmithError('invalid-input', `"${id}" is not a template name.`, id);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    const known = listTemplateIds(dir);
    throw new BriefsmithError('not-found', `No template "${id}" in ${dir}; choose one of: ${known.join(', ') || '(none)'}.`, file);
  }
  return parseTemplate(text, id);
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

/** Every template of the folder, sorted by id. A broken template file throws, naming it. */
export function loadTemplates(dir: string = defaultTemplatesDir()): Template[] {
  return listTemplateIds(dir).map((id) => loadTemplate(id, dir));
}
