/**
 * The whole-pipeline fuzzer in miniature (CI): a few cases of every input kind through import,
 * extraction, compose, DOCX and PDF, read back. `npm run fuzz -- --cases 10000` is the full run.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');

describe('npm run fuzz (reduced)', () => {
  it('ends every case in an article or a clear error, and every export reads back', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/fuzz-import.ts', '--cases', '12', '--batch', '12', '--seed', '1', '--json'], {
      cwd: root,
      maxBuffer: 16 << 20,
    }).catch((e: { stdout?: string; stderr?: string }) => {
      throw new Error(`fuzz failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
    });
    const summary = JSON.parse(stdout) as {
      kinds: Record<string, { cases: number; distinct: number; failures: number; batches: number; examples: string[] }>;
      strayRejections: number;
      overMemory: number;
    };
    expect(summary.strayRejections).toBe(0);
    expect(summary.overMemory).toBe(0);
    expect(Object.keys(summary.kinds).sort()).toEqual(['docx', 'html', 'md', 'pdf', 'txt']);
    for (const [kind, s] of Object.entries(summary.kinds)) {
      expect(s.failures, `${kind}: ${s.examples.join('\n')}`).toBe(0);
      expect(s.cases).toBeGreaterThanOrEqual(12);
      // Some cases of every kind reach extraction, compose, both renderers and the read-back.
      expect(s.distinct, kind).toBeGreaterThan(0);
      expect(s.batches, kind).toBeGreaterThan(0);
    }
  }, 600_000);
});
