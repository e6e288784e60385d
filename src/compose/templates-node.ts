/**
 * Loading templates from disk (Node only: the CLI and Electron main). Templates are the JSON
 * files of one folder, `templates/` at the repository (or app) root unless another is given.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BriefsmithError } from '../model';
import { TEMPLATE_ID_PATTERN } from './template-id';
import { parseTemplate, type Template } from './templates';
import { defaultTemplatesDir, listTemplateIds } from './templates-dir';

export { defaultTemplatesDir, listTemplateIds, templateSummaries } from './templates-dir';

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

/** Every template of the folder, sorted by id. A broken template file throws, naming it. */
export function loadTemplates(dir: string = defaultTemplatesDir()): Template[] {
  return listTemplateIds(dir).map((id) => loadTemplate(id, dir));
}
