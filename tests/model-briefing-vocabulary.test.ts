import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ESTIMATIVE_WORDS, SECTION_IDS, SECTION_TITLES, SectionIdSchema } from '../src/model/briefing';
import * as vocabulary from '../src/model/briefing-vocabulary';

describe('briefing vocabulary (no schema library)', () => {
  it('imports nothing, so the CLI can parse its flags without loading zod', () => {
    const source = readFileSync(new URL('../src/model/briefing-vocabulary.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });

  it('is what briefing.ts re-exports and builds its schemas on', () => {
    expect(SECTION_IDS).toBe(vocabulary.SECTION_IDS);
    expect(SECTION_TITLES).toBe(vocabulary.SECTION_TITLES);
    expect(ESTIMATIVE_WORDS).toBe(vocabulary.ESTIMATIVE_WORDS);
    expect(SectionIdSchema.options).toEqual([...vocabulary.SECTION_IDS]);
    expect(Object.keys(vocabulary.SECTION_TITLES).sort()).toEqual([...vocabulary.SECTION_IDS].sort());
  });
});
