/**
 * compose(): briefing settings + reviewed data + template → DocTree. Pure: same input, same tree.
 * Every fact printed carries a citation mark pointing to notes that quote its source sentence.
 */
import {
  POSITION_KINDS,
  SECTION_TITLES,
  WEAPON_TYPES,
  type Article,
  type Attack,
  type Briefing,
  type Conflict,
  type Findings,
  type PositionKind,
  type SectionId,
  type SourceRef,
  type WeaponType,
} from '../model';
import { formatDate, type Block, type CiteRun, type DocStyle, type DocTree, type Inline, type Note, type PageSetup, type TableColumn, type TextRun } from './doctree';
import type { Template, Wording } from './templates';

const MM = 72 / 25.4;
const PAGE_SIZES = { A4: [595.28, 841.89], Letter: [612, 792] } as const;
/** Longest quoted sentence in a note; longer ones are cut at a word with an ellipsis. */
const MAX_QUOTE = 360;

export { formatDate };

/** Fill `{name}` placeholders; unknown names become empty, and separators left dangling are tidied. */
export function fill(pattern: string, vars: Readonly<Record<string, string | number | null | undefined>>): string {
  const s = pattern.replace(/\{([a-zA-Z]+)\}/g, (_, k: string) => (vars[k] === null || vars[k] === undefined ? '' : String(vars[k])));
  return s
    .replace(/\(\s*\)/g, '')
    // a preposition left before punctuation stood before an empty value ("met in X on .")
    .replace(/\s+(?:on|in|at|by|from|of)(?=\s*(?:[.,;:)]|$))/g, '')
    .replace(/\s+([,.;:)])/g, '$1')
    .replace(/([,;:])(?=[,.;:])/g, '')
    .replace(/^[\s,;:]+|[\s,;:]+$/g, '')
    .replace(/\s{2,}/g, ' ');
}

const t = (text: string, o: { bold?: boolean; italic?: boolean } = {}): TextRun => ({ kind: 'text', text, ...o });
const kindLabel = (k: PositionKind): string => k.replace('-', ' ');
const cap = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1) : s);
const joinAnd = (xs: readonly string[]): string => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const weaponPlural: Record<WeaponType, [string, string]> = {
  drone: ['drone', 'drones'],
  missile: ['missile', 'missiles'],
  'guided bomb': ['guided bomb', 'guided bombs'],
  bomb: ['bomb', 'bombs'],
  artillery: ['artillery strike', 'artillery strikes'],
  rocket: ['rocket', 'rockets'],
  airstrike: ['airstrike', 'airstrikes'],
  other: ['other weapon', 'other weapons'],
};

function cutQuote(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  if (one.length <= MAX_QUOTE) return one;
  const cut = one.slice(0, MAX_QUOTE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_QUOTE - 40))} …`;
}

/** How a source is named in notes: its outlet, else its file name, else "Article N" (its place in the list). */
export function sourceName(a: Article, index: number): string {
  if (a.outlet) return a.outlet;
  if (a.origin.kind === 'file') return a.origin.path.split(/[\\/]/).pop() || `Article ${index + 1}`;
  return `Article ${index + 1}`;
}

/** Hands out note numbers in reading order. */
class Citations {
  readonly notes: Note[] = [];
  private readonly first = new Map<string, number>();
  private readonly articles: ReadonlyMap<string, Article>;
  private readonly index: ReadonlyMap<string, number>;
  constructor(articles: readonly Article[]) {
    this.articles = new Map(articles.map((a) => [a.id, a]));
    this.index = new Map(articles.map((a, i) => [a.id, i]));
  }
  cite(refs: readonly SourceRef[]): CiteRun[] {
    const seen = new Set<string>();
    const nums: number[] = [];
    for (const r of refs) {
      const key = `${r.article}:${r.start}:${r.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const a = this.articles.get(r.article);
      const n = this.notes.length + 1;
      const outlet = a ? sourceName(a, this.index.get(a.id) ?? 0) : 'Unknown source';
      const repeatOf = this.first.get(key) ?? null;
      if (repeatOf === null) this.first.set(key, n);
      this.notes.push({ n, outlet, date: a?.published ?? null, title: a?.title ?? null, sentence: cutQuote(r.sentence), articleId: r.article, repeatOf });
      nums.push(n);
    }
    return nums.length ? [{ kind: 'cite', notes: nums }] : [];
  }
}

