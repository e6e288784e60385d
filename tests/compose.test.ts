import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreeWithParty, bottomLineText, compose, fill } from '../src/compose/compose';
import { noteText, plainText, sourceText, type Block, type DocTree, type Inline, type SourceEntry } from '../src/compose/doctree';
import { nextKind, nextSentence, nextSteps, withoutDateline } from '../src/compose/next-steps';
import { pluralParty, theParty } from '../src/compose/party-names';
import { datelineOf, isFragment, printText } from '../src/compose/print-text';
import { parseTemplate } from '../src/compose/templates';
import { loadTemplate, loadTemplates } from '../src/compose/templates-node';
import { BriefsmithError, SECTION_IDS, SECTION_TITLES, emptyFindings, type Article, type Outlook } from '../src/model';
import { articles, briefing, findings } from './fixtures/findings';
import { TEMPLATE_IDS, treeFor } from './fixtures/findings-trees';

const allRuns = (b: Block): Inline[] =>
  b.kind === 'paragraph' ? [...b.runs] : b.kind === 'list' ? b.items.flat() : b.kind === 'table' ? [...(b.caption ?? []), ...b.rows.flat(2)] : [];
const cited = (t: DocTree): number[] => t.blocks.flatMap(allRuns).flatMap((r) => (r.kind === 'cite' ? [...r.notes] : []));

describe('templates', () => {
  it('ships bluf, situation and dossier, each valid', () => {
    const ts = loadTemplates();
    expect(ts.map((t) => t.id)).toEqual(['bluf', 'dossier', 'situation']);
    for (const t of ts) expect(t.sections.every((s) => t.offeredSections.includes(s))).toBe(true);
    expect(loadTemplate('dossier').titleBlock).toBe('cover');
    expect(loadTemplate('bluf').citations).toBe('footnotes');
  });

  it('rejects ids that escape the folder, and names unknown templates', () => {
    for (const bad of ['../package', '/etc/passwd', 'a/b', '..', 'Situation']) {
      expect(() => loadTemplate(bad)).toThrow(BriefsmithError);
    }
    try {
      loadTemplate('nope');
      expect.unreachable();
    } catch (e) {
      expect((e as BriefsmithError).code).toBe('not-found');
      expect((e as Error).message).toMatch(/bluf, dossier, situation/);
    }
  });

  it('gives clear errors for broken template files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bs-tpl-'));
    writeFileSync(path.join(dir, 'broken.json'), '{ "id": "broken",');
    writeFileSync(path.join(dir, 'wrong.json'), JSON.stringify({ id: 'wrong', name: 'x', page: { size: 'A5' } }));
    expect(() => loadTemplate('broken', dir)).toThrow(/Template "broken" is not valid JSON/);
    try {
      loadTemplate('wrong', dir);
      expect.unreachable();
    } catch (e) {
      expect((e as BriefsmithError).code).toBe('invalid-input');
      expect((e as Error).message).toMatch(/page\.size/);
    }
    expect(() => parseTemplate({ ...JSON.parse(JSON.stringify(loadTemplate('bluf'))), id: 'other' }, 'bluf')).toThrow(/must match/);
  });
});

