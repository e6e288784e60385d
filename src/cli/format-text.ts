/** A plain-text view of extracted findings for the terminal (`briefsmith extract` without --json). */
import type { Article, Findings, SourceRef } from '../model';

const pct = (c: number) => `${Math.round(c * 100)}%`;

/**
 * Text safe to print on a terminal: control characters (an escape sequence in a file name
 * could recolour or retitle the terminal) are shown as `\xNN` / `\u{NNNN}` instead.
 */
export function safeForTerminal(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`;
  });
}

export function formatFindingsText(articles: readonly Article[], f: Findings): string {
  const label = new Map(articles.map((a, i) => [a.id, `[${i + 1}]`]));
  const cite = (refs: readonly SourceRef[]) => [...new Set(refs.map((r) => label.get(r.article) ?? r.article))].join('');
  const out: string[] = [];
  const disagreements = (item: { conflicts: Findings['people'][number]['conflicts'] }) =>
    item.conflicts.map((c) => `\n    ! sources disagree on ${c.field}: ${c.values.map((v) => `${v.value} ${cite(v.sources)}`).join(' vs ')}`).join('');
  const section = (title: string, lines: string[]) => {
    out.push(`\n${title} (${lines.length})`);
    out.push(...(lines.length ? lines.map((l) => `  ${l}`) : ['  —']));
  };
  out.push('Articles');
  articles.forEach((a, i) => {
    const meta = [a.outlet, a.published, a.byline].filter(Boolean).join(', ');
    out.push(`  [${i + 1}] ${a.title ?? 'Untitled article'}${meta ? ` — ${meta}` : ''}  ${a.origin.kind === 'file' ? a.origin.path : 'pasted text'}`);
  });
  section(
    'People',
    f.people.map((p) => `${p.name}${p.party ? ` (${p.party})` : ''}${p.roles[0] ? ` — ${p.roles[0]}` : ''} ${cite(p.sources)}${disagreements(p)}`),
  );
  section(
    'Delegations',
    f.delegations.map(
      (d) =>
        `${d.party}${d.venue ? ` at ${d.venue}` : ''}${d.date ? ` on ${d.date}` : ''}: ` +
        d.members.map((m) => `${m.name}${m.leads ? ' (leads)' : ''}`).join(', ') +
        ` ${cite(d.sources)}` +
        disagreements(d),
    ),
  );
  section('Positions', f.positions.map((p) => `${p.party ?? '?'} ${p.kind}: ${p.text} ${cite(p.sources)} (${pct(p.confidence)})${disagreements(p)}`));
  section('Outlook', f.outlook.map((o) => `${o.who ? `${o.who}: ` : ''}${o.text}${o.horizon ? ` [${o.horizon}]` : ''} ${cite(o.sources)}${disagreements(o)}`));
  section(
    'Attacks',
    f.attacks.map(
      (a) =>
        `${a.date ?? a.when ?? 'date unknown'} · ${a.location ?? 'place unknown'} · by ${a.attacker ?? 'unknown'} · ` +
        (a.weapons.map((w) => `${w.count ?? '?'} ${w.label}`).join(', ') || 'weapons not stated') +
        (a.killed != null ? ` · ${a.killed} killed` : '') +
        (a.injured != null ? ` · ${a.injured} injured` : '') +
        (a.target ? ` · target: ${a.target}` : '') +
        ` ${cite(a.sources)}` +
        disagreements(a),
    ),
  );
  return safeForTerminal(out.join('\n')) + '\n';
}
