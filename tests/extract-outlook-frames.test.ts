import { describe, expect, it } from 'vitest';
import { detectOutlook } from '../src/extract/outlook';
import { buildAnalysed } from './fixtures/analysed-article';

/** Invented sentences, one per outlook frame in src/extract/lexicon/outlook-frames.ts. */
const run = (text: string, people: Array<[string, string | null, string[]]> = []) => detectOutlook(buildAnalysed(text, people, '2024-05-14', 'of'));
const rules = (text: string): string[] => run(text).flatMap((o) => o.rules ?? []);

describe('outlook: frames', () => {
  it('reads hope, next steps and reduced schedules', () => {
    expect(rules('Zambian envoy Ada Phiri expressed hope for an early accord.')).toContain('hope');
    expect(rules('The two teams agreed to set up a border commission.')).toContain('next-step-agreed');
    expect(rules('A final round, slated for July 2, will take place in Lusaka.')).toContain('scheduled');
    expect(rules('Envoys prepared papers for the upcoming summit of the two leaders.')).toContain('scheduled');
  });

  it('reads prospects, warnings and forecasts about the talks', () => {
    expect(rules('Expectations were low before the round.')).toContain('prospects');
    expect(rules('A Malawian officer warned that the floods could cut the road.')).toContain('warning');
    expect(rules('Officials said the new truce will not survive the rains.')).toContain('forecast-topic');
  });

  it('makes one item per independent clause, each with its own source', () => {
    const out = run('Few in Lilongwe expect a deal soon, and Zambian spokesman Ben Tembo played down talk of a summit.', [['Ben Tembo', 'Zambia', ['spokesman']]]);
    expect(out).toHaveLength(2);
    expect(out[1].who).toBe('Ben Tembo');
    expect(out.every((o) => o.text.split(/\s+/).length >= 4 && !o.text.endsWith('…'))).toBe(true);
  });

  it('does not read past events or plain reports as outlook', () => {
    expect(run('The talks ended without a breakthrough on Monday.')).toEqual([]);
    expect(run('Zambian troops crossed the river on Sunday.')).toEqual([]);
  });
});