describe('compose', () => {
  it('puts the chosen sections in the chosen order, with the template titles', () => {
    const order = ['notes', 'attacks', 'bluf', 'people'] as const;
    const t = treeFor('situation', { sections: [...order] });
    const h1 = t.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b.kind === 'heading' ? b.text : ''));
    // Notes point into the numbered source list, so it follows whenever anything is cited.
    expect(t.notes.length).toBeGreaterThan(0);
    expect(h1).toEqual([...order.map((s) => SECTION_TITLES[s]), SECTION_TITLES.sources]);
    const notesOnly = treeFor('situation', { sections: ['notes'] });
    expect(notesOnly.notes).toEqual([]);
    expect(notesOnly.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''))).toEqual([SECTION_TITLES.notes]);
    const bluf = treeFor('bluf', { sections: ['bluf', 'outlook'] });
    expect(bluf.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''))).toEqual(['Bottom line', 'What to expect', 'Sources']);
  });

  it('prints dossier annexes after a page break, lettered, with a table of contents first', () => {
    const t = treeFor('dossier');
    expect(t.blocks[0].kind).toBe('toc');
    const i = t.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Annex A — People');
    expect(i).toBeGreaterThan(0);
    expect(t.blocks[i - 1].kind).toBe('pageBreak');
    expect(t.blocks.some((b) => b.kind === 'heading' && b.text === 'Annex C — Sources')).toBe(true);
  });

  it('cites every fact: notes are numbered in reading order, a sentence cited again reuses its note, each quotes its source once', () => {
    for (const id of TEMPLATE_IDS) {
      const t = treeFor(id, { sections: [...SECTION_IDS] });
      const nums = cited(t);
      // First appearances run 1, 2, 3 … in reading order; a later citation only points back.
      const firsts = [...new Set(nums)];
      expect(firsts).toEqual(t.notes.map((n) => n.n));
      expect(firsts).toEqual(firsts.map((_, i) => i + 1));
      expect(nums.length).toBeGreaterThan(firsts.length);
      // One note per quoted sentence: no two notes quote the same sentence of the same article.
      const quoted = t.notes.filter((n) => n.quote !== null).map((n) => `${n.articleId}|${n.quote}`);
      expect(new Set(quoted).size).toBe(quoted.length);
      for (const n of t.notes) {
        const a = articles.find((x) => x.id === n.articleId)!;
        if (n.quote !== null) expect(a.text.replace(/\s+/g, ' ')).toContain(n.quote.replace(/ …$/, ''));
        expect(t.sources[n.source - 1]!.outlet).toBe(a.outlet);
        expect(noteText(n, t.sources)).toMatch(/^\[\d+\]/);
        expect(noteText(n, t.sources)).not.toMatch(/as note \d/);
      }
    }
  });

  it('gives every attack row, delegation and position a citation', () => {
    const t = treeFor('situation', { sections: ['delegations', 'positions', 'attacks'] });
    const tables = t.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && !b.totalRow);
    const header = (tb: Extract<Block, { kind: 'table' }>) => tb.columns.map((c) => c.header).join('|');
    const attacks = tables.filter((tb) => header(tb).startsWith('Date|Place|Attacker'));
    const delegations = tables.filter((tb) => header(tb) === 'Name|Role');
    expect(attacks).toHaveLength(1);
    expect(delegations.length).toBeGreaterThanOrEqual(2);
    for (const row of attacks[0].rows) expect(row.flat().some((r) => r.kind === 'cite')).toBe(true);
    // A delegation is cited once, on its caption ("Veloria — Talks in Port Ellery"), not on every member.
    for (const tb of delegations) expect(tb.caption?.some((r) => r.kind === 'cite')).toBe(true);
    // The source list the notes point into ends the document and cites nothing itself.
    const last = tables[tables.length - 1];
    expect(header(last)).toBe('#|Outlet|Title|Date'); // no web address among the sources: no "Where" column
    expect(last.rows.map((r) => plainText(r[0]))).toEqual(t.sources.map((s) => String(s.n)));
    expect(last.rows.flat(2).some((r) => r.kind === 'cite')).toBe(false);
    const lists = t.blocks.filter((b): b is Extract<Block, { kind: 'list' }> => b.kind === 'list');
    for (const l of lists) for (const item of l.items) expect(item.some((r) => r.kind === 'cite')).toBe(true);
  });

  it('writes 3–5 bottom-line points from the data', () => {
    for (const id of TEMPLATE_IDS) {
      const t = treeFor(id, { sections: ['bluf'] });
      const list = t.blocks.find((b) => b.kind === 'list');
      expect(list?.kind).toBe('list');
      const n = list?.kind === 'list' ? list.items.length : 0;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
    }
    const text = treeFor('situation', { sections: ['bluf'] }).blocks.flatMap(allRuns).map((r) => (r.kind === 'text' ? r.text : '')).join(' ');
    expect(text).toContain('Port Ellery');
    // One of the three strikes has no date: the dates are said to cover the dated ones only.
    expect(text).toMatch(/Three strikes were reported \(the dated ones between 14 Mar 2026 and 15 Mar 2026\), killing at least 6/);
    expect(text).not.toMatch(/ on \(|\(the article\)|point\(s\)/);
  });

  it('keeps extractor text out of the bottom line: kind labels, fragments, pronoun openings, the same words for two sides', () => {
    const poor = {
      ...findings,
      positions: [
        { ...findings.positions[0], party: 'Kastrava', kind: 'red-line' as const, text: 'red line: red line' },
        { ...findings.positions[0], id: 'p-x2', party: 'Kastrava', kind: 'demand' as const, text: 'Red line: requested direct talks between the leaders' },
        { ...findings.positions[0], id: 'p-x3', party: 'Veloria', kind: 'demand' as const, text: 'requested direct talks between the leaders' },
        { ...findings.positions[0], id: 'p-x4', party: 'Veloria', kind: 'offer' as const, text: 'a ceasefire on energy sites' },
      ],
      outlook: [
        { ...findings.outlook[0], id: 'o-x1', text: 'He also told reporters more details would follow', who: 'Alexander Fomin', date: '2026-03-16' },
        { ...findings.outlook[0], id: 'o-x2', text: 'a written draft of a partial truce', who: 'Ostmark officials', date: null },
        { ...findings.outlook[1], id: 'o-x3', text: 'a truce on energy sites could begin', who: 'Anika Sorell' },
      ],
    };
    const text = compose(briefing({ sections: ['bluf'] }), { articles, findings: poor }, loadTemplate('situation'))
      .blocks.flatMap(allRuns)
      .map((r) => (r.kind === 'text' ? r.text : ''))
      .join(' ');
    expect(text).not.toMatch(/red line: red line|Red line: requested/i);
    expect(text).toContain('Kastrava requested direct talks between the leaders.');
    expect(text.match(/requested direct talks/g)).toHaveLength(1);
    expect(text).toContain('Veloria’s offer: a ceasefire on energy sites.');
    expect(text).not.toContain('He also told');
    // A noun phrase is no sentence and says nothing ahead: not "what comes next".
    expect(text).not.toContain('written draft');
    // The forecast from the fixture, reported as a full sentence with its speaker.
    expect(text).toContain('Anika Sorell said a truce on energy sites could begin.');
    expect(bottomLineText('red line')).toBeNull();
    expect(bottomLineText('The demand: withdrawal of all troops')).toBe('withdrawal of all troops');
  });

  it('totals weapons per type (leaving out multi-day figures) and charts strikes per day by attacker, not the totals again', () => {
    const t = treeFor('situation', { sections: ['attacks'] });
    const totals = t.blocks.find((b) => b.kind === 'table' && b.totalRow);
    expect(totals?.kind === 'table' && Object.fromEntries(totals.rows.map((r) => [plainText(r[0]), Number(plainText(r[1]))]))).toEqual({ Drone: 42, Missile: 3, 'Guided bomb': 6, 'All types': 51 });
    const chart = t.blocks.find((b) => b.kind === 'chart');
    expect(chart?.kind === 'chart' && chart.title).toMatch(/per day, by attacker/);
    expect(chart?.kind === 'chart' && Object.fromEntries(chart.labels.map((l, i) => [l, chart.values[i]]))).toEqual({ '14 Mar 2026 · Kastrava': 1, '15 Mar 2026 · Attacker not stated': 1 });
    expect(t.blocks.some((b) => b.kind === 'paragraph' && /leave out 1 figure/.test(plainText(b.runs)))).toBe(true);
    expect(treeFor('bluf', { sections: ['attacks'] }).blocks.some((b) => b.kind === 'chart')).toBe(false);
  });

  it('lists disagreements between sources with each version cited', () => {
    const t = treeFor('situation', { sections: ['disagreements'] });
    const tb = t.blocks.find((b) => b.kind === 'table');
    expect(tb?.kind).toBe('table');
    if (tb?.kind !== 'table') return;
    expect(tb.rows.map((r) => plainText(r[1]))).toEqual(['Who leads', 'Killed']);
    expect(plainText(tb.rows[1][2])).toBe('“4”; “5”');
    expect(tb.rows[1][2].filter((r) => r.kind === 'cite')).toHaveLength(2);
  });

  it('never prints an empty table: empty data gives a sentence', () => {
    const tpl = loadTemplate('dossier');
    const t = compose(briefing({ sections: [...SECTION_IDS], notes: '' }), { articles: [], findings: emptyFindings() }, tpl);
    expect(t.blocks.filter((b) => b.kind === 'table')).toEqual([]);
    expect(t.notes).toEqual([]);
    const headings = t.blocks.filter((b) => b.kind === 'heading' && b.level === 1).length;
    expect(t.blocks.filter((b) => b.kind === 'paragraph').length).toBeGreaterThanOrEqual(headings);
  });

  it('fills header and footer placeholders except the page numbers', () => {
    const t = treeFor('situation');
    expect(t.header.left).toBe('OFFICIAL — TEST');
    expect(t.footer.left).toBe('17 March 2026');
    expect(t.footer.right).toBe('Page {page} of {pages}');
    expect(t.citations).toBe('footnotes');
    expect(treeFor('situation', { options: { citations: 'endnotes', language: 'uk-UA' } })).toMatchObject({ citations: 'endnotes', language: 'uk-UA' });
  });

  it('is pure: the same input gives the same tree', () => {
    expect(treeFor('dossier')).toEqual(treeFor('dossier'));
    expect(JSON.stringify(findings)).toBe(JSON.stringify(findings));
  });

  it('fills wording patterns and tidies what an empty value leaves behind', () => {
    expect(fill('{who}, {horizon}', { who: 'officials', horizon: null })).toBe('officials');
    expect(fill('Met in {venue} ({leaders}).', { venue: 'X', leaders: '' })).toBe('Met in X.');
  });
});