interface Ctx {
  readonly briefing: Briefing;
  readonly articles: readonly Article[];
  readonly findings: Findings;
  readonly template: Template;
  readonly w: Wording;
  readonly cites: Citations;
}

const sectionTitle = (c: Ctx, s: SectionId): string => c.template.sectionTitles[s] ?? SECTION_TITLES[s];
const emptyPara = (c: Ctx, text = c.w.empty): Block => ({ kind: 'paragraph', style: 'small', runs: [t(text, { italic: true })] });
const table = (columns: Array<[string, number, ('left' | 'right')?]>, rows: Inline[][][], caption: string | null = null, totalRow = false): Block => ({
  kind: 'table',
  columns: columns.map(([header, width, align]): TableColumn => ({ header, width, align: align ?? 'left' })),
  rows,
  caption,
  totalRow,
});

// ---------------------------------------------------------------- sections

function weaponTotals(attacks: readonly Attack[]): { type: WeaponType; count: number; reports: number }[] {
  const acc = new Map<WeaponType, { count: number; reports: number }>();
  for (const a of attacks)
    for (const w of a.weapons) {
      if (w.count === null) continue;
      const e = acc.get(w.type) ?? { count: 0, reports: 0 };
      e.count += w.count;
      e.reports += 1;
      acc.set(w.type, e);
    }
  return WEAPON_TYPES.filter((k) => acc.has(k)).map((type) => ({ type, ...acc.get(type)! }));
}

/** Attacks that count in totals: single events; multi-day figures only when there is nothing else. */
function countedAttacks(attacks: readonly Attack[]): { counted: Attack[]; left: number } {
  const single = attacks.filter((a) => !a.aggregate);
  return single.length ? { counted: single, left: attacks.length - single.length } : { counted: [...attacks], left: 0 };
}

