import { describe, expect, it } from 'vitest';
import { bottomLineText, compose } from '../src/compose/compose';
import { noteText, type Block, type Inline } from '../src/compose/doctree';
import { onlyInsideLongerName, printedFindings, printedRole, tidyPerson } from '../src/compose/print-view';
import { loadTemplate } from '../src/compose/templates-node';
import type { Article, Delegation, Findings, Person, SourceRef } from '../src/model';
import { nextSteps } from '../src/compose/next-steps';
import { articles, briefing, findings as fixture } from './fixtures/findings';

// Invented sentences, names and places.
const ref = (article: string, sentence: string): SourceRef => ({ article, sentence, start: 0, end: sentence.length });
const S1 = 'The envoys of the Committee for the Calm Harbour of the Coast met Vera Lind, an adviser, and Tomas Brede in Port Ellery.';
const S2 = 'Lind condemned the shelling as a breach of International Maritime Order, Brede said.';
const person = (name: string, roles: string[], sentence: string, extra: Partial<Person> = {}): Person => ({
  id: `p-${name}`, name, variants: [], roles, party: 'Veloria', sources: [ref('a', sentence)], confidence: 0.6, conflicts: [], ...extra,
});
const findings = (people: Person[]): Findings => ({
  people,
  delegations: [],
  positions: [{ id: 'q', party: 'Veloria', kind: 'accusation', text: 'condemned the shelling as a breach of International Maritime Order', speaker: 'Maritime Order', sources: [ref('a', S2)], confidence: 0.6, conflicts: [] }],
  outlook: [{ id: 'o', text: 'Envoys will meet again in', who: 'Tomas Brede', horizon: null, date: null, sources: [ref('a', 'Envoys will meet again in Port Ellery next week.')], confidence: 0.6, conflicts: [] }],
  attacks: [],
});

describe('what print shows of people', () => {
  it('knows a name seen only inside a longer proper name', () => {
    expect(onlyInsideLongerName('Calm Harbour', [S1])).toBe(true);
    expect(onlyInsideLongerName('Maritime Order', [S2])).toBe(true);
    expect(onlyInsideLongerName('Vera Lind', [S1])).toBe(false);
    expect(onlyInsideLongerName('Nobody Here', [S1])).toBe(false);
  });

  it('prints a person with a role, a seat or a statement; not a misread name, nor a name the reader learns nothing of', () => {
    const f = printedFindings(
      findings([
        person('Calm Harbour', [], S1),
        person('Maritime Order', ['to International'], S2),
        person('Vera Lind', ['adviser'], S1),
        person('Tomas Brede', [], S1),
        person('Ola Quist', [], 'Ola Quist was seen in the crowd.'),
        person('Ida Sarn', [], 'Ida Sarn was seen in the crowd.', { reviewed: true }),
      ]),
    );
    expect(f.people.map((p) => p.name)).toEqual(['Vera Lind', 'Tomas Brede', 'Ida Sarn']);
    // the misread name is no speaker either; the cut outlook text is completed
    expect(f.positions[0]!.speaker).toBeNull();
    expect(f.outlook[0]!.text).toBe('Envoys will meet again in Port Ellery next week.');
  });

  it('reads a role from the words a sentence puts before a title, and lists other spellings and roles once', () => {
    expect(printedRole('to International')).toBeNull();
    expect(printedRole('informed the press Deputy Minister of Transport')).toBe('Deputy Minister of Transport');
    expect(printedRole('first deputy head of the port authority')).toBe('first deputy head of the port authority');
    const p = tidyPerson(person('Oleh Varn', ['Harbour mayor', 'Mayor', 'head of the harbour board'], S1, { variants: ['Mayor Varn', 'Varn', 'Oleg Varnn'] }));
    expect(p.variants).toEqual(['Oleg Varnn']);
    expect(p.roles).toEqual(['Harbour mayor', 'head of the harbour board']);
  });
});