describe('what comes next in the bottom line', () => {
  const art = (id: string, published: string | null): Article => ({ id, title: `Report ${id}`, outlet: 'Test Wire', published, byline: null, text: 'x', origin: { kind: 'paste' } });
  const item = (id: string, text: string, who: string | null, date: string | null = null, article = 'n1'): Outlook => ({
    id,
    text,
    who,
    horizon: null,
    date,
    sources: [{ article, sentence: 'x', start: 0, end: 1 }],
    confidence: 0.7,
    conflicts: [],
  });

  it('picks a meeting, then a next step, then a forecast, and never a status sentence', () => {
    const status = item('s', 'The talks have been slow and gaps remain wide on grazing rights, a diplomat said.', 'a diplomat');
    const prospects = item('p', 'Prospects for a deal this month remain uncertain.', 'analysts');
    const forecast = item('f', 'Fuel prices in the valley will rise sharply this winter.', null);
    const step = item('n', 'The two sides agreed to set up a working group on the river channel.', null);
    const meeting = item('m', 'Envoy Dara Quill said the next round of talks is scheduled for 22 May in Tartu.', 'Dara Quill', '2025-05-22');
    const picked = nextSteps([status, prospects, forecast, step, meeting], [art('n1', '2025-05-15')]);
    expect(picked.map((p) => [p.item.id, p.kind])).toEqual([
      ['m', 'meeting'],
      ['n', 'next step'],
      ['f', 'forecast'],
    ]);
    expect(nextKind(status.text)).toBeNull();
    expect(nextKind(prospects.text)).toBeNull();
  });

  it('leaves out an item dated before the article that reports it', () => {
    const past = item('old', 'Envoy Dara Quill said the talks would resume in Tartu on Monday.', 'Dara Quill', '2025-05-12');
    expect(nextSteps([past], [art('n1', '2025-05-15')])).toEqual([]);
    expect(nextSteps([past], [art('n1', '2025-05-10')]).map((p) => p.kind)).toEqual(['meeting']);
  });

  it('reads as a full sentence: the speaker as subject or source, no dateline, no fragment', () => {
    expect(nextSentence({ text: 'will meet the mediators again next week', who: 'Envoy Dara Quill' })).toBe('Envoy Dara Quill will meet the mediators again next week.');
    expect(nextSentence({ text: 'the border crossing may reopen within days', who: 'officials' })).toBe('Officials said the border crossing may reopen within days.');
    expect(nextSentence({ text: 'TARTU, May 20 — Negotiators are due to meet on Thursday', who: 'the foreign ministry' })).toBe('Negotiators are due to meet on Thursday, according to the foreign ministry.');
    expect(nextSentence({ text: 'a draft of a truce text', who: null })).toBeNull();
    expect(nextSentence({ text: 'He will travel to Tartu on Friday.', who: 'Dara Quill' })).toBeNull();
    expect(nextSentence({ text: 'Negotiators will meet in Tartu on Thursday to review the …', who: null })).toBeNull();
  });

  it('puts the chosen item into the bottom line of the briefing', () => {
    const f = { ...findings, outlook: [item('s', 'The talks have been slow and gaps remain wide on grazing rights.', null, null, articles[0].id), item('m', 'will meet the mediators again in Port Ellery next week', 'Anika Sorell', null, articles[0].id)] };
    const text = compose(briefing({ sections: ['bluf'] }), { articles, findings: f }, loadTemplate('situation')).blocks.flatMap(allRuns).map((r) => (r.kind === 'text' ? r.text : '')).join(' ');
    expect(text).toContain('Anika Sorell will meet the mediators again in Port Ellery next week.');
    expect(text).not.toContain('gaps remain wide');
  });
});