function blufSection(c: Ctx): Block[] {
  const { findings: f, w } = c;
  type Point = { rank: number; text: string; refs: readonly SourceRef[] };
  const points: Point[] = [];

  const meetings = new Map<string, typeof f.delegations>();
  for (const d of f.delegations) {
    const k = `${d.venue ?? ''}|${d.date ?? ''}`;
    meetings.set(k, [...(meetings.get(k) ?? []), d]);
  }
  const biggest = [...meetings.values()].sort((a, b) => b.length - a.length)[0];
  if (biggest) {
    const d0 = biggest[0];
    const leaders = biggest.flatMap((d) => d.members.filter((m) => m.leads).map((m) => `${m.name} for ${d.party}`));
    const vars = { parties: joinAnd(biggest.map((d) => d.party)), venue: d0.venue, date: formatDate(d0.date), leaders: leaders.length ? `led by ${joinAnd(leaders)}` : '' };
    const text = d0.venue ? fill(w.blufTalks, vars) : fill(w.blufTalksNoVenue, vars);
    points.push({ rank: 0, text, refs: biggest.map((d) => d.sources[0]).filter(Boolean) });
  }
  if (f.attacks.length) {
    const { counted } = countedAttacks(f.attacks);
    const killed = counted.reduce((s, a) => s + (a.killed ?? 0), 0);
    const injured = counted.reduce((s, a) => s + (a.injured ?? 0), 0);
    const weapons = weaponTotals(counted).map((x) => `${x.count} ${weaponPlural[x.type][x.count === 1 ? 0 : 1]}`);
    const text = fill(w.blufAttacks, { count: counted.length, killed, injured, weapons: joinAnd(weapons) || 'weapons not stated' });
    const refs = [...counted].sort((a, b) => (b.killed ?? 0) - (a.killed ?? 0)).slice(0, 3).map((a) => a.sources[0]).filter(Boolean);
    points.push({ rank: 1, text, refs });
  }
  const outlook = [...f.outlook].sort((a, b) => b.confidence - a.confidence)[0];
  if (outlook) {
    const text = fill(w.blufOutlook, { who: outlook.who ?? w.articleVoice, text: outlook.text, horizon: outlook.horizon });
    points.push({ rank: 2, text: cap(text), refs: outlook.sources.slice(0, 1) });
  }
  const kindRank = (k: PositionKind): number => ['red-line', 'demand', 'condition', 'refusal', 'offer', 'goal', 'accusation'].indexOf(k);
  const parties = [...new Set(f.positions.map((p) => p.party).filter((p): p is string => !!p))];
  parties.slice(0, 2).forEach((party, i) => {
    const best = f.positions.filter((p) => p.party === party).sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || b.confidence - a.confidence)[0];
    const text = fill(w.blufPosition, { party, kind: kindLabel(best.kind), text: best.text });
    points.push({ rank: i === 0 ? 3 : 5, text: cap(text), refs: best.sources.slice(0, 1) });
  });
  const conflicts = allConflicts(c);
  if (conflicts.length) {
    const fields = [...new Set(conflicts.map((x) => `${x.conflict.field} (${x.label})`))].slice(0, 3);
    points.push({ rank: 4, text: fill(w.blufDisagreements, { count: conflicts.length, fields: joinAnd(fields) }), refs: [] });
  }
  if (points.length < 3 && c.articles.length) {
    const outlets = [...new Set(c.articles.map((a) => a.outlet).filter((o): o is string => !!o))];
    points.push({ rank: 6, text: `Based on ${plural(c.articles.length, 'article')}${outlets.length ? ` from ${joinAnd(outlets)}` : ''}.`, refs: [] });
  }
  const chosen = [...points].sort((a, b) => a.rank - b.rank).slice(0, c.template.blufPoints);
  if (!chosen.length) return [emptyPara(c)];
  return [{ kind: 'list', ordered: false, items: chosen.map((p): Inline[] => [t(/[.!?»”]$/.test(p.text) ? p.text : `${p.text}.`), ...c.cites.cite(p.refs)]) }];
}

function delegationsSection(c: Ctx): Block[] {
  if (!c.findings.delegations.length) return [emptyPara(c)];
  return c.findings.delegations.map((d) => {
    const where = fill(c.w.delegationCaption, { venue: d.venue ?? 'venue not stated', date: d.date ? formatDate(d.date) : 'date not stated' });
    const caption = `${d.party} — ${where}`;
    if (!d.members.length) return { kind: 'paragraph', style: 'body', runs: [t(`${caption}: `, { bold: true }), t('no members named.', { italic: true }), ...c.cites.cite(d.sources)] } as Block;
    const rows = [...d.members]
      .sort((a, b) => Number(b.leads) - Number(a.leads))
      .map((m): Inline[][] => [
        [t(m.name, { bold: m.leads }), ...(m.leads ? [t(` (${c.w.leaderMark})`, { italic: true })] : []), ...c.cites.cite(m.sources.length ? m.sources : d.sources.slice(0, 1))],
        [t(m.role ?? '—')],
      ]);
    return table([['Name', 0.5], ['Role', 0.5]], rows, caption);
  });
}

