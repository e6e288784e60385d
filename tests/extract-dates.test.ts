import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { parseTimes, findTimes, resolveWeekday, resolveWhen, parseIsoDate, tenseOf } from '../src/extract/dates';
import { parseCount, parseNumber } from '../src/extract/numbers';

// 2024-05-14 is a Tuesday.
const PUB = '2024-05-14';

describe('dates: weekdays by tense', () => {
  it('a past weekday is the last such day, the publication day included', () => {
    const ref = parseIsoDate(PUB)!;
    expect(resolveWeekday(0, ref, 'past')).toBe('2024-05-12'); // Sunday before
    expect(resolveWeekday(2, ref, 'past')).toBe('2024-05-14'); // same day
    expect(resolveWeekday(3, ref, 'past')).toBe('2024-05-08'); // last Wednesday
  });
  it('a future weekday is the next such day', () => {
    const ref = parseIsoDate(PUB)!;
    expect(resolveWeekday(1, ref, 'future')).toBe('2024-05-20');
    expect(resolveWeekday(4, ref, 'future')).toBe('2024-05-16');
  });
  it('reads the tense of the sentence when not told', () => {
    expect(tenseOf('Drones struck the port on Saturday night.')).toBe('past');
    expect(tenseOf('The envoys will meet on Thursday.')).toBe('future');
    const past = findTimes('Drones struck the port on Saturday night.', PUB);
    expect(past[0]).toMatchObject({ text: 'Saturday night', date: '2024-05-11' });
    const future = findTimes('The envoys will meet on Thursday.', PUB);
    expect(future[0]).toMatchObject({ text: 'Thursday', date: '2024-05-16' });
  });
  it('irregular pasts ("held", "met", "led") make a clause past, so its weekday is the last one', () => {
    expect(tenseOf('Moldova and Romania held talks in Iasi on Thursday.')).toBe('past');
    expect(tenseOf('The two foreign ministers met on Thursday.')).toBe('past');
    expect(tenseOf('Talks will be held on Thursday.')).toBe('future');
    expect(findTimes('The two foreign ministers met on Thursday.', PUB)[0]).toMatchObject({ date: '2024-05-09' });
  });
});

describe('dates: what is not a date', () => {
  it('skips durations and offsets', () => {
    expect(findTimes('It agreed to stop for 30 days.', PUB)).toEqual([]);
    expect(findTimes('He left 20 minutes before the blast.', PUB)).toEqual([]);
  });
  it('keeps vague horizons as words without a date', () => {
    const t = findTimes('The leaders are likely to meet within weeks.', PUB);
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ text: 'within weeks', date: null });
    expect(findTimes('Talks resume next week.', PUB, 'future')[0]).toMatchObject({ text: 'next week', date: null });
  });
  it('resolves explicit dates and gives null without a publication date', () => {
    expect(resolveWhen('on March 11', '2025-03-23', 'past')).toBe('2025-03-11');
    expect(resolveWhen('yesterday', PUB, 'past')).toBe('2024-05-13');
    expect(resolveWhen('on Saturday', null, 'past')).toBeNull();
    expect(findTimes('Shelling resumed on Saturday.', null)[0]).toMatchObject({ text: 'Saturday', date: null });
  });
});

describe('dates: chrono without the parsers a sentence cannot feed', () => {
  /** Invented sentences: with and without digits, month and weekday words, in both directions. */
  const SENTENCES = [
    'The envoys met on Saturday night and will meet again on Monday.',
    'Talks are set for March 11 at 10:30 in the capital, 3/4 of the delegates said.',
    'The ceasefire lasted 30 days and expired on 2024-05-01.',
    'The market reopened as shops monitored the decision made in May 2023.',
    'Officials expect a deal within a month, by the end of the month or next week.',
    'A new round could start in two weeks, or this weekend.',
    'Nothing about time stands in this sentence at all.',
    'Shelling at dawn was followed by strikes at 5 pm on Sun. and Sat.',
    'Two days ago the guns fell silent; hours later, and three weeks from now, the talks go on.',
    'A few hours before the vote, the mediators left, some minutes after the last round ended.',
    'The envoy left tonight; talks resume tomorrow morning and ended yesterday at noon, by the end of the month.',
    'Strikes went on last night and this afternoon, the ministry said today, and will go on next week, at midday or this evening.',
    'The deal is due by the last day of the month, after this week, and no later than past Friday.',
  ];
  const ref = parseIsoDate(PUB)!;
  const shape = (rs: chrono.ParsedResult[]) => rs.map((r) => [r.index, r.text, r.start.date().toISOString(), r.end?.date().toISOString() ?? null]);

  it('returns what chrono.parse returns, forward and back', () => {
    let found = 0;
    for (const s of SENTENCES) {
      for (const forwardDate of [true, false]) {
        const expected = shape(chrono.parse(s, ref, { forwardDate }));
        found += expected.length;
        expect(shape(parseTimes(s, ref, forwardDate)), `${s} (${forwardDate})`).toEqual(expected);
      }
    }
    expect(found).toBeGreaterThan(15);
  });
});

describe('numbers', () => {
  it('parses digits, words and vague plurals', () => {
    expect(parseNumber('1,100')).toBe(1100);
    expect(parseNumber('2.5 million')).toBe(2_500_000);
    expect(parseNumber('three')).toBe(3);
    expect(parseNumber('twenty-five')).toBe(25);
    expect(parseNumber('two hundred')).toBe(200);
    expect(parseNumber('dozens')).toBe(12);
    expect(parseNumber('hundreds')).toBe(100);
    expect(parseNumber('several')).toBeNull();
  });
  it('keeps lower bounds', () => {
    expect(parseCount('at least three')).toMatchObject({ value: 3, lowerBound: true });
    expect(parseCount('more than 1,000')).toMatchObject({ value: 1000, lowerBound: true });
    expect(parseCount('about 40')).toMatchObject({ value: 40, lowerBound: false });
    expect(parseCount('many')).toBeNull();
  });
});