describe('the source list', () => {
  const entry = (over: Partial<SourceEntry>): SourceEntry => ({ n: 1, articleId: 'a', outlet: 'Valley Gazette', title: 'Talks resume in Tartu', date: '2025-05-14', location: 'file a1.txt', where: 'file', ...over });

  it('names outlet, title and date, and a file only when nothing else names the source', () => {
    expect(sourceText(entry({}))).toBe('Valley Gazette. “Talks resume in Tartu.” 14 May 2025.');
    expect(sourceText(entry({ location: 'example.org/talks', where: 'url' }))).toBe('Valley Gazette. “Talks resume in Tartu.” 14 May 2025. example.org/talks.');
    expect(sourceText(entry({ title: 'Is a deal near?', outlet: null, date: null }))).toBe('“Is a deal near?” Date not stated.');
    expect(sourceText(entry({ title: null, outlet: null }))).toBe('Untitled article (file a1.txt). 14 May 2025.');
    expect(sourceText(entry({ title: null, outlet: null, location: 'example.org/x', where: 'url' }))).toBe('Untitled article. 14 May 2025. example.org/x.');
  });

  it('prints one line per source in the compact list of the one-pager', () => {
    const t = treeFor('bluf');
    const at = t.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Sources');
    const lines = t.blocks.slice(at + 1).filter((b) => b.kind === 'paragraph');
    expect(lines).toHaveLength(t.sources.length);
    lines.forEach((b, i) => expect(plainText(b.kind === 'paragraph' ? b.runs : [])).toMatch(new RegExp(`^\\[${i + 1}\\] \\S`)));
  });
});

