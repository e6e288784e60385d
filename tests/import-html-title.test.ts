import { describe, expect, it } from 'vitest';
import { importBytes } from '../src/import';
import { splitSiteTitle } from '../src/import/html';

const enc = (s: string) => new TextEncoder().encode(s);
const BODY = '<p>Delegations of Ruritania and Freedonia met in Northport on Monday for a second round of talks, officials said in a statement after the meeting.</p><p>The talks will resume next week, the mediator told reporters in the harbour town.</p>';

describe('web page titles', () => {
  it('drops the site name after the headline, and takes it as the outlet when the page names none', () => {
    expect(splitSiteTitle('Talks resume in Northport | Harbour Courier', 'Harbour Courier')).toEqual({ title: 'Talks resume in Northport', site: 'Harbour Courier' });
    expect(splitSiteTitle('Talks resume in Northport - Harbour Courier', null)).toEqual({ title: 'Talks resume in Northport', site: 'Harbour Courier' });
    // A dash inside a headline, before words that are no name, stays.
    expect(splitSiteTitle('Ceasefire holds - for now, officials say', null)).toEqual({ title: 'Ceasefire holds - for now, officials say', site: null });
    expect(splitSiteTitle('Talks resume', null)).toEqual({ title: 'Talks resume', site: null });
  });

  it('reads og:title and the site name from an imported page', async () => {
    const html = `<html><head><title>Talks resume in Northport | Harbour Courier</title><meta property="og:title" content="Talks resume in Northport | Harbour Courier"><meta property="og:site_name" content="Harbour Courier"></head><body><article><h1>Talks resume in Northport</h1>${BODY}</article></body></html>`;
    const a = await importBytes(enc(html), { path: 'page.html' });
    expect(a.title).toBe('Talks resume in Northport');
    expect(a.outlet).toBe('Harbour Courier');
    const bare = `<html><head><title>Talks resume in Northport | Harbour Courier</title></head><body>${BODY}</body></html>`;
    const b = await importBytes(enc(bare), { path: 'bare.html' });
    expect(b.title).toBe('Talks resume in Northport');
    expect(b.outlet).toBe('Harbour Courier');
  });
});
