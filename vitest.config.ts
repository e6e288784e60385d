import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores on CI: keep file-level parallelism modest so timing-sensitive tools
    // (LibreOffice, Chromium) are not starved.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
