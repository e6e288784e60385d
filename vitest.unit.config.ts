import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The unit tier (`npm run test:unit`): every test file of the full tier (`npm test`) except the
 * rows below, each a file pattern with why it waits for the full tier. The rows after the first
 * eight are the slowest files of the tier (vitest's JSON reporter over the whole tier, 15:11 UTC
 * 2026-11-30, load ~20 on two cores; seconds are that run's): they drive a worker, fuzz every
 * import format, scale a corpus, or start child processes, which the README says the fast tier
 * does not. Nothing is dropped: the full tier runs every file.
 */
const FULL_TIER_ONLY: ReadonlyArray<{ readonly files: string; readonly why: string }> = [
  { files: 'tests/e2e*', why: 'drives the app in a browser' },
  { files: 'tests/limits-*', why: 'size and time limits on large inputs' },
  { files: 'tests/fuzz-*', why: 'generated inputs through the whole pipeline' },
  { files: 'tests/render-libreoffice*', why: 'needs LibreOffice' },
  { files: 'tests/documents-from-articles*', why: 'whole documents from the corpus' },
  { files: 'tests/heldout*', why: 'the held-out articles' },
  { files: 'tests/cli*', why: 'spawns the command line' },
  { files: 'tests/project-kill*', why: 'kills a process mid-save' },
  { files: 'tests/app-main-handlers.test.ts', why: 'extraction in a worker process: 132 s of the tier (one test 49 s)' },
  { files: 'tests/import-property.test.ts', why: 'property-based fuzzing of every import format: 106 s of the tier' },
  { files: 'tests/import-fallback.test.ts', why: 'every format parsed twice in-process: 63 s of the tier (one test 46 s)' },
  { files: 'tests/merge-linear.test.ts', why: 'merges corpora of 400 and 1,600 articles: one test 19 s' },
  { files: 'tests/briefing-measures.test.ts', why: 'renders briefings and reads them back with pdfinfo and pdftoppm (child processes): 56 s of the tier' },
  { files: 'tests/eval.test.ts', why: 'runs the scorer as a child process on the seeds: 37 s of the tier' },
];

export default mergeConfig(
  base,
  defineConfig({
    test: {
      // One module registry per worker instead of per file: the tier spent 65 of its 79 s
      // importing the same modules again for each file. The full tier keeps isolation.
      isolate: false,
      exclude: [...configDefaults.exclude, ...FULL_TIER_ONLY.map((r) => r.files)],
    },
  }),
);