describe('item texts that say nothing alone', () => {
  it('prints no position that opens with a preposition or points back with a pronoun', () => {
    expect(bottomLineText('in exchange for security guarantees')).toBeNull();
    expect(bottomLineText('asked for it.')).toBeNull();
    expect(bottomLineText('asked for a written guarantee of it')).toBe('asked for a written guarantee of it');
  });
});

describe('the one-pager says a thing once', () => {
  it('leaves out of "what to expect" the next step its bottom line already states', () => {
    const next = nextSteps(fixture.outlook, articles)[0]!;
    const text = (template: string) =>
      compose(briefing({ sections: ['bluf', 'outlook'] }), { articles, findings: fixture }, loadTemplate(template))
        .blocks.flatMap((b) => (b.kind === 'list' ? b.items.map((i) => i.map((r) => (r.kind === 'text' ? r.text : '')).join('')) : []));
    const count = (items: string[]) => items.filter((x) => x.toLowerCase().includes(next.item.text.slice(0, 30).toLowerCase())).length;
    expect(count(text('bluf'))).toBe(1);
    expect(count(text('situation'))).toBe(2);
  });
});

describe('notes and charts', () => {
  it('quotes a sentence once, even when it is itself a quotation', () => {
    const sources = [{ n: 1, outlet: 'Ledger', title: 'T', date: null, where: 'paste', location: null }] as never;
    expect(noteText({ n: 1, source: 1, quote: '“The harbour will stay closed.”', articleId: 'a' }, sources)).toBe('[1] “The harbour will stay closed.”');
    expect(noteText({ n: 1, source: 1, quote: 'He said “no” twice.', articleId: 'a' }, sources)).toBe('[1] “He said “no” twice.”');
  });
  it('charts strikes per day only when they fall within two months', () => {
    const a0 = fixture.attacks.find((a) => a.date)!;
    const spread = { ...fixture, attacks: [{ ...a0, id: 'x1', date: '2023-12-30' }, { ...a0, id: 'x2', date: '2024-10-07', location: 'Calder' }] };
    const chart = (f: Findings) => compose(briefing({ sections: ['attacks'] }), { articles, findings: f }, loadTemplate('situation')).blocks.some((b) => b.kind === 'chart');
    expect(chart(spread)).toBe(false);
    expect(chart({ ...spread, attacks: [spread.attacks[0]!, { ...spread.attacks[1]!, date: '2024-01-02' }] })).toBe(true);
  });
});

describe('labels and capitals', () => {
  it('does not repeat the kind label in a position, and capitalises after an opening quotation mark', () => {
    const q = fixture.positions[0]!;
    const o = fixture.outlook[0]!;
    const f = { ...fixture, positions: [{ ...q, kind: 'goal' as const, text: 'goal of reaching a written deal by May' }, { ...q, id: 'q2', kind: 'goal' as const, text: 'aim of securing safe passage for civilians' }], outlook: [{ ...o, text: '“more difficult matters” would be discussed by the ministers in May.' }] };
    const t = compose(briefing({ sections: ['positions', 'outlook'] }), { articles, findings: f }, loadTemplate('situation'));
    const items = t.blocks.flatMap((b) => (b.kind === 'list' ? b.items.map((i) => i.map((r) => (r.kind === 'text' ? r.text : '')).join('')) : []));
    expect(items[0]).toMatch(/^Goal: reaching a written deal by May/);
    expect(items[1]).toMatch(/^Goal: securing safe passage for civilians/);
    expect(items[2]).toMatch(/^“More difficult matters” would be discussed/);
  });
});

