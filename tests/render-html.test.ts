import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/render/html';
import { SECTION_IDS } from '../src/model';
import { TEMPLATE_IDS, treeFor } from './fixtures/findings-trees';

const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('renderHtml', () => {
  it.each(TEMPLATE_IDS)('%s: self-contained, no scripts or external resources, every section shown', (id) => {
    const tree = treeFor(id, { sections: [...SECTION_IDS] });
    const html = renderHtml(tree);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(/);
    const t = text(html);
    for (const b of tree.blocks) if (b.kind === 'heading') expect(t).toContain(b.text);
    expect(t).toContain('Олег Миронов');
    expect(html).toContain(`lang="${tree.language}"`);
    // each citation links to a note that exists; a sentence cited again links to the same note
    const refs = [...html.matchAll(/href="#note-(\d+)"/g)].map((m) => Number(m[1]));
    expect([...new Set(refs)]).toEqual(tree.notes.map((n) => n.n));
    expect(refs.length).toBeGreaterThan(new Set(refs).size);
    for (const n of refs) expect(html).toContain(`id="note-${n}"`);
    expect(html.match(/<li id="note-\d+"/g)).toHaveLength(tree.notes.length);
  });

  it('escapes text and draws the chart as inline SVG', () => {
    const tree = treeFor('situation', { title: 'A <b>bold</b> & "quoted" title', sections: ['attacks'] });
    const html = renderHtml(tree);
    expect(html).toContain('A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title');
    // The chart shows what the tables do not: strikes per day, by attacker.
    expect(html).toMatch(/<svg role="img" aria-label="Strikes reported per day, by attacker: 14 Mar 2026 · Kastrava: 1; 15 Mar 2026 · Attacker not stated: 1"/);
    expect(html).not.toMatch(/aria-label="Weapons reported, by type/);
  });

  it('draws sheets with header and footer, "Page X of Y" filled', () => {
    const html = renderHtml(treeFor('dossier'));
    const sheets = html.match(/<section class="sheet"/g) ?? [];
    expect(sheets.length).toBeGreaterThan(2);
    expect(html).toContain(`Page 1 of ${sheets.length}`);
    expect(html).not.toContain('{page}');
    const frag = renderHtml(treeFor('bluf'), { fragment: true });
    expect(frag.startsWith('<style>')).toBe(true);
    expect(frag).not.toContain('<html');
  });
});
