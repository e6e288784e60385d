/**
 * When the import workers cannot start (a build without dist/import-worker.mjs, a runtime that
 * refuses threads), Markdown, HTML, Word and PDF are parsed in-process: the import still gives
 * the article, or a one-line error naming the file, and nothing waits for a worker that never
 * answers. Two ways to fail are simulated by replacing node:worker_threads for the importer:
 * the Worker constructor throws, or the worker starts but its code cannot be loaded.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as WorkerThreads from 'node:worker_threads';
import { enc, makeDocx, makePdf } from './fixtures/import/make-fixtures';

const LINE = 'The harbour council of Valdoria voted on Tuesday to reopen the northern ferry route.';

type Mode = 'throw' | 'missing-code';
let constructed = 0;

/** Loads the importer with a node:worker_threads whose Worker fails as `mode` says. */
async function importerWith(mode: Mode): Promise<typeof import('../src/import')> {
  vi.resetModules();
  constructed = 0;
  vi.doMock('node:worker_threads', async () => {
    const real = await vi.importActual<typeof WorkerThreads>('node:worker_threads');
    class FailingWorker extends real.Worker {
      constructor(source: string | URL, options?: WorkerThreads.WorkerOptions) {
        constructed++;
        if (mode === 'throw') throw new Error('ERR_WORKER_INIT_FAILED: simulated');
        // The worker runs, but the file its code is in does not exist.
        const missing = 'file:///nonexistent/briefsmith-missing-worker.mjs';
        super(source, { ...options, workerData: { ...(options?.workerData as object), entry: missing, tsx: null, pdfjsUrl: missing } });
      }
    }
    return { ...real, Worker: FailingWorker, default: { ...real, Worker: FailingWorker } };
  });
  return import('../src/import');
}

afterEach(() => {
  vi.doUnmock('node:worker_threads');
  vi.resetModules();
});

async function samples(): Promise<Array<[string, Uint8Array]>> {
  return [
    ['note.md', enc(`# Ferry route\n\n${LINE}\n`)],
    ['page.html', enc(`<html><head><title>Ferry route</title></head><body><article><p>${LINE}</p></article></body></html>`)],
    ['report.docx', await makeDocx({ paragraphs: [LINE] })],
    ['scan.pdf', await makePdf({ paragraphs: [LINE] })],
  ];
}

describe.each<Mode>(['throw', 'missing-code'])('import when the worker cannot start (%s)', (mode) => {
  it('parses every format in-process, twice in a row, without waiting on a worker', async () => {
    const { importBytes, closeImportWorkers } = await importerWith(mode);
    const files = await samples();
    for (const round of [1, 2]) {
      for (const [path, bytes] of files) {
        const a = await importBytes(bytes, { path, timeoutMs: 10_000 });
        expect(a.text, `${path} round ${round}`).toContain(LINE);
        expect(a.origin).toMatchObject({ kind: 'file', path });
      }
    }
    // The Markdown/HTML/Word host and the PDF host each tried once, then stayed in-process.
    expect(constructed).toBe(2);
    await closeImportWorkers();
  }, 60_000); // a wait on a worker that never answers fails here, at the test's timeout

  it('refuses a damaged file with one line that names it', async () => {
    const { importBytes, closeImportWorkers } = await importerWith(mode);
    // The model as the freshly loaded importer sees it (the module registry was reset).
    const { BriefsmithError } = await import('../src/model');
    const docx = await makeDocx({ paragraphs: [LINE] });
    const pdf = await makePdf({ paragraphs: [LINE] });
    for (const [path, bytes] of [['cut.docx', docx.subarray(0, docx.length >> 1)], ['cut.pdf', pdf.subarray(0, 400)]] as const) {
      const e = await importBytes(bytes, { path, timeoutMs: 10_000 }).then(
        () => null,
        (x: unknown) => x,
      );
      expect(e, path).toBeInstanceOf(BriefsmithError);
      const message = (e as Error).message;
      expect(message).toContain(path);
      expect(message).not.toContain('\n');
    }
    await closeImportWorkers();
  }, 60_000);
});