function positionsSection(c: Ctx): Block[] {
  const ps = c.findings.positions;
  if (!ps.length) return [emptyPara(c)];
  const parties = [...new Set(ps.map((p) => p.party ?? ''))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : 0));
  const out: Block[] = [];
  parties.forEach((party, i) => {
    out.push({ kind: 'heading', level: 2, text: party || 'Party not stated', id: `sec-positions-${i + 1}` });
    const items: Inline[][] = [];
    for (const kind of POSITION_KINDS)
      for (const p of ps.filter((x) => (x.party ?? '') === party && x.kind === kind))
        items.push([t(`${cap(kindLabel(kind))}: `, { bold: true }), t(p.text), ...(p.speaker ? [t(` — ${p.speaker}`, { italic: true })] : []), ...c.cites.cite(p.sources)]);
    out.push({ kind: 'list', ordered: false, items });
  });
  return out;
}

function outlookSection(c: Ctx): Block[] {
  const os = c.findings.outlook;
  if (!os.length) return [emptyPara(c)];
  const sorted = [...os].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  return [
    {
      kind: 'list',
      ordered: false,
      items: sorted.map((o) => {
        const who = fill(c.w.outlookAttribution, { who: o.who ?? c.w.articleVoice, horizon: o.date ? `${o.horizon ?? ''} (${formatDate(o.date)})`.trim() : o.horizon });
        return [t(cap(o.text)), t(` — ${who}`, { italic: true }), ...c.cites.cite(o.sources)];
      }),
    },
  ];
}

function attacksSection(c: Ctx): Block[] {
  const as = c.findings.attacks;
  if (!as.length) return [emptyPara(c)];
  const sorted = [...as].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  const num = (n: number | null): Inline[] => [t(n === null ? '—' : String(n))];
  const rows = sorted.map((a): Inline[][] => [
    [t(a.date ? formatDate(a.date, true) : (a.when ?? '—'))],
    [t(a.location ?? '—'), ...(a.aggregate ? [t(' (several days)', { italic: true })] : []), ...c.cites.cite(a.sources)],
    [t(a.attacker ?? '—')],
    [t(a.weapons.length ? a.weapons.map((w) => (w.count === null ? w.label : `${w.count} ${w.label}`)).join(', ') : '—'), ...(a.intercepted !== null ? [t(`; ${a.intercepted} downed`, { italic: true })] : [])],
    num(a.killed),
    num(a.injured),
    [t(a.target ?? '—')],
  ]);
  const out: Block[] = [table([['Date', 0.13], ['Place', 0.18], ['Attacker', 0.12], ['Weapons', 0.25], ['Killed', 0.08, 'right'], ['Injured', 0.09, 'right'], ['Target', 0.15]], rows)];
  const { counted, left } = countedAttacks(as);
  const totals = weaponTotals(counted);
  if (totals.length && c.template.attackTotals) {
    const sum = totals.reduce((s, x) => s + x.count, 0);
    out.push(
      table(
        [['Weapon type', 0.5], ['Total', 0.25, 'right'], ['Reports', 0.25, 'right']],
        [...totals.map((x): Inline[][] => [[t(cap(x.type))], [t(String(x.count))], [t(String(x.reports))]]), [[t('All types')], [t(String(sum))], [t('')]]],
        c.w.totalsCaption,
        true,
      ),
    );
  }
  if (totals.length && c.template.charts)
    out.push({
      kind: 'chart',
      title: c.w.chartTitle,
      labels: totals.map((x) => cap(x.type)),
      values: totals.map((x) => x.count),
      description: totals.map((x) => `${cap(x.type)}: ${x.count}`).join('; '),
    });
  if (left && totals.length && (c.template.attackTotals || c.template.charts))
    out.push({ kind: 'paragraph', style: 'small', runs: [t(fill(c.w.aggregateRemark, { count: left }), { italic: true })] });
  return out;
}

