import { BriefsmithError } from '../model/result';
import { NotWordError, ZipTooLargeError, readDocx } from './docx';
import { htmlToContent } from './html';
import { LimitError } from './limits';
import { markdownToText } from './markdown';

/**
 * One parsing job for the import worker (parse-worker.ts), or in-process when no worker can
 * run: Markdown and HTML arrive decoded, Word documents as bytes. Errors come back as data
 * (a worker cannot throw across threads), mapped to messages in index.ts.
 */
export type ParseJob = { format: 'md' | 'html'; text: string } | { format: 'docx'; bytes: Uint8Array };

export interface Parsed {
  readonly lines: string[];
  readonly title: string | null;
  readonly outlet: string | null;
  readonly byline: string | null;
  readonly published: string | null;
  readonly firstHeading: string | null;
}

export type ParseOutcome =
  | { ok: true; value: Parsed }
  | { ok: false; kind: 'not-word' | 'zip-too-large' | 'limit' | 'range' | 'failed' | 'timeout' | 'memory'; message: string; expanded?: number };

export async function runParseJob(job: ParseJob): Promise<ParseOutcome> {
  try {
    switch (job.format) {
      case 'md': {
        const md = markdownToText(job.text);
        return { ok: true, value: { lines: [md.text], title: null, outlet: null, byline: null, published: null, firstHeading: md.firstHeading } };
      }
      case 'html': {
        const c = htmlToContent(job.text);
        return { ok: true, value: { ...c, firstHeading: null } };
      }
      case 'docx': {
        const c = await readDocx(job.bytes);
        return { ok: true, value: { lines: c.lines, title: c.title, outlet: null, byline: c.byline, published: c.published, firstHeading: c.firstHeading } };
      }
    }
  } catch (e) {
    if (e instanceof NotWordError) return { ok: false, kind: 'not-word', message: e.message };
    if (e instanceof ZipTooLargeError) return { ok: false, kind: 'zip-too-large', message: e.message, expanded: e.expanded };
    if (e instanceof LimitError) return { ok: false, kind: 'limit', message: e.message };
    if (e instanceof RangeError) return { ok: false, kind: 'range', message: e.message };
    if (e instanceof BriefsmithError) return { ok: false, kind: 'failed', message: e.message };
    return { ok: false, kind: 'failed', message: e instanceof Error ? e.message.split('\n')[0].slice(0, 300) : String(e).slice(0, 300) };
  }
}