describe('the people annex', () => {
  it('lists people by side, those of no known side last', () => {
    const f = { ...fixture, people: [person('Ada Quill', ['envoy'], S1, { party: null }), person('Ben Roe', ['envoy'], S1, { party: 'Veloria' }), person('Cy Ash', ['envoy'], S1, { party: 'Kastrava' })] };
    const t = compose(briefing({ sections: ['people'] }), { articles, findings: f }, loadTemplate('dossier'));
    const names = t.blocks.flatMap((b) => (b.kind === 'table' && b.columns[0]?.header === 'Name' ? b.rows.map((r) => (r[0]![0]!.kind === 'text' ? r[0]![0]!.text : '')) : []));
    expect(names).toEqual(['Cy Ash', 'Ben Roe', 'Ada Quill']);
  });
});

describe('the timeline', () => {
  it('places a strike the sources date only in words on the day it was reported, and says so', () => {
    const a0 = fixture.attacks.find((a) => a.date)!;
    const f = { ...fixture, delegations: [], outlook: [], attacks: [{ ...a0, date: '2026-03-14' }, { ...a0, id: 'w', date: null, when: 'Sunday', location: 'Calder', sources: [{ ...a0.sources[0]!, article: articles[1]!.id }] }] };
    const t = compose(briefing({ sections: ['timeline'] }), { articles, findings: f }, loadTemplate('dossier'));
    const rows = t.blocks.flatMap((b) => (b.kind === 'table' && b.columns[1]?.header === 'Event' ? b.rows.map((r) => r.map((cell) => cell.map((x) => (x.kind === 'text' ? x.text : '')).join('')).join(' | ')) : []));
    expect(rows).toEqual([expect.stringMatching(/^14 Mar 2026 \| Strike on /), expect.stringMatching(/^16 Mar 2026 \| Strike on Calder by Kastrava \(reported that day; /)]);
  });
});

describe('two rounds of talks at one venue', () => {
  const art = (id: string, published: string): Article => ({ id, title: `Report ${id}`, outlet: 'Ledger', published, byline: null, text: 'x', origin: { kind: 'paste' } });
  const del = (party: string, article: string, leader: string): Delegation => ({
    id: `d-${party}-${article}`, party, venue: 'Port Ellery', date: null, confidence: 0.8, conflicts: [],
    members: [{ personId: null, name: leader, role: null, leads: true, sources: [ref(article, `${leader} led the team.`)] }],
    sources: [ref(article, `${leader} led the team.`)],
  });
  it('names each side once in the bottom line, for the latest round', () => {
    const f: Findings = { people: [], positions: [], outlook: [], attacks: [], delegations: [del('Veloria', 'old', 'Anika Sorell'), del('Kastrava', 'old', 'Lida Varga'), del('Veloria', 'new', 'Tomas Brede'), del('Kastrava', 'new', 'Ivo Mark')] };
    const t = compose(briefing({ sections: ['bluf'] }), { articles: [art('old', '2022-03-29'), art('new', '2025-05-16')], findings: f }, loadTemplate('situation'));
    const runs = (b: Block): Inline[] => (b.kind === 'list' ? b.items.flat() : b.kind === 'paragraph' ? [...b.runs] : []);
    const out = t.blocks.flatMap(runs).map((r) => (r.kind === 'text' ? r.text : '')).join('');
    expect(out).toContain('reported 16 May 2025');
    expect(out).toContain('Tomas Brede for Veloria and Ivo Mark for Kastrava');
    expect(out).not.toContain('Anika Sorell');
    // the delegations follow, meeting by meeting, the latest first
    const d = compose(briefing({ sections: ['delegations'] }), { articles: [art('old', '2022-03-29'), art('new', '2025-05-16')], findings: f }, loadTemplate('situation'));
    const captions = d.blocks.flatMap((b) => (b.kind === 'table' && b.caption ? [b.caption.map((r) => (r.kind === 'text' ? r.text : '')).join('')] : []));
    expect(captions).toEqual(['Veloria — Talks in Port Ellery, reported 16 May 2025', 'Kastrava — Talks in Port Ellery, reported 16 May 2025', 'Veloria — Talks in Port Ellery, reported 29 March 2022', 'Kastrava — Talks in Port Ellery, reported 29 March 2022']);
  });
});