describe('what a reader meets in print', () => {
  const text = (t: DocTree) => t.blocks.flatMap(allRuns).map((r) => (r.kind === 'text' ? r.text : '')).join(' | ');

  it('names a file only for a source with neither outlet nor title, and has a "Where" column only for web addresses', () => {
    const arts: Article[] = [
      { ...articles[0], origin: { kind: 'file', path: '/tmp/x/valley-report.txt', format: 'txt' } },
      { ...articles[1], title: null, outlet: null, origin: { kind: 'file', path: '/tmp/x/unnamed-notes.txt', format: 'txt' } },
      ...articles.slice(2),
    ];
    const t = compose(briefing({ sections: ['sources'] }), { articles: arts, findings }, loadTemplate('situation'));
    const out = text(t);
    expect(out).not.toContain('valley-report.txt');
    expect(out).toContain('Untitled article (file unnamed-notes.txt)');
    expect(out).not.toMatch(/\|\s*(?:File|file) unnamed/);
    const withUrl = compose(briefing({ sections: ['sources'] }), { articles: [{ ...arts[0], url: 'https://example.org/valley' }, ...arts.slice(1)], findings }, loadTemplate('situation'));
    const tb = withUrl.blocks.find((b) => b.kind === 'table');
    expect(tb?.kind === 'table' && tb.columns.map((c) => c.header)).toEqual(['#', 'Outlet', 'Title', 'Date', 'Where']);
    expect(text(withUrl)).toContain('example.org/valley');
  });

  it('leaves position fragments out of print and does not repeat a speaker the sentence names', () => {
    const f = {
      ...findings,
      positions: [{ ...findings.positions[0], text: 'asked for' }, { ...findings.positions[0], id: 'p-ok', text: 'wants all checkpoints on the valley road removed' }],
      outlook: [{ ...findings.outlook[0], text: 'Anika Sorell said the delegations will meet again on Tuesday.', who: 'Anika Sorell', horizon: null, date: null }],
    };
    const out = text(compose(briefing({ sections: ['positions', 'outlook'] }), { articles, findings: f }, loadTemplate('situation')));
    expect(out).not.toMatch(/\|\s*asked for\s*\|/);
    expect(out).toContain('wants all checkpoints on the valley road removed');
    expect(out).not.toContain('— Anika Sorell');
  });

  it('counts left-out figures in words that agree with the number', () => {
    expect(text(treeFor('situation', { sections: ['attacks'] }))).toContain('Totals leave out 1 figure adding up several days or strikes.');
  });
});

describe('annexes', () => {
  it('lists no outlet as a person and no dateline in the timeline', () => {
    const f = {
      ...findings,
      people: [...findings.people, { ...findings.people[0], id: 'pp-outlet', name: 'Harbour Courier', roles: [], party: null }],
      outlook: [{ ...findings.outlook[0], text: 'PORT ELLERY, March 16 — Negotiators are due to meet again on Tuesday', date: '2026-03-17' }],
    };
    const t = compose(briefing({ sections: ['people', 'timeline'] }), { articles, findings: f }, loadTemplate('dossier'));
    const out = t.blocks.flatMap(allRuns).map((r) => (r.kind === 'text' ? r.text : '')).join(' | ');
    const people = t.blocks.find((b) => b.kind === 'table' && b.columns.map((c) => c.header).join('|') === 'Name|Role|Party');
    expect(people?.kind === 'table' && people.rows.map((r) => plainText(r[0]))).not.toContainEqual(expect.stringContaining('Harbour Courier'));
    expect(people?.kind === 'table' && people.rows.length).toBe(findings.people.length);
    expect(out).toContain('Expected: Negotiators are due to meet again on Tuesday');
    expect(out).not.toContain('PORT ELLERY, March 16');
  });
});