function peopleSection(c: Ctx): Block[] {
  const ps = [...c.findings.people].sort((a, b) => (a.party ?? '~').localeCompare(b.party ?? '~') || a.name.localeCompare(b.name));
  if (!ps.length) return [emptyPara(c)];
  const rows = ps.map((p): Inline[][] => [
    [t(p.name, { bold: true }), ...(p.variants.length ? [t(` (also ${p.variants.join(', ')})`, { italic: true })] : []), ...c.cites.cite(p.sources.slice(0, 2))],
    [t(p.roles.join('; ') || '—')],
    [t(p.party ?? '—')],
  ]);
  return [table([['Name', 0.4], ['Role', 0.38], ['Party', 0.22]], rows)];
}

function timelineSection(c: Ctx): Block[] {
  const f = c.findings;
  const ev: { date: string; runs: Inline[] }[] = [];
  for (const d of f.delegations) if (d.date) ev.push({ date: d.date, runs: [t(`${d.party} delegation at talks${d.venue ? ` in ${d.venue}` : ''}`), ...c.cites.cite(d.sources.slice(0, 1))] });
  for (const a of f.attacks)
    if (a.date) {
      const toll = [a.killed !== null ? `${a.killed} killed` : '', a.injured !== null ? `${a.injured} injured` : ''].filter(Boolean).join(', ');
      ev.push({ date: a.date, runs: [t(`Attack${a.location ? ` on ${a.location}` : ''}${a.attacker ? ` by ${a.attacker}` : ''}${toll ? ` (${toll})` : ''}`), ...c.cites.cite(a.sources.slice(0, 1))] });
    }
  for (const o of f.outlook) if (o.date) ev.push({ date: o.date, runs: [t(`Expected: ${o.text}`, { italic: true }), ...c.cites.cite(o.sources.slice(0, 1))] });
  if (!ev.length) return [emptyPara(c, `${c.w.empty} (no dated events)`)];
  ev.sort((a, b) => a.date.localeCompare(b.date));
  return [table([['Date', 0.2], ['Event', 0.8]], ev.map((e) => [[t(formatDate(e.date, true))], e.runs]))];
}

function allConflicts(c: Ctx): { label: string; conflict: Conflict }[] {
  const f = c.findings;
  const short = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
  const out: { label: string; conflict: Conflict }[] = [];
  const add = (label: string, cs: readonly Conflict[]) => cs.forEach((conflict) => out.push({ label, conflict }));
  f.delegations.forEach((d) => add(`${d.party} delegation`, d.conflicts));
  f.attacks.forEach((a) => add(`attack${a.location ? ` on ${a.location}` : ''}${a.date ? `, ${formatDate(a.date, true)}` : ''}`, a.conflicts));
  f.people.forEach((p) => add(p.name, p.conflicts));
  f.positions.forEach((p) => add(`${p.party ?? 'position'}: ${short(p.text)}`, p.conflicts));
  f.outlook.forEach((o) => add(`outlook: ${short(o.text)}`, o.conflicts));
  return out;
}

function disagreementsSection(c: Ctx): Block[] {
  const all = allConflicts(c);
  if (!all.length) return [emptyPara(c, 'The sources agree on every item kept.')];
  const rows = all.map(({ label, conflict }): Inline[][] => [
    [t(cap(label))],
    [t(conflict.field)],
    conflict.values.flatMap((v, i): Inline[] => [...(i ? [t('; ')] : []), t(`“${v.value}”`), ...c.cites.cite(v.sources)]),
  ]);
  return [table([['Item', 0.36], ['Field', 0.16], ['What each source says', 0.48]], rows)];
}

function sourcesSection(c: Ctx): Block[] {
  if (!c.articles.length) return [emptyPara(c)];
  // In the order the analyst added them, so "Article N" in the notes is row N here.
  const rows = c.articles.map((a, i): Inline[][] => [[t(String(i + 1))], [t(sourceName(a, i))], [t(a.published ? formatDate(a.published, true) : '—')], [t(a.title ?? '(untitled)', { italic: !!a.title })]]);
  return [table([['#', 0.06, 'right'], ['Outlet', 0.28], ['Date', 0.16], ['Title', 0.5]], rows)];
}

