/**
 * The extract → edit → build route through JSON (`briefsmith extract --json`, then
 * `briefsmith build --data`) keeps what the sources disagree on: a briefing built from the JSON
 * shows the same disagreements as one built from the findings, and never says the sources agree.
 */
import { describe, expect, it } from 'vitest';
import { compose } from '../src/compose/compose';
import { plainText, type Block } from '../src/compose/doctree';
import { loadTemplate } from '../src/compose/templates-node';
import { parseStructuredData } from '../src/cli/structured-input';
import { toContractJson } from '../src/extract/contract';
import { extractAll } from '../src/extract';
import { renderHtml } from '../src/render/html';
import type { Article, Findings } from '../src/model';
import { articles, briefing, findings } from './fixtures/findings';

const viaJson = (as: readonly Article[], f: Findings) => parseStructuredData(JSON.stringify(toContractJson(as, f), null, 2), 'data.json');
const disagreementRows = (blocks: readonly Block[]) => {
  const i = blocks.findIndex((b) => b.kind === 'heading' && b.id === 'sec-disagreements');
  const tb = i >= 0 ? blocks[i + 1] : undefined;
  return tb?.kind === 'table' ? tb.rows.map((r) => `${plainText(r[0])} | ${plainText(r[1])} | ${plainText(r[2])}`) : [];
};
const htmlText = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('conflicts survive the JSON route', () => {
  it('a build from the JSON shows the same disagreements as a build from the findings', () => {
    const back = viaJson(articles, findings);
    const count = (f: Findings) => [...f.people, ...f.delegations, ...f.positions, ...f.outlook, ...f.attacks].reduce((n, i) => n + i.conflicts.length, 0);
    expect(count(back.findings)).toBe(count(findings));
    expect(count(back.findings)).toBeGreaterThan(0);
    const tpl = loadTemplate('situation');
    const b = briefing({ sections: ['bluf', 'attacks', 'disagreements'] });
    const direct = compose(b, { articles, findings }, tpl);
    const rebuilt = compose(b, back, tpl);
    expect(disagreementRows(rebuilt.blocks)).toEqual(disagreementRows(direct.blocks));
    expect(disagreementRows(rebuilt.blocks).join('\n')).toMatch(/Killed \| “4”; “5”/);
    const text = htmlText(renderHtml(rebuilt));
    expect(text).toContain('Disagreements between sources');
    expect(text).not.toMatch(/sources agree/i);
  });

  it('keeps review flags, dates and article URLs', () => {
    const withMore = {
      articles: articles.map((a, i) => (i === 0 ? { ...a, url: 'https://example.org/ledger/talks' } : a)),
      findings: { ...findings, delegations: findings.delegations.map((d, i) => (i === 0 ? { ...d, reviewed: true } : d)) },
    };
    const back = viaJson(withMore.articles, withMore.findings);
    expect(back.articles[0].url).toBe('https://example.org/ledger/talks');
    expect(back.findings.delegations.map((d) => d.reviewed)).toEqual(withMore.findings.delegations.map((d) => d.reviewed));
    expect(back.findings.delegations.map((d) => d.date)).toEqual(findings.delegations.map((d) => d.date));
    expect(back.findings.attacks.map((a) => [a.aggregate, a.intercepted])).toEqual(findings.attacks.map((a) => [a.aggregate, a.intercepted]));
  });

  it('two articles reporting different tolls for one strike: the JSON build shows it and never says the sources agree', () => {
    const mk = (id: string, outlet: string, text: string): Article => ({ id, title: null, outlet, published: '2024-05-11', byline: null, text, origin: { kind: 'paste' } });
    const two = [
      mk('a', 'Wire One', 'A Russian missile strike on a hardware store in Kharkiv on Saturday killed 12 people and injured 43, regional governor Oleh Syniehubov said.'),
      mk('b', 'Wire Two', 'A Russian missile strike on a hardware store in Kharkiv on Saturday killed 16 people and injured 43, regional governor Oleh Syniehubov said.'),
    ];
    const f = extractAll(two);
    const conflicts = f.attacks.flatMap((a) => a.conflicts);
    expect(conflicts.map((c) => c.field)).toContain('killed');
    const back = viaJson(two, f);
    const tree = compose(briefing({ sections: ['bluf', 'attacks', 'disagreements'] }), back, loadTemplate('situation'));
    expect(disagreementRows(tree.blocks).join('\n')).toMatch(/Killed \| “1[26]”; “1[26]”/);
    expect(htmlText(renderHtml(tree))).not.toMatch(/sources agree/i);
  });
});