it('prints the note numbers of one citation in ascending order', () => {
  const ref = (article: string) => [{ article, sentence: 'x', start: 0, end: 1 }];
  // The meeting is cited from the second article (note 1); the demands from the first (note 2) and the second (note 1 again).
  const f = {
    ...findings,
    delegations: findings.delegations.map((d) => ({ ...d, sources: ref(articles[1].id) })),
    positions: [
      { ...findings.positions[0], id: 'p-a', party: 'Veloria', kind: 'demand' as const, text: 'wants the valley road reopened to trade', sources: ref(articles[0].id) },
      { ...findings.positions[0], id: 'p-b', party: 'Kastrava', kind: 'demand' as const, text: 'wants an exchange of all prisoners first', sources: ref(articles[1].id) },
    ],
  };
  const t = compose(briefing({ sections: ['bluf'] }), { articles, findings: f }, loadTemplate('bluf'));
  const runs = t.blocks.flatMap(allRuns).filter((r): r is Extract<Inline, { kind: 'cite' }> => r.kind === 'cite');
  expect(runs.some((r) => r.notes.length > 1)).toBe(true);
  for (const r of runs) expect([...r.notes]).toEqual([...r.notes].sort((a, b) => a - b));
});

it('lists what will happen before how things stand in the outlook section', () => {
  const f = {
    ...findings,
    outlook: [
      { ...findings.outlook[0], id: 'o-s', text: 'The talks have been slow and the gaps remain wide.', who: null, horizon: null, date: null },
      { ...findings.outlook[0], id: 'o-m', text: 'The delegations will meet again in Port Ellery next week.', who: null, horizon: null, date: null },
    ],
  };
  const t = compose(briefing({ sections: ['outlook'] }), { articles, findings: f }, loadTemplate('situation'));
  const list = t.blocks.find((b) => b.kind === 'list');
  expect(list?.kind === 'list' && list.items.map((i) => plainText(i).slice(0, 20))).toEqual(['The delegations will', 'The talks have been ']);
});

it('tells next steps from status by the words, not by the extractor rule', () => {
  const kinds = (xs: string[]) => xs.map((x) => nextKind(x));
  expect(
    kinds([
      'Officials said the delegations would meet again in Tartu this week.',
      'The second round of talks scheduled for 13 May in Tartu will cover fishing.',
      'The ministers agreed to set up a joint border commission.',
      'The death toll may rise as rescuers search the rubble.',
    ]),
  ).toEqual(['meeting', 'meeting', 'next step', 'forecast']);
  expect(
    kinds([
      'The envoys had insisted the talks would be direct.',
      'The earlier deal would form the basis for the new text, officials said.',
      'The rebel leader vowed to capture the capital.',
      'The talks have been slow and gaps remain wide.',
    ]),
  ).toEqual([null, null, null, null]);
  expect(nextSentence({ text: 'next month’s summit in', who: 'a senior lawmaker' })).toBeNull();
  expect(withoutDateline('May 4 – Talks are due to resume in Tartu on Friday.')).toBe('Talks are due to resume in Tartu on Friday.');
  expect(withoutDateline('4 May 2025 — Talks are due to resume.')).toBe('Talks are due to resume.');
  expect(withoutDateline('May the talks resume soon, he said.')).toBe('May the talks resume soon, he said.');
});

