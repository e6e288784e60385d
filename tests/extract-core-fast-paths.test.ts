import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlapTest } from '../src/extract/analyse';
import { checkBudget, withBudget } from '../src/extract/budget';
import { findTimes } from '../src/extract/dates';
import { foldText, sameSurname, stripTitles } from '../src/extract/names';
import { guardLongTokens, MAX_TOKEN } from '../src/extract/sentences';

/**
 * The shared layer's fast paths give exactly what the plain definitions give: each is checked
 * against the plain definition on generated input.
 */

/** Letters, marks, apostrophes and every kind of white space `\s` knows. */
const CHARS = ['a', 'B', 'é', 'Ж', '\u0301', '’', '`', "'", '.', '-', ' ', '\t', '\u00a0', '\u2003', '\u202f', '\u3000', '\ufeff', '\u2028', '\u180e', '\u200b'];
const line = (maxLength: number) => fc.array(fc.constantFrom(...CHARS), { maxLength }).map((cs) => cs.join(''));

describe('guardLongTokens', () => {
  /** The plain definition: every run of more than MAX_TOKEN non-space characters broken into pieces. */
  const plain = (s: string): string =>
    s.replace(new RegExp(`\\S{${MAX_TOKEN + 1},}`, 'g'), (run) => (run.match(new RegExp(`[^]{1,${MAX_TOKEN}}`, 'g')) ?? []).join(' '));

  it('breaks exactly the runs the regular expression finds, whatever the white space', () => {
    const runs = fc.tuple(fc.constantFrom(...CHARS.filter((c) => !/\s/.test(c))), fc.integer({ min: 90, max: 230 })).map(([c, n]) => c.repeat(n));
    const pieces = fc.array(fc.oneof(line(12), runs), { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(fc.property(pieces, (s) => guardLongTokens(s) === plain(s)), { numRuns: 400, seed: 7 });
  });

  it('leaves a line alone when white space of any kind breaks every run', () => {
    const s = `${'x'.repeat(80)}\u3000${'y'.repeat(80)}\u00a0${'z'.repeat(80)}`;
    expect(guardLongTokens(s)).toBe(s);
    expect(guardLongTokens(`${'x'.repeat(80)}\u200b${'y'.repeat(80)}`)).toContain(' ');
  });
});

describe('foldText', () => {
  const plain = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’`]/g, "'").toLowerCase();

  it('folds as decomposing, dropping marks and straightening apostrophes would', () => {
    fc.assert(fc.property(line(20), (s) => foldText(s) === plain(s)), { numRuns: 500, seed: 3 });
    expect(foldText('O`Neill')).toBe("o'neill");
    expect(foldText('ÉLYSÉE')).toBe('elysee');
  });
});

describe('names: the same answer on every call', () => {
  it('answers a pair of surnames the same way in either order and on every call', () => {
    for (let i = 0; i < 3; i++) {
      expect(sameSurname('Kovalsky', 'Kovalskyy')).toBe(true);
      expect(sameSurname('Kovalskyy', 'Kovalsky')).toBe(true);
      expect(sameSurname('Kuzmin', 'Kuzminov')).toBe(false);
      expect(sameSurname('Kuzminov', 'Kuzmin')).toBe(false);
      expect(sameSurname('Hnatyov', 'Hnatov')).toBe(true);
      expect(sameSurname('Kovalchuk', 'Kovalenko')).toBe(false);
    }
  });

  it('strips titles the same way on every call', () => {
    expect(stripTitles('Mr. Ivan Kostin')).toBe('Ivan Kostin');
    expect(stripTitles('Mr. Ivan Kostin')).toBe('Ivan Kostin');
    expect(stripTitles('Ivan Kostin')).toBe('Ivan Kostin');
  });
});

describe('overlapTest', () => {
  const span = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 12 })).map(([start, n]) => ({ start, end: start + n }));

  it('finds an overlap exactly when some span shares a character with the one asked about', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 12 }), fc.array(span, { maxLength: 12 }), (spans, asked) => {
        const test = overlapTest(spans);
        return asked.every((m) => test(m) === spans.some((s) => m.start < s.end && s.start < m.end));
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});

describe('findTimes: remembered answers', () => {
  // 2024-05-15 is a Wednesday.
  it('keeps the answers for one text apart by tense and by publication date', () => {
    const text = 'The envoys meet on Monday.';
    for (let i = 0; i < 2; i++) {
      expect(findTimes(text, '2024-05-15', 'past')[0]?.date).toBe('2024-05-13');
      expect(findTimes(text, '2024-05-15', 'future')[0]?.date).toBe('2024-05-20');
      expect(findTimes(text, '2024-05-22', 'future')[0]?.date).toBe('2024-05-27');
      expect(findTimes(text, null, 'future')[0]?.date).toBeNull();
    }
  });

  it('still answers after more publication dates than it keeps', () => {
    for (let d = 1; d <= 20; d++) {
      const day = String(d).padStart(2, '0');
      expect(findTimes('The talks resumed on March 3.', `2024-04-${day}`, 'past')[0]?.date).toBe('2024-03-03');
    }
    expect(findTimes('The talks resumed on March 3.', '2024-04-01', 'past')[0]?.date).toBe('2024-03-03');
  });
});

describe('checkBudget', () => {
  it('reads the clock at the first check of each article, however soon after the last one', () => {
    for (let i = 0; i < 20; i++) {
      withBudget('easy.txt', 'text', {}, () => checkBudget());
      expect(() => withBudget('spent.txt', 'text', { budgetMs: -1 }, () => checkBudget())).toThrow(/spent\.txt: extraction took more than/);
    }
  });
});
