import { describe, expect, it } from 'vitest';
import { blankFurniture, furnitureKind, importText } from '../src/import';

// Invented lines: page furniture as web pages print it, and article lines that must stay.
const FURNITURE: ReadonlyArray<[string, string]> = [
  ['Skip to main content', 'skip link'],
  ['Back To Top', 'skip link'],
  ['ADVERTISEMENT', 'advertisement'],
  ['Opens new tab', 'link label'],
  ['Read more', 'related link'],
  ['READ MORE: Harbour towns brace for the storm', 'related link'],
  ['Share this article', 'share'],
  ['Sign up for our morning newsletter', 'sign-up'],
  ['Register now', 'sign-up'],
  ['3 min read', 'reading time'],
  ['Last updated', 'page label'],
  ['This article is more than 2 years old', 'age notice'],
  ['AP Photo/Jane Roe', 'photo credit'],
  ['File Photo', 'photo credit'],
  ['Images source: © Example Channel', 'photo credit'],
  ['© Jane Roe/POOL/Example Agency', 'copyright credit'],
  ['Fishermen mend their nets in the harbour of Northport. [Getty]', 'captioned credit'],
];
const ARTICLE = [
  'Ruritania and Freedonia resumed talks in Northport on Monday.',
  'Read more about the plan, the minister said, would be posted online.',
  'Share prices fell after the announcement.',
  'The mediator said the sides would sign up to a ceasefire by Friday.',
  '© 2025 Harbour Courier',
  'Photographs of the site were shown to reporters (AP).',
  'Register offices in Northport stayed closed after the strike on the port.',
];

describe('page furniture', () => {
  it('names each kind of furniture line', () => {
    for (const [line, kind] of FURNITURE) expect(furnitureKind(line), line).toBe(kind);
  });

  it('leaves lines of the article alone', () => {
    for (const line of ARTICLE) expect(furnitureKind(line), line).toBeNull();
  });

  it('blanks furniture lines in place, so every offset stays where it was', () => {
    const text = ['Talks Resume in Northport', 'Skip to main content', ARTICLE[0], 'Advertisement', ARTICLE[2], '2 min read', ARTICLE[3]].join('\n');
    const out = blankFurniture(text);
    expect(out).toHaveLength(text.length);
    expect(out.split('\n').map((l) => l.trim())).toEqual(['Talks Resume in Northport', '', ARTICLE[0], '', ARTICLE[2], '', ARTICLE[3]]);
    for (const s of [ARTICLE[0], ARTICLE[2], ARTICLE[3]]) expect(out.indexOf(s)).toBe(text.indexOf(s));
  });

  it('blanks a line printed twice in a row (a caption and its alt text), keeping the first', () => {
    const cap = 'Smoke rises over the port of Northport';
    const text = ['Headline of the day', cap, '', cap, ARTICLE[0]].join('\n');
    const out = blankFurniture(text);
    expect(out.indexOf(cap)).toBe(text.indexOf(cap));
    expect(out.split(cap)).toHaveLength(2);
    expect(out).toHaveLength(text.length);
  });

  it('keeps short lines that repeat, as lists and answers do', () => {
    const text = ['Items on the agenda', 'item', 'item', 'item', 'Yes.', 'Yes.'].join('\n');
    expect(blankFurniture(text)).toBe(text);
  });

  it('cuts furniture at the very end like trailing white space, and returns text without furniture unchanged', () => {
    expect(blankFurniture(`${ARTICLE[0]}\nShare this article`)).toBe(ARTICLE[0]);
    const clean = ARTICLE.join('\n');
    expect(blankFurniture(clean)).toBe(clean);
  });

  it('lets the headline under a skip link be found', () => {
    const a = importText(['Skip to main content', '', 'Freedonia Recalls Its Envoy', '', ARTICLE[0], ARTICLE[2]].join('\n'));
    expect(a.title).toBe('Freedonia Recalls Its Envoy');
    expect(a.text).not.toContain('Skip to');
  });
});