describe('print: datelines and link labels are no part of a sentence', () => {
  it.each([
    ['date 2025-03-03 NORTHPORT: Talks resumed on Monday.', 'Talks resumed on Monday.'],
    ['NORTHPORT, Ruritania (Example Wire) -- Talks resumed on Monday.', 'Talks resumed on Monday.'],
    ['Northport, Ruritania (EW) - Talks resumed on Monday.', 'Talks resumed on Monday.'],
    ['Northport/Eastvale, July 28 (EW) Envoys will meet today.', 'Envoys will meet today.'],
    ['NORTHPORT, May 16. /EW/. The sides wrapped up talks.', 'The sides wrapped up talks.'],
    ['Port Ruri – The delegation arrived.', 'The delegation arrived.'],
    ['The sides signed a memorandum on July 19, opens new tab in which they vowed to meet again.', 'The sides signed a memorandum on July 19 in which they vowed to meet again.'],
    // not datelines
    ['President Roe (right) said the talks would resume.', 'President Roe (right) said the talks would resume.'],
    ['Freedonia – the host – said little.', 'Freedonia – the host – said little.'],
    ['The Council (Northport) Agreed to meet.', 'The Council (Northport) Agreed to meet.'],
  ])('%j', (input, printed) => {
    expect(printText(input)).toBe(printed);
    expect(datelineOf(input).length + withoutDateline(input).length).toBe(input.length);
  });

  it('leaves out of print an outlook text that opens as a dependent clause, and a horizon read from the dateline', () => {
    expect(isFragment('opens new tab in which they vowed to start talks')).toBe(true);
    expect(isFragment('The envoys will meet again in June.')).toBe(false);
    const ref = { article: articles[0].id, sentence: 'x', start: 0, end: 1 };
    const f = {
      ...emptyFindings(),
      outlook: [
        { id: 'o1', text: 'Aug 7 – Talks between the two sides are scheduled to begin in Northport on Friday.', who: null, horizon: 'Aug 7', date: null, sources: [ref], confidence: 0.8, rules: [], conflicts: [] },
        { id: 'o2', text: 'opens new tab in which they vowed to sign a deal by August 18.', who: null, horizon: 'August 18', date: null, sources: [ref], confidence: 0.8, rules: [], conflicts: [] },
        { id: 'o3', text: 'The war has cost thousands of lives this year and the talks may stall.', who: null, horizon: 'this year', date: null, sources: [ref], confidence: 0.8, rules: [], conflicts: [] },
      ] as Outlook[],
    };
    const t = compose(briefing({ sections: ['outlook'] }), { articles, findings: f }, loadTemplate('situation'));
    const out = t.blocks.flatMap(allRuns).map((r) => (r.kind === 'text' ? r.text : '')).join(' | ');
    expect(out).toContain('Talks between the two sides are scheduled to begin in Northport on Friday.');
    expect(out).not.toContain('Aug 7');
    expect(out).not.toMatch(/in which they vowed/i);
    // An undated horizon is words of the text: not printed a second time after it.
    expect(out).toContain('the talks may stall.');
    expect(out).not.toMatch(/this year\.[^|]*this year/);
    expect(out).not.toContain('— this year');
  });
});

describe('bottom line: a party takes the singular verb', () => {
  it('turns "want" into "wants" after one party, and leaves a plural party and other words alone', () => {
    expect(agreeWithParty('Estonia', 'want an agreement signed by May')).toBe('wants an agreement signed by May');
    expect(agreeWithParty('Estonia', 'have rejected the plan')).toBe('has rejected the plan');
    expect(agreeWithParty('Estonia', 'demanded a withdrawal')).toBe('demanded a withdrawal');
    expect(agreeWithParty('Houthis', 'want an agreement')).toBe('want an agreement');
    expect(agreeWithParty('Estonia', 'wanting more')).toBe('wanting more');
  });
});

