import { describe, expect, it } from 'vitest';
import { printText } from '../src/compose/print-text';
import { detectTextMetadata } from '../src/import/metadata';
import { datelineDate, datelinePlace, readDateline } from '../src/text/dateline';

// Invented datelines, places and agencies.
const BODY = 'Negotiators met on Sunday for a second round of talks aimed at ending the war, officials said in a statement.';

describe('one table of datelines, read by import, print and extraction', () => {
  it.each([
    ['NORTHPORT, March 23, 2025 (Example Wire) — Talks resumed.', { row: 'place and dash', place: 'NORTHPORT', when: 'March 23, 2025', agency: 'Example Wire' }],
    ['NORTHPORT, Ruritania – Talks resumed.', { row: 'place and dash', place: 'NORTHPORT', when: null, agency: null }],
    ['NORTHPORT, May 16. /EW/. Talks resumed.', { row: 'place and agency', place: 'NORTHPORT', when: 'May 16', agency: 'EW' }],
    ['March 3 (Example Wire) - Talks resumed.', { row: 'date and agency', place: null, when: 'March 3', agency: 'Example Wire' }],
    ['Aug. 7 – Talks resumed.', { row: 'date and dash', place: null, when: 'Aug. 7', agency: null }],
    ['date 2025-03-03 NORTHPORT: Talks resumed.', { row: 'labelled date', place: null, when: '2025-03-03', agency: null }],
  ])('%j', (line, want) => {
    expect(readDateline(line)).toMatchObject(want);
  });

  it('is no dateline in an ordinary sentence', () => {
    for (const s of ['May the talks resume soon, he said.', 'Freedonia – the host – said little.', 'March 3 was the day the talks began.']) expect(readDateline(s)).toBeNull();
  });

  it('takes the year of a year-less dateline from the published date, a day or two after it, never before', () => {
    expect(datelineDate('March 3', '2025-03-04')).toBe('2025-03-03');
    expect(datelineDate('31 December', '2026-01-01')).toBe('2025-12-31');
    expect(datelineDate('March 5', '2025-03-04')).toBeNull();
    expect(datelineDate('March 3', null)).toBeNull();
    expect(datelineDate('March 3, 2024', null)).toBe('2024-03-03');
    expect(datelineDate('February 30', '2025-03-01')).toBeNull();
  });

  it('dates an article by a year-less dateline with no place under its page date, and prints the sentence without it', () => {
    const page = '• Tuesday, 4 March 2025\n\nTruce talks resume\n\n';
    expect(detectTextMetadata(page + 'March 3 (Example Wire) - ' + BODY).published).toBe('2025-03-03');
    expect(printText('March 3 (Example Wire) - Talks resumed on Monday.')).toBe('Talks resumed on Monday.');
  });

  it('finds where the reporter filed from: a place in capitals only', () => {
    expect(datelinePlace(['Truce talks resume', 'NORTHPORT, Ruritania — ' + BODY])).toBe('NORTHPORT');
    expect(datelinePlace(['Northport – ' + BODY])).toBeNull();
  });
});
