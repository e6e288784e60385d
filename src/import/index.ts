import { createHash } from 'node:crypto';
import type { Article } from '../model';
import { BriefsmithError } from '../model';

/**
 * Article import. STUB for .txt only: the foundation issue's import work replaces it with
 * one importer per format (txt, md, html, docx, pdf) behind these signatures.
 */
export interface ImportOptions {
  /** Shown in errors and stored as the origin path. */
  readonly path: string;
}

export const normaliseText = (s: string): string => s.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');

export const articleId = (text: string): string => 'a-' + createHash('sha256').update(text).digest('hex').slice(0, 12);

export async function importBytes(bytes: Uint8Array, options: ImportOptions): Promise<Article> {
  const text = normaliseText(new TextDecoder('utf-8').decode(bytes));
  if (!text.trim()) throw new BriefsmithError('empty', `${options.path}: the file is empty.`, options.path);
  const firstLine = text.split('\n', 1)[0]?.trim() ?? '';
  return {
    id: articleId(text),
    title: firstLine.length > 0 && firstLine.length < 200 && !/[.!?]$/.test(firstLine) ? firstLine : null,
    outlet: null,
    published: null,
    byline: null,
    text,
    origin: { kind: 'file', path: options.path, format: 'txt' },
  };
}

export function importText(raw: string): Article {
  const text = normaliseText(raw);
  if (!text.trim()) throw new BriefsmithError('empty', 'The pasted text is empty.');
  return { id: articleId(text), title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } };
}