describe('meetings the sources do not date, and party names in sentences', () => {
  it('dates an undated meeting by its first report, and says so, in the caption, the bottom line and the timeline', () => {
    const undated = { ...findings, delegations: findings.delegations.map((d) => ({ ...d, date: null })) };
    const t = compose(briefing({ sections: ['bluf', 'delegations', 'timeline'] }), { articles, findings: undated }, loadTemplate('situation'));
    const out = t.blocks.flatMap(allRuns).map((r) => (r.kind === 'text' ? r.text : '')).join(' | ');
    expect(out).toContain('reported 15 March 2026');
    expect(out).not.toContain('date not stated');
    expect(out).toMatch(/met in Port Ellery \(reported 15 March 2026\)\./);
    // Without a publication date it is still "date not stated".
    const bare = compose(briefing({ sections: ['delegations'] }), { articles: articles.map((a) => ({ ...a, published: null })), findings: undated }, loadTemplate('situation'));
    expect(bare.blocks.flatMap(allRuns).map((r) => (r.kind === 'text' ? r.text : '')).join(' | ')).toContain('date not stated');
  });

  it('gives "the" to unions, republics and plural names, and a singular verb to one country named in -s', () => {
    expect(theParty('United States')).toBe('the United States');
    expect(theParty('Rapid Support Forces')).toBe('the Rapid Support Forces');
    expect(theParty('Democratic Republic of the Congo')).toBe('the Democratic Republic of the Congo');
    expect(theParty('Estonia')).toBe('Estonia');
    expect(agreeWithParty('United States', 'want an agreement')).toBe('wants an agreement');
    expect(agreeWithParty('Rapid Support Forces', 'want an agreement')).toBe('want an agreement');
    expect(pluralParty('Philippines')).toBe(false);
  });

  it('writes "the United States’ demand", and dates strikes only as far as the dates go', () => {
    const us = { ...findings, delegations: [], positions: [{ ...findings.positions[0], party: 'United States', kind: 'red-line' as const, text: 'no enrichment on its soil' }] };
    const t = compose(briefing({ sections: ['bluf'] }), { articles, findings: us }, loadTemplate('situation'));
    const out = t.blocks.flatMap(allRuns).map((r) => (r.kind === 'text' ? r.text : '')).join(' | ');
    expect(out).toContain('The United States’ red line');
    expect(out).not.toContain('States’s');
    const strikes = findings.attacks.filter((a) => a.date && !a.aggregate).slice(0, 2);
    expect(strikes.length).toBe(2);
    const mixed = { ...findings, delegations: [], positions: [], outlook: [], attacks: [strikes[0], { ...strikes[1], date: null, when: null }] };
    const m = compose(briefing({ sections: ['bluf'] }), { articles, findings: mixed }, loadTemplate('situation'));
    const line = m.blocks.flatMap(allRuns).map((r) => (r.kind === 'text' ? r.text : '')).join(' | ');
    expect(line).toMatch(/Two strikes were reported \(the dated one on \d+ \w+ \d{4}\)/);
  });

  it('captions a meeting with no place in words, and makes a weapon word agree with its count', () => {
    const nowhere = { ...findings, delegations: findings.delegations.map((d) => ({ ...d, venue: null, date: null })) };
    const bare = articles.map((a) => ({ ...a, published: null }));
    const t = compose(briefing({ sections: ['delegations'] }), { articles: bare, findings: nowhere }, loadTemplate('situation'));
    const out = t.blocks.flatMap(allRuns).map((r) => (r.kind === 'text' ? r.text : '')).join(' | ');
    expect(out).toContain('Talks, place and date not stated');
    expect(out).not.toContain('in venue not stated');
    const a0 = findings.attacks[0];
    const bombs = { ...findings, attacks: [{ ...a0, weapons: [{ type: 'bomb' as const, label: 'bomb', count: 4 }] }] };
    const b = compose(briefing({ sections: ['attacks'] }), { articles, findings: bombs }, loadTemplate('situation'));
    expect(b.blocks.flatMap(allRuns).map((r) => (r.kind === 'text' ? r.text : '')).join(' | ')).toContain('4 bombs');
  });

  it('words a condition that opens with "until" as "not until", and "are ready" after a plural party', () => {
    const p0 = findings.positions[0];
    const f = { ...findings, delegations: [], outlook: [], attacks: [], positions: [
      { ...p0, id: 'c1', party: 'Ruritania', kind: 'condition' as const, text: 'until the other side frees the detained members' },
      { ...p0, id: 'c2', party: 'Coastal Forces', kind: 'offer' as const, text: 'ready to resume talks in Northport' },
    ] };
    const t = compose(briefing({ sections: ['bluf'] }), { articles, findings: f }, loadTemplate('situation'));
    const out = t.blocks.flatMap(allRuns).map((r) => (r.kind === 'text' ? r.text : '')).join(' | ');
    expect(out).toContain('Ruritania’s condition: not until the other side frees the detained members.');
    expect(out).toContain('The Coastal Forces are ready to resume talks in Northport.');
  });

  it('leaves a lone unreviewed word with no role or side out of the people annex', () => {
    const p0 = findings.people[0];
    const f = { ...findings, people: [p0, { ...p0, id: 'x1', name: 'Views', variants: [], roles: [], party: null }, { ...p0, id: 'x2', name: 'Marlow', variants: [], roles: [], party: null, reviewed: true }] };
    const t = compose(briefing({ sections: ['people'] }), { articles, findings: f }, loadTemplate('situation'));
    const out = t.blocks.flatMap(allRuns).map((r) => (r.kind === 'text' ? r.text : '')).join(' | ');
    expect(out).toContain(p0.name);
    expect(out).not.toContain('Views');
    expect(out).toContain('Marlow');
  });

  it('prints the same position of one side once, and opens a toll of more than ten strikes with words', () => {
    const p0 = findings.positions[0];
    const twice = { ...findings, positions: [p0, { ...p0, id: 'copy', sources: [...p0.sources] }] };
    const t = compose(briefing({ sections: ['positions'] }), { articles, findings: twice }, loadTemplate('situation'));
    const items = t.blocks.filter((b) => b.kind === 'list').flatMap((b) => (b.kind === 'list' ? b.items : []));
    expect(items).toHaveLength(1);
    const a0 = findings.attacks.find((a) => !a.aggregate && a.location)!;
    const many = { ...findings, delegations: [], positions: [], outlook: [], attacks: Array.from({ length: 12 }, (_, i) => ({ ...a0, id: `a${i}`, location: `Town ${i}` })) };
    const m = compose(briefing({ sections: ['bluf'] }), { articles, findings: many }, loadTemplate('situation'));
    expect(m.blocks.flatMap(allRuns).map((r) => (r.kind === 'text' ? r.text : '')).join(' ')).toMatch(/In all, 12 strikes were reported/);
  });
});
