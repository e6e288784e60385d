import { describe, expect, it } from 'vitest';
import { detectTextMetadata, parseDate } from '../src/import';

const BODY = 'Negotiators met on Sunday for a second round of talks aimed at ending the war, officials said in a statement.';

describe('headline, byline, date and outlet lines', () => {
  it.each([
    ['Truce Talks Resume\nBy Jane Doe\nMarch 23, 2025\n\n' + BODY, { title: 'Truce Talks Resume', byline: 'Jane Doe', published: '2025-03-23', outlet: null }],
    ['Example Times\nTruce talks resume in the capital\nBy Jane Doe and John Roe\nUpdated 10:42 GMT, 23 March 2025\n' + BODY, { title: 'Truce talks resume in the capital', byline: 'Jane Doe and John Roe', published: '2025-03-23', outlet: 'Example Times' }],
    ['Truce talks resume\nSource: Example Wire\n' + BODY, { title: 'Truce talks resume', outlet: 'Example Wire', byline: null, published: null }],
    ['Truce talks resume\nBy Jane Doe, Example News | 2025-03-23\n\n' + BODY, { title: 'Truce talks resume', byline: 'Jane Doe', outlet: 'Example News', published: '2025-03-23' }],
    ['Truce talks resume\nBY JANE DOE, Senior Correspondent\n' + BODY, { title: 'Truce talks resume', byline: 'JANE DOE', outlet: null }],
    [BODY + '\n' + BODY + '\n— Example Agency', { title: null, outlet: 'Example Agency', byline: null }],
    [BODY + '\n\n© 2025 Example Media Group. All rights reserved.', { title: null, outlet: 'Example Media Group' }],
    ['CAPITAL CITY, March 23, 2025 (Example Wire) — ' + BODY, { title: null, published: '2025-03-23', outlet: 'Example Wire' }],
    ['Переговоры возобновились\nАвтор: Анна Петрова\n23 марта 2025 г.\n\nПереговоры в столице продолжились в воскресенье, и делегации обсудили прекращение огня.', { title: 'Переговоры возобновились', byline: 'Анна Петрова', published: '2025-03-23' }],
  ])('%#: reads the header of %j', (text, expected) => {
    expect(detectTextMetadata(text)).toMatchObject(expected);
  });

  it('does not take body text, a quotation or a credit line for metadata', () => {
    expect(detectTextMetadata(BODY + '\n' + BODY)).toEqual({ title: null, outlet: null, published: null, byline: null });
    // A first sentence that ends with a closing quote is still body text.
    expect(detectTextMetadata('“We are not there yet, but we will keep talking until we are,” the envoy told reporters.\n' + BODY).title).toBeNull();
    const credits = BODY + '\nAdditional reporting by Jane Doe in the capital\nJohn Roe contributed reporting.';
    expect(detectTextMetadata(credits)).toEqual({ title: null, outlet: null, published: null, byline: null });
  });

  it('needs a full date with a year', () => {
    expect(detectTextMetadata('Truce talks resume\nMarch 23\n' + BODY).published).toBeNull();
    expect(parseDate('on Sunday')).toBeNull();
    expect(parseDate('Published 2025-02-30')).toBeNull();
    expect(parseDate('Sun 23 Mar 2025 18.03 GMT')?.date).toBe('2025-03-23');
    expect(parseDate('Опубликовано 23.03.2025')?.date).toBe('2025-03-23');
  });

  it('never dates a line by a word relative to no day ("today", "yesterday", "last week")', () => {
    expect(parseDate('Updated today')).toBeNull();
    expect(parseDate('The harbour was quiet yesterday, the mayor said.')).toBeNull();
    expect(parseDate('aujourd’hui')).toBeNull();
    expect(parseDate('Ferries ran again last week, and on 3 May 2024 the port reopened.')?.date).toBe('2024-05-03');
    expect(parseDate('Posted 3/23/25')?.date).toBe('2025-03-23');
    expect(detectTextMetadata('Ferry service resumes\nUpdated today\n' + BODY).published).toBeNull();
  });

  it('reads a labelled date opening the headline line, a "Place • AGENCY" line, and a section label glued to the headline', () => {
    expect(detectTextMetadata(' date 2024-10-14 Mayor describes the damage to the port after the night attack\nHarbourtown • UNN\n' + BODY)).toEqual({
      title: 'Mayor describes the damage to the port after the night attack',
      outlet: 'UNN',
      published: '2024-10-14',
      byline: null,
    });
    const glued = detectTextMetadata('NewsGlide bomb strikes hit the city, casualties rise\n\nGlide bomb strikes hit the city, casualties rise\n\n22 June 2024 15:51\n\n' + BODY);
    expect(glued).toMatchObject({ title: 'Glide bomb strikes hit the city, casualties rise', published: '2024-06-22' });
  });

  it('needs text after a headline', () => {
    expect(detectTextMetadata('Only one short line').title).toBeNull();
  });

  it('reads a labelled date opening the first line of the body', () => {
    expect(detectTextMetadata(' date 2025-03-23 NORTHPORT: ' + BODY).published).toBe('2025-03-23');
  });

  it("dates a story by its dateline's day, in the year of the page date a day or two after it", () => {
    const page = '• Monday, 24 March 2025\n\nTruce talks resume\n\n';
    expect(detectTextMetadata(page + 'NORTHPORT, March 23. /Example Wire/. ' + BODY).published).toBe('2025-03-23');
    // A dateline day after the page date, or far before it, is not taken.
    expect(detectTextMetadata(page + 'NORTHPORT, March 25. /Example Wire/. ' + BODY).published).toBe('2025-03-24');
    expect(detectTextMetadata(page + 'NORTHPORT, March 2. /Example Wire/. ' + BODY).published).toBe('2025-03-24');
  });

  it('takes a headline ending in dotted initials, skips a navigation line and a teaser of another article', () => {
    expect(detectTextMetadata('Freedonia sends envoy to Northport for talks with U.S.\nAugust 9, 2025 (NORTHPORT) – ' + BODY)).toMatchObject({ title: 'Freedonia sends envoy to Northport for talks with U.S.', published: '2025-08-09' });
    expect(detectTextMetadata('» Special Report | Video | E-mail us | Archive\n\nTruce talks resume\n\n' + BODY).title).toBe('Truce talks resume');
    expect(detectTextMetadata('Queen to open new bridge\nThe queen will open the bridge in the spring....\n' + BODY).title).toBeNull();
  });

  it("takes a news agency's name alone under the headline as the outlet", () => {
    expect(detectTextMetadata('Truce talks resume\nReuters\nThe two sides met on Sunday, officials said.\n' + BODY)).toMatchObject({ title: 'Truce talks resume', outlet: 'Reuters' });
    expect(detectTextMetadata('Truce talks resume\nNorthport Harbour\nThe two sides met on Sunday, officials said.\n' + BODY).outlet).toBeNull();
  });

  it('reads a full date after a place in title case opening the body', () => {
    expect(detectTextMetadata('Northport, March 3, 2025 – ' + BODY).published).toBe('2025-03-03');
    expect(detectTextMetadata('Port Ellery, Ruritania, 3 March 2025 (EW) — ' + BODY).published).toBe('2025-03-03');
    // A date later in a sentence is no dateline.
    expect(detectTextMetadata('Officials said on March 3, 2025 that ' + BODY).published).toBeNull();
  });

  it('takes a headline written as a sentence when a dateline opens the story below it', () => {
    const top = '• Monday, 24 March 2025\n\nFreedonia and Ruritania held talks, agreeing to meet again.\n\nblog\n\n';
    expect(detectTextMetadata(top + 'NORTHPORT, March 23. /Example Wire/. ' + BODY)).toMatchObject({ title: 'Freedonia and Ruritania held talks, agreeing to meet again.', published: '2025-03-23' });
    // Without a dateline below, a short first sentence is the body's.
    expect(detectTextMetadata('Freedonia and Ruritania held talks, agreeing to meet again.\n\n' + BODY).title).toBeNull();
  });
});
