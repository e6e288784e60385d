import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../src/model';
import { readProjectReply, type BriefsmithApi } from '../src/services/api';
import { createHandlers, type ServiceEnv } from '../src/services/handlers';

/** The PDF export's warnings (characters its fonts cannot draw) come back with the export's result. */
let dir: string;
let api: BriefsmithApi;
const save: string[] = [];

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'briefsmith-export-warn-'));
  const env: ServiceEnv = {
    chooseFilesToOpen: async () => null,
    chooseSavePath: async () => save.shift() ?? null,
    userDataDir: path.join(dir, 'user'),
    openPath: async () => {},
    showInFolder: () => {},
    now: () => new Date('2025-03-24T09:30:00Z'),
    emitProgress: () => {},
    approvedPaths: new Set<string>(),
  };
  api = createHandlers(env);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function exportPdf(title: string): Promise<readonly string[] | undefined> {
  const project = (await readProjectReply(api, value(await api.newProject({})))).project;
  save.push(path.join(dir, 'brief.pdf'));
  const r = value(await api.exportDocument({ format: 'pdf', project: { ...project, briefing: { ...project.briefing, title } } }));
  return (r as { warnings?: readonly string[] } | null)?.warnings;
}

describe('PDF export warnings', () => {
  it('returns the missing-glyph warning for a title in a script the fonts lack', async () => {
    const warnings = await exportPdf('Talks in \u0627\u0644\u0642\u0627\u0647\u0631\u0629 \u4f1a\u8c08');
    expect(warnings).toHaveLength(1);
    expect(warnings![0]).toMatch(/Arabic/);
  }, 60_000);

  it('returns no warning when every character can be drawn', async () => {
    expect(await exportPdf('Talks in Lima')).toEqual([]);
  }, 60_000);
});
