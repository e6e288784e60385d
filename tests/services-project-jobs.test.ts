// The project worker's jobs (src/services/project-jobs.ts), run in-process: an opened project's
// text and a preview's HTML stay with the holder when longer than a part, and come back whole
// from their parts; a part asked for again, or of another holder, is `missing`.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyFindings, emptyOverlay, type Project } from '../src/model';
import { projectFromCheckedText, serializeProject } from '../src/project/project';
import { saveProjectFile } from '../src/project/store';
import { previewHtml } from '../src/services/document-jobs';
import { runProjectJob, type ProjectHolder, type ProjectJobReply } from '../src/services/project-jobs';
import { HeldTexts, readReplyText, type ReplyText } from '../src/services/reply-text';

const PART = 500;

const project = (): Project => ({
  format: 'briefsmith',
  version: 2,
  articles: [0, 1].map((i) => ({ id: `a${i}`, title: `Harbour talks, round ${i}`, outlet: 'The Example Gazette', published: '2026-01-02', byline: null, text: 'Negotiators met again on the ferry crossing. '.repeat(40), origin: { kind: 'paste' } })),
  findings: emptyFindings(),
  overlay: emptyOverlay(),
  briefing: { title: 'Ferry talks', subtitle: null, date: '2026-01-02', author: '', marking: '', sections: ['sources', 'notes'], templateId: 'situation', notes: 'The crossing reopens when both sides agree. '.repeat(30), options: { citations: null, language: 'en-GB' } },
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'briefsmith-project-jobs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every part of `text` read through `part` jobs of `h`. */
const readAll = (h: ProjectHolder, text: ReplyText): Promise<string> =>
  readReplyText(text, async (ticket, index) => {
    const r = await runProjectJob(h, { id: 0, kind: 'part', ticket, index });
    return r.kind === 'part' ? r.text : null;
  });

const expectKind = <K extends ProjectJobReply['kind']>(r: ProjectJobReply, kind: K): Extract<ProjectJobReply, { kind: K }> => {
  if (r.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(r).slice(0, 300)}`);
  return r as Extract<ProjectJobReply, { kind: K }>;
};

describe('project jobs', () => {
  it('answers an open with the project text held in parts, and previews the held project the same way', async () => {
    const p = project();
    const file = path.join(dir, 'p.briefsmith');
    await saveProjectFile(file, p);
    const h: ProjectHolder = { held: null, texts: new HeldTexts('h', PART) };
    const opened = expectKind(await runProjectJob(h, { id: 1, kind: 'open', path: file, backup: false, version: 'v1' }), 'opened');
    // The file's own form (no sentence its article holds again), read back as the window reads it.
    expect(opened.projectText).toEqual({ ticket: 'h:1', parts: Math.ceil(serializeProject(p).length / PART) });
    expect(projectFromCheckedText(await readAll(h, opened.projectText))).toEqual(p);
    // Read once: gone.
    expect((await runProjectJob(h, { id: 2, kind: 'part', ticket: 'h:1', index: 0 })).kind).toBe('missing');

    const dirs = { templatesDir: null, fontsDir: null };
    const html = expectKind(await runProjectJob(h, { id: 3, kind: 'document', held: 'v1', work: { kind: 'html' }, dirs, cancel: new SharedArrayBuffer(4) }), 'html');
    expect('ticket' in html.html).toBe(true);
    expect(await readAll(h, html.html)).toBe(await previewHtml(p, dirs));
    // Another holder (a worker started again) holds none of it.
    const other: ProjectHolder = { held: null, texts: new HeldTexts('h2', PART) };
    expect((await runProjectJob(other, { id: 4, kind: 'part', ticket: 'h:2', index: 0 })).kind).toBe('missing');
  });
});