function notesSection(c: Ctx): Block[] {
  const paras = c.briefing.notes
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  if (!paras.length) return [emptyPara(c, c.w.notesEmpty)];
  return paras.map((p) => ({ kind: 'paragraph', style: 'body', runs: [t(p)] }));
}

const SECTIONS: Record<SectionId, (c: Ctx) => Block[]> = {
  bluf: blufSection,
  delegations: delegationsSection,
  positions: positionsSection,
  outlook: outlookSection,
  attacks: attacksSection,
  people: peopleSection,
  timeline: timelineSection,
  disagreements: disagreementsSection,
  sources: sourcesSection,
  notes: notesSection,
};

// ---------------------------------------------------------------- the tree

export function pageSetup(template: Template): PageSetup {
  const [width, height] = PAGE_SIZES[template.page.size];
  const m = template.page.margins;
  return { size: template.page.size, width, height, margins: { top: m.top * MM, right: m.right * MM, bottom: m.bottom * MM, left: m.left * MM } };
}

export function docStyle(template: Template): DocStyle {
  const f = template.fonts;
  const k = template.colours;
  return {
    fontFamily: f.family,
    bodySize: f.body,
    smallSize: f.small,
    noteSize: f.note,
    titleSize: f.title,
    subtitleSize: f.subtitle,
    h1Size: f.h1,
    h2Size: f.h2,
    h3Size: f.h3,
    lineHeight: f.lineHeight,
    paragraphSpacing: f.paragraphSpacing,
    ...k,
  };
}

export function compose(briefing: Briefing, data: { articles: Article[]; findings: Findings }, template: Template): DocTree {
  const cites = new Citations(data.articles);
  const c: Ctx = { briefing, articles: data.articles, findings: data.findings, template, w: template.wording, cites };
  const blocks: Block[] = [];
  if (template.toc) blocks.push({ kind: 'toc', title: 'Contents' }, { kind: 'pageBreak' });
  const sections = [...new Set(briefing.sections)];
  let annex = 0;
  sections.forEach((s) => {
    const isAnnex = template.annexes.includes(s);
    let title = sectionTitle(c, s);
    if (isAnnex) {
      title = `${template.annexLabel} ${String.fromCharCode(65 + annex)} — ${title}`;
      annex += 1;
      if (blocks.length && blocks[blocks.length - 1].kind !== 'pageBreak') blocks.push({ kind: 'pageBreak' });
    }
    blocks.push({ kind: 'heading', level: 1, text: title, id: `sec-${s}` });
    // Sub-headings get ids unique in the document.
    for (const b of SECTIONS[s](c)) blocks.push(b.kind === 'heading' ? { ...b, id: b.id.replace(/^sec-[a-z]+/, `sec-${s}`) } : b);
  });

  const dateText = formatDate(briefing.date);
  const vars = { title: briefing.title, date: dateText, marking: briefing.marking, author: briefing.author };
  const slot = (s: string): string => s.replace(/\{(title|date|marking|author)\}/g, (_, k: keyof typeof vars) => vars[k]);
  return {
    templateId: template.id,
    language: briefing.options.language,
    page: pageSetup(template),
    style: docStyle(template),
    titleBlock: {
      layout: template.titleBlock,
      title: briefing.title,
      subtitle: briefing.subtitle,
      dateText,
      date: briefing.date,
      author: briefing.author,
      marking: briefing.marking,
      kindLabel: template.kindLabel,
    },
    header: { left: slot(template.header.left), center: slot(template.header.center), right: slot(template.header.right) },
    footer: { left: slot(template.footer.left), center: slot(template.footer.center), right: slot(template.footer.right) },
    blocks,
    citations: briefing.options.citations ?? template.citations,
    notesTitle: template.notesTitle,
    notes: cites.notes,
  };
}
