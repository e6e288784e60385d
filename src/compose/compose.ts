/**
 * compose(): briefing settings + reviewed data + template → DocTree. Pure: same input, same tree.
 *
 * Citations point into one numbered source list: a note quotes the sentence a fact came from the
 * first time that sentence is cited, and later citations of it reuse the note. Notes are kept to
 * at most a third of the text (quotes are shortened, then left out, until they fit). Sections
 * with nothing to say are left out; a template caps how many items each section prints and may
 * set a page budget, which compose holds by its own estimate of the page count.
 */
import {
  BRIEFING_OPTION_DEFAULTS,
  POSITION_KINDS,
  SECTION_TITLES,
  WEAPON_TYPES,
  type Article,
  type Attack,
  type Briefing,
  type Conflict,
  type Delegation,
  type Findings,
  type Outlook,
  type PositionKind,
  type SectionId,
  type SourceRef,
  type WeaponType,
} from '../model';
import {
  formatDate,
  plainText,
  noteText,
  sourceText,
  untitledLabel,
  type Block,
  type CiteRun,
  type DocStyle,
  type DocTree,
  type Inline,
  type Note,
  type PageSetup,
  type SourceEntry,
  type TableColumn,
  type TextRun,
} from './doctree';
import { shorten } from './item-text';
import { printedFindings } from './print-view';
import { mentions, nextKind, nextSteps } from './next-steps';
import { pluralParty, theParty } from './party-names';
import { datelineOf, isFragment, printText } from './print-text';
import type { Template, Wording } from './templates';

const MM = 72 / 25.4;
const PAGE_SIZES = { A4: [595.28, 841.89], Letter: [612, 792] } as const;
/** Longest quoted sentence in a note at first; compose shortens quotes while notes exceed NOTE_SHARE. */
const QUOTE_PASSES = [
  [240, 2],
  [160, 2],
  [160, 1],
  [110, 1],
  [70, 1],
] as const;
/** Notes may take at most this share of the document's text characters. */
export const NOTE_SHARE = 1 / 3;
/** Share of a page the budget check counts on filling (the estimate ignores gaps at page ends). */
const BUDGET_FILL = 0.9;

export { formatDate };

/**
 * Fill `{name}` placeholders from `vars`' own fields only (so `{constructor}` prints nothing);
 * unknown names become empty, and separators or prepositions left dangling are tidied.
 */
export function fill(pattern: string, vars: Readonly<Record<string, string | number | null | undefined>>): string {
  const s = pattern.replace(/\{([a-zA-Z]+)\}/g, (_, k: string) => {
    const v = Object.prototype.hasOwnProperty.call(vars, k) ? vars[k] : null;
    return v === null || v === undefined ? '' : String(v);
  });
  return s
    .replace(/\(\s*\)/g, '')
    // a preposition left before punctuation stood before an empty value ("met in X on .")
    .replace(/\s+(?:on|in|at|by|from|of|between|and)(?=\s*(?:[.,;:)]|$))/g, '')
    .replace(/\s+([,.;:)])/g, '$1')
    .replace(/([,;:])(?=[,.;:])/g, '')
    .replace(/^[\s,;:]+|[\s,;:]+$/g, '')
    .replace(/\s{2,}/g, ' ');
}

const t = (text: string, o: { bold?: boolean; italic?: boolean } = {}): TextRun => ({ kind: 'text', text, ...o });
const kindLabel = (k: PositionKind): string => k.replace('-', ' ');
/** The first letter in capitals, after any opening quotation mark ("“more difficult matters” …" → "“More …"). */
const cap = (s: string): string => s.replace(/^([“"«‘'(]*)(\p{Ll})/u, (_, q: string, l: string) => q + l.toUpperCase());
const joinAnd = (xs: readonly string[]): string => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
/** Numbers a sentence may open with, spelled out as style guides ask. */
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const spelled = (n: number, one: string, many = `${one}s`): string => `${NUMBER_WORDS[n] ?? n} ${n === 1 ? one : many}`;
const sentence = (s: string): string => (/[.!?…»”"’]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
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

/** A weapon's label after its count: the type's own word agrees with the number ("4 bombs", "1 drone"). */
function weaponLabel(type: WeaponType, label: string, count: number): string {
  const [one, many] = weaponPlural[type];
  if (count !== 1 && label.toLowerCase() === one) return many;
  return label;
}

function cutQuote(s: string, max: number): string {
  // A quote is the source's sentence as printed: without a dateline before it or a link label in it.
  return shorten(printText(s.replace(/\s+/g, ' ').trim()), max);
}

const fileName = (p: string): string => p.split(/[\\/]/).pop() ?? p;
/** A horizon naming a month or a day number already says the date. */
const CALENDAR_WORDS = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;

/** The numbered source list: every article, in the order the analyst added them. */
export function sourceEntries(articles: readonly Article[]): SourceEntry[] {
  return articles.map((a, i) => ({
    n: i + 1,
    articleId: a.id,
    outlet: a.outlet?.trim() || null,
    title: a.title?.trim() || null,
    date: a.published,
    location: a.url ? a.url.replace(/^https?:\/\//, '') : a.origin.kind === 'file' ? `file ${fileName(a.origin.path)}` : 'pasted text',
    where: a.url ? 'url' : a.origin.kind === 'file' ? 'file' : 'paste',
  }));
}

/** How a source is named where a name is needed: its outlet, else "Source N" (never a file name). */
export function sourceName(a: Article, index: number): string {
  return a.outlet?.trim() || `Source ${index + 1}`;
}

/** Hands out note numbers in reading order; a sentence (or, source-only, an article) cited again reuses its note. */
class Citations {
  readonly notes: Note[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly sourceNo: ReadonlyMap<string, number>;
  constructor(
    articles: readonly Article[],
    private readonly style: 'quote' | 'source',
    private readonly quoteMax: number,
    /** Sources cited for one fact at most (distinct articles first). */
    private readonly maxRefs = 2,
  ) {
    this.sourceNo = new Map(articles.map((a, i) => [a.id, i + 1]));
  }
  /** At most MAX_REFS sources per fact, from distinct articles first. */
  private pick(refs: readonly SourceRef[]): SourceRef[] {
    const seen = new Set<string>();
    const unique = refs.filter((r) => {
      const k = `${r.article}:${r.start}:${r.end}`;
      return seen.has(k) ? false : (seen.add(k), true);
    });
    const byArticle = new Set<string>();
    const first = unique.filter((r) => (byArticle.has(r.article) ? false : (byArticle.add(r.article), true)));
    return [...first, ...unique.filter((r) => !first.includes(r))].slice(0, this.maxRefs);
  }
  cite(refs: readonly SourceRef[]): CiteRun[] {
    const nums: number[] = [];
    for (const r of this.pick(refs)) {
      const key = this.style === 'quote' ? `${r.article}:${r.start}:${r.end}` : r.article;
      let n = this.byKey.get(key);
      if (n === undefined) {
        n = this.notes.length + 1;
        this.byKey.set(key, n);
        this.notes.push({ n, source: this.sourceNo.get(r.article) ?? 0, quote: this.style === 'quote' ? cutQuote(r.sentence, this.quoteMax) : null, articleId: r.article });
      }
      if (!nums.includes(n)) nums.push(n);
    }
    // In ascending order ("1,2", never "2,1"): a note made here is always above those made before.
    return nums.length ? [{ kind: 'cite', notes: nums.sort((a, b) => a - b) }] : [];
  }
}

interface Ctx {
  readonly briefing: Briefing;
  readonly articles: readonly Article[];
  readonly findings: Findings;
  readonly template: Template;
  readonly w: Wording;
  readonly cites: Citations;
  /** Items each section prints at most (template limits, tightened to hold the page budget). */
  readonly limit: (s: SectionId) => number;
}

const sectionTitle = (c: Ctx, s: SectionId): string => c.template.sectionTitles[s] ?? SECTION_TITLES[s];
const remark = (text: string): Block => ({ kind: 'paragraph', style: 'small', runs: [t(text, { italic: true })] });
const table = (columns: Array<[string, number, ('left' | 'right')?]>, rows: Inline[][][], caption: Inline[] | null = null, totalRow = false): Block => ({
  kind: 'table',
  columns: columns.map(([header, width, align]): TableColumn => ({ header, width, align: align ?? 'left' })),
  rows,
  caption,
  totalRow,
});
/** The first `limit` items, and a remark counting the rest. */
function capped<T>(c: Ctx, s: SectionId, items: readonly T[]): { shown: T[]; more: Block[] } {
  const n = c.limit(s);
  if (items.length <= n) return { shown: [...items], more: [] };
  return { shown: items.slice(0, n), more: [remark(fill(c.w.moreItems, { count: items.length - n }))] };
}

// ---------------------------------------------------------------- facts shared by sections

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

/** An attack worth a row: it says where, when, who or what it cost. */
const informative = (a: Attack): boolean => a.location !== null || a.killed !== null || a.injured !== null || (a.date !== null && a.attacker !== null);

/** Fields whose differing values mean different events (another meeting), not sources disagreeing. */
const IDENTITY_FIELDS = new Set(['venue', 'date', 'when', 'location']);

/** Real disagreements: two or more values, from two or more articles, on a field that does not tell events apart. */
function allConflicts(f: Findings): { label: string; what: string; conflict: Conflict }[] {
  const short = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
  const out: { label: string; what: string; conflict: Conflict }[] = [];
  const add = (label: string, what: (field: string) => string, cs: readonly Conflict[]) => {
    for (const conflict of cs) {
      if (IDENTITY_FIELDS.has(conflict.field) || conflict.values.length < 2) continue;
      const articles = new Set(conflict.values.flatMap((v) => v.sources.map((s) => s.article)));
      if (articles.size < 2) continue;
      out.push({ label, what: what(conflict.field), conflict });
    }
  };
  const fieldWords: Record<string, string> = { leaders: 'who leads', leader: 'who leads', members: 'who is in', killed: 'the death toll of', injured: 'the number injured in', attacker: 'who carried out', party: 'which side holds', role: 'the role of', target: 'the target of' };
  const phrase = (field: string, thing: string) => `${fieldWords[field] ?? `the ${field} of`} ${thing}`;
  f.delegations.forEach((d) => add(`${d.party} delegation`, (x) => phrase(x, `the ${d.party} delegation`), d.conflicts));
  f.attacks.forEach((a) => {
    const thing = `the strike${a.location ? ` on ${a.location}` : ''}${a.date ? ` (${formatDate(a.date, true)})` : ''}`;
    add(cap(thing.replace(/^the /, '')), (x) => phrase(x, thing), a.conflicts);
  });
  f.people.forEach((p) => add(p.name, (x) => phrase(x, p.name), p.conflicts));
  f.positions.forEach((p) => add(`${p.party ?? 'Position'}: ${short(p.text)}`, (x) => phrase(x, `a ${p.party ?? ''} position`), p.conflicts));
  f.outlook.forEach((o) => add(`Outlook: ${short(o.text)}`, (x) => phrase(x, 'an outlook item'), o.conflicts));
  return out;
}

/** How a disputed field is named in the disagreements table. */
const FIELD_NAMES: Readonly<Record<string, string>> = { leaders: 'who leads', leader: 'who leads', members: 'members', killed: 'killed', injured: 'injured', attacker: 'attacker', party: 'side', role: 'role', target: 'target', weapons: 'weapons', text: 'wording', who: 'source' };

/** Items that two or more articles report. */
function corroborated(f: Findings): number {
  const many = (refs: readonly SourceRef[]) => new Set(refs.map((r) => r.article)).size >= 2;
  return [...f.delegations, ...f.positions, ...f.outlook, ...f.attacks, ...f.people].filter((i) => many(i.sources)).length;
}

/** Meetings: delegations grouped by venue and date; the biggest first. */
/**
 * The delegations grouped into meetings, each party at most once in a meeting (the merge keeps
 * two rounds of one party apart; they must not meet again here). A delegation joins the first
 * meeting without its party at the same venue and day (its own date, else the day its sources
 * were first reported), preferring one that an article of its own also reports.
 */
function meetings(c: Ctx): Delegation[][] {
  const groups: { venue: string | null; date: string | null; parties: Set<string>; articles: Set<string>; list: Delegation[] }[] = [];
  for (const d of c.findings.delegations) {
    const venue = d.venue ? d.venue.toLowerCase() : null;
    const date = d.date ?? reportedDate(c, d.sources);
    const articles = new Set(d.sources.map((r) => r.article));
    const fits = groups.filter((g) => !g.parties.has(d.party) && (!venue || !g.venue || g.venue === venue) && (!date || !g.date || g.date === date));
    const g = fits.find((x) => [...articles].some((a) => x.articles.has(a))) ?? fits[0];
    if (!g) {
      groups.push({ venue, date, parties: new Set([d.party]), articles, list: [d] });
      continue;
    }
    g.list.push(d);
    g.parties.add(d.party);
    for (const a of articles) g.articles.add(a);
    g.venue ??= venue;
    g.date ??= date;
  }
  // Most sides first; of rounds with as many, the latest (its own date, else when it was reported).
  return groups.sort((a, b) => b.list.length - a.list.length || (b.date ?? '').localeCompare(a.date ?? '')).map((g) => g.list);
}

/**
 * When the sources first reported something: the earliest publication date (or dateline date) of
 * the articles cited. Printed as "reported 16 May 2025" where the sources give no date of its own.
 */
function reportedDate(c: Ctx, refs: readonly SourceRef[]): string | null {
  const byId = new Map(c.articles.map((a) => [a.id, a.published]));
  const dates = refs.map((r) => byId.get(r.article) ?? null).filter((d): d is string => !!d).sort();
  return dates[0] ?? null;
}

// ---------------------------------------------------------------- the bottom line

/** Verbs a position's text may start with, so that "Party + text" reads as a sentence. */
const VERB_START = /^(?:demand|insist|accus|blam|agree|offer|refus|reject|want|call|urg|hope|said|say|warn|threat|vow|pledg|propos|seek|sought|ask|press|condemn|deni|deny|will|would|could|has|have|is|was|ready|prepared|willing|open|not|only|unless|expect|plan|aim|intend|rul|request|announc|decid|suggest|stress|reiterat|declar|told|stat|repeat|maintain)/i;

/** Words of a kind label an extractor may leave at the start of an item's text ("red line: red line …"). */
const KIND_LEAD = /^(?:(?:its|their|the|a|an|his|her)\s+)?(?:red[ -]lines?|demands?|conditions?|goals?|aims?|offers?|refusals?|accusations?|positions?)\b\s*(?:[:—–-]|\b(?:is|are|was|were|that|of)\b)?\s*/i;

/** The text without kind labels at its start ("goal of reaching a deal" under "Goal:" is "reaching a deal"). */
function withoutKindLabel(text: string): string {
  let s = text;
  for (let i = 0; i < 3 && KIND_LEAD.test(s); i++) s = s.replace(KIND_LEAD, '').trim();
  return s || text;
}

/**
 * An item's text made fit for a sentence of the bottom line, or null when it cannot carry one:
 * kind labels left at its start are removed, a text of fewer than three words (or with no
 * letters) or that opens with a preposition is not used, and a long one is cut at a clause end or a word.
 */
export function bottomLineText(text: string, max = 200): string | null {
  let s = printText(text.replace(/\s+/g, ' ').trim());
  s = withoutKindLabel(s);
  s = s.replace(/^[\s:;,.—–-]+/, '').replace(/[\s:;,—–-]+$/, '');
  if (!/\p{L}/u.test(s) || s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < 3) return null;
  // A text that opens with a preposition is the end of a clause ("in exchange for guarantees"), no position on its own.
  if (/^(?:in|on|at|by|for|of|from|with|into|as|after|before|over|about|against)\b/i.test(s)) return null;
  // A short text whose object is a pronoun ("asked for it") says nothing without the sentence before it.
  if (s.split(/\s+/).length <= 4 && /\b(?:it|this|that|them|these|those)[.!]?$/i.test(s)) return null;
  return s.length > max ? cutQuote(s, max).replace(/ …$/, '…') : s;
}

/** Base forms an item's text may start with ("they want an agreement"), and their third person singular. */
const SINGULAR_OF: Readonly<Record<string, string>> = {
  want: 'wants', have: 'has', are: 'is', say: 'says', demand: 'demands', insist: 'insists', call: 'calls', hope: 'hopes',
  offer: 'offers', refuse: 'refuses', reject: 'rejects', accuse: 'accuses', blame: 'blames', seek: 'seeks', ask: 'asks',
  urge: 'urges', warn: 'warns', threaten: 'threatens', vow: 'vows', pledge: 'pledges', propose: 'proposes', plan: 'plans',
  aim: 'aims', intend: 'intends', expect: 'expects', deny: 'denies', agree: 'agrees', press: 'presses', condemn: 'condemns',
  request: 'requests', stress: 'stresses', maintain: 'maintains', oppose: 'opposes', rule: 'rules', suggest: 'suggests',
};

/** "they want X" said of one party: "Tajikistan wants X" (a party named in the plural, "Houthis", keeps the form). */
export function agreeWithParty(party: string, txt: string): string {
  if (pluralParty(party)) return txt;
  const m = /^(\p{L}+)\b/u.exec(txt);
  const singular = m ? SINGULAR_OF[m[1]!] : undefined;
  return singular ? `${singular}${txt.slice(m![1]!.length)}` : txt;
}

function positionSentence(c: Ctx, name: string, kind: PositionKind, text: string): string {
  const txt = agreeWithParty(name, text.trim().replace(/[.;:,]+$/, ''));
  const party = cap(theParty(name));
  if (/^(?:only if|unless|if)\b/i.test(txt)) return sentence(`${party} would agree ${txt}`);
  if (/^(?:ready|prepared|willing|open)\b/i.test(txt)) return sentence(`${party} ${pluralParty(name) ? 'are' : 'is'} ${txt}`);
  // "until X" is a condition that nothing moves before X: "M23’s condition: not until X."
  if (/^until\b/i.test(txt)) return sentence(possessive(fill(c.w.blufPosition, { party, kind: kindLabel(kind), text: `not ${txt}` })));
  if (/^not\b/i.test(txt)) return sentence(possessive(fill(c.w.blufPosition, { party, kind: kindLabel(kind), text: txt })));
  if (VERB_START.test(txt)) return sentence(`${party} ${txt}`);
  return sentence(possessive(fill(c.w.blufPosition, { party, kind: kindLabel(kind), text: txt })));
}

/** "The United States’s demand" → "The United States’ demand": a name ending in -s takes the apostrophe alone. */
const possessive = (s: string): string => s.replace(/(\p{L}s)[’']s\b/gu, '$1’');

/** The generated bottom line: full sentences from the reviewed facts, each with its citations. */
function draftBottomLine(c: Ctx): { text: string; refs: readonly SourceRef[]; outlook?: string }[] {
  const { findings: f, w } = c;
  /** `outlook`: the id of the outlook item the point states. */
  type Point = { rank: number; text: string; refs: readonly SourceRef[]; outlook?: string };
  const points: Point[] = [];

  const groups = meetings(c);
  const main = groups[0];
  if (main) {
    const parties = [...new Set(main.map((d) => d.party))];
    const d0 = main.find((d) => d.venue) ?? main[0];
    const date = main.find((d) => d.date)?.date ?? null;
    const vars = { parties: joinAnd(parties.map(theParty)), party: theParty(parties[0]), venue: d0.venue, date: date ? formatDate(date) : null };
    let text = parties.length >= 2 ? (d0.venue ? fill(w.blufTalks, vars) : fill(w.blufTalksNoVenue, vars)) : fill(w.blufTalksOne, vars);
    // Undated by the sources: when they first reported it ("… met in Istanbul (reported 16 May 2025).").
    const reported = date ? null : reportedDate(c, main.flatMap((d) => d.sources));
    if (reported) text = `${text.replace(/[.\s]+$/, '')} (${fill(w.reportedOn, { date: formatDate(reported) })})`;
    const leaders = main.flatMap((d) => d.members.filter((m) => m.leads).slice(0, 1).map((m) => `${m.name} for ${theParty(d.party)}`));
    if (leaders.length) text = `${sentence(text)} ${sentence(fill(w.blufLeaders, { leaders: joinAnd([...new Set(leaders)]) }))}`;
    const others = [...new Set(groups.slice(1).flatMap((g) => g.map((d) => d.venue)).filter((v): v is string => !!v && v !== d0.venue))];
    if (others.length) text = `${sentence(text)} ${sentence(fill(w.blufOtherTalks, { venues: joinAnd(others.slice(0, 3)) }))}`;
    points.push({ rank: 0, text, refs: main.flatMap((d) => d.sources.slice(0, 1)) });
  }

  const kindRank = (k: PositionKind): number => ['demand', 'red-line', 'condition', 'refusal', 'offer', 'goal', 'accusation'].indexOf(k);
  const byParty = new Map<string, typeof f.positions>();
  for (const p of f.positions) if (p.party) byParty.set(p.party, [...(byParty.get(p.party) ?? []), p]);
  const mainParties = main ? new Set(main.map((d) => d.party)) : new Set<string>();
  const parties = [...byParty.keys()].sort((a, b) => Number(mainParties.has(b)) - Number(mainParties.has(a)) || byParty.get(b)!.length - byParty.get(a)!.length);
  const used = new Set<string>();
  const demands = parties.slice(0, 3).flatMap((party) => {
    // The best position whose text can carry a sentence; the same words for two sides are said once.
    const ranked = [...byParty.get(party)!].sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || b.confidence - a.confidence || a.text.length - b.text.length);
    for (const p of ranked) {
      const text = bottomLineText(p.text);
      if (!text || used.has(text.toLowerCase())) continue;
      used.add(text.toLowerCase());
      return [{ text: positionSentence(c, party, p.kind, text), refs: p.sources }];
    }
    return [];
  }).slice(0, 2);
  if (demands.length) points.push({ rank: 1, text: demands.map((d) => d.text).join(' '), refs: demands.flatMap((d) => d.refs.slice(0, 1)) });

  // What comes next: a meeting, an agreed next step or a forecast ahead of the reporting, as a
  // full sentence (next-steps.ts); items that only say how things stand are not used.
  const next = nextSteps(f.outlook, c.articles)[0];
  if (next) {
    const judgement = c.briefing.options.estimative ?? BRIEFING_OPTION_DEFAULTS.estimative;
    points.push({ rank: 2, text: judgement ? sentence(fill(w.blufJudgement, { judgement, text: next.text })) : next.text, refs: next.item.sources.slice(0, 1), outlook: next.item.id });
  }

  const { counted } = countedAttacks(f.attacks.filter(informative));
  if (counted.length) {
    const killed = counted.reduce((s, a) => s + (a.killed ?? 0), 0);
    const injured = counted.reduce((s, a) => s + (a.injured ?? 0), 0);
    const dates = counted.map((a) => a.date).filter((d): d is string => !!d).sort();
    const from = dates[0] ?? null;
    const to = dates[dates.length - 1] ?? null;
    const range = from && to && from !== to ? `between ${formatDate(from, true)} and ${formatDate(to, true)}` : from ? `on ${formatDate(from, true)}` : '';
    // The dates cover every strike only when every strike has one ("Three strikes were reported (the dated one on 1 Oct 2024)").
    const span = !range ? '' : dates.length === counted.length ? ` ${range}` : ` (the dated ${dates.length === 1 ? 'one' : 'ones'} ${range})`;
    const toll = [killed ? `killing at least ${killed}` : '', injured ? `injuring at least ${injured}` : ''].filter(Boolean).join(' and ');
    // A sentence opens with a number in words; past ten, "In all, 14 strikes were …".
    const count = counted.length > 10 ? `In all, ${counted.length} strikes were` : `${cap(spelled(counted.length, 'strike'))} ${counted.length === 1 ? 'was' : 'were'}`;
    let text = fill(w.blufAttacks, { count, span, toll: toll ? `, ${toll}` : '' });
    // Where, in a few words: up to three places, most struck first.
    const places = [...new Set(counted.map((a) => a.location).filter((l): l is string => !!l))];
    if (places.length && places.length <= 3) text = `${sentence(text)} ${places.length === 1 ? 'Place' : 'Places'} struck: ${joinAnd(places)}.`;
    const weapons = weaponTotals(counted).slice(0, 3).map((x) => `${x.count} ${weaponPlural[x.type][x.count === 1 ? 0 : 1]}`);
    if (weapons.length) text = `${sentence(text)} Weapons named: ${joinAnd(weapons)}.`;
    const refs = [...counted].sort((a, b) => (b.killed ?? 0) - (a.killed ?? 0)).slice(0, 2).map((a) => a.sources[0]).filter(Boolean);
    points.push({ rank: 3, text, refs });
  }

  const conflicts = allConflicts(f);
  if (conflicts.length) {
    const whats = [...new Set(conflicts.map((x) => x.what))];
    const listed = whats.slice(0, 3);
    const fields = whats.length > listed.length ? `${listed.join('; ')} and ${plural(whats.length - listed.length, 'other point')}` : joinAnd(listed);
    points.push({ rank: 4, text: fill(w.blufDisagreements, { count: whats.length, fields }), refs: [] });
  }
  return [...points].sort((a, b) => a.rank - b.rank).map(({ text, refs, outlook }) => ({ text: sentence(text), refs, outlook }));
}

function blufSection(c: Ctx): Block[] {
  const own = (c.briefing.bottomLine ?? '').trim();
  if (own) {
    return own
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
      .filter(Boolean)
      .map((p) => ({ kind: 'paragraph', style: 'lead', runs: [t(p)] }));
  }
  const points = draftBottomLine(c).slice(0, Math.min(c.template.blufPoints, c.limit('bluf')));
  if (!points.length) return [];
  return [{ kind: 'list', ordered: false, items: points.map((p): Inline[] => [t(p.text), ...c.cites.cite(p.refs)]) }];
}

// ---------------------------------------------------------------- sections

function delegationsSection(c: Ctx): Block[] {
  // Meeting by meeting, in the bottom line's order: the main meeting (the latest of equals) first.
  const { shown, more } = capped(c, 'delegations', meetings(c).flat());
  const out: Block[] = shown.map((d) => {
    const reported = d.date ? null : reportedDate(c, d.sources);
    const when = d.date ? formatDate(d.date) : reported ? fill(c.w.reportedOn, { date: formatDate(reported) }) : 'date not stated';
    // "Talks in Istanbul, 16 May 2025"; with no place: "Talks, place not stated, 16 May 2025" or "Talks, place and date not stated".
    const where = d.venue ? fill(c.w.delegationCaption, { venue: d.venue, date: when }) : when === 'date not stated' ? 'Talks, place and date not stated' : `Talks, place not stated, ${when}`;
    const caption: Inline[] = [t(`${d.party} — ${where}`), ...c.cites.cite(d.sources)];
    if (!d.members.length) return { kind: 'paragraph', style: 'body', runs: [...caption.map((r) => (r.kind === 'text' ? { ...r, bold: true } : r)), t(': no members named.', { italic: true })] } as Block;
    const rows = [...d.members]
      .sort((a, b) => Number(b.leads) - Number(a.leads))
      .map((m): Inline[][] => [[t(m.name, { bold: m.leads }), ...(m.leads ? [t(` (${c.w.leaderMark})`, { italic: true })] : [])], [t(m.role ?? '—')]]);
    return table([['Name', 0.5], ['Role', 0.5]], rows, caption);
  });
  return [...out, ...more];
}

function positionsSection(c: Ctx): Block[] {
  // A fragment ("asked for") says nothing a reader can use: it stays in review, not in print.
  // The same words for the same side and kind print once, with the sources of every copy.
  const byKey = new Map<string, (typeof c.findings.positions)[number]>();
  for (const p of c.findings.positions) {
    if (bottomLineText(p.text) === null) continue;
    const key = `${p.party ?? ''}|${p.kind}|${printText(p.text).toLowerCase().replace(/\s+/g, ' ')}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, sources: [...seen.sources, ...p.sources] } : p);
  }
  const ps = [...byKey.values()];
  if (!ps.length) return [];
  const kindOrder = (k: PositionKind) => POSITION_KINDS.indexOf(k);
  const ordered = [...ps].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind));
  const { shown, more } = capped(c, 'positions', ordered);
  const parties = [...new Set(shown.map((p) => p.party ?? ''))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : 0));
  const out: Block[] = [];
  parties.forEach((party, i) => {
    out.push({ kind: 'heading', level: 2, text: party || 'Party not stated', id: `sec-positions-${i + 1}` });
    const items = shown
      .filter((x) => (x.party ?? '') === party)
      .map((p): Inline[] => [t(`${cap(kindLabel(p.kind))}: `, { bold: true }), t(withoutKindLabel(printText(p.text))), ...(p.speaker ? [t(` — ${p.speaker}`, { italic: true })] : []), ...c.cites.cite(p.sources)]);
    out.push({ kind: 'list', ordered: false, items });
  });
  return [...out, ...more];
}

/**
 * An outlook item's horizon and date, unless they were read from the dateline before its text
 * ("Aug 7 – Talks are due to begin on Friday"): that is when the story was filed, not the event.
 */
function outlookWhen(o: Outlook): { horizon: string | null; date: string | null } {
  const dateline = datelineOf(o.text);
  if (dateline && o.horizon && dateline.includes(o.horizon) && !printText(o.text).includes(o.horizon)) return { horizon: null, date: null };
  return { horizon: o.horizon, date: o.date };
}

function outlookSection(c: Ctx): Block[] {
  // What will happen first (meetings, next steps, forecasts, by date), then assessments of how things stand.
  // A text that opens as a dependent clause ("in which they …") stays in review, not in print.
  const ahead = (o: { text: string }) => (nextKind(printText(o.text)) === null ? 1 : 0);
  // On a one-page brief, what the generated bottom line already says of what comes next is not said twice.
  const generated = c.briefing.sections.includes('bluf') && !(c.briefing.bottomLine ?? '').trim() && c.template.pageBudget === 1;
  const said = new Set(generated ? draftBottomLine(c).slice(0, Math.min(c.template.blufPoints, c.limit('bluf'))).flatMap((p) => (p.outlook ? [p.outlook] : [])) : []);
  const sorted = [...c.findings.outlook.filter((o) => !isFragment(o.text) && !said.has(o.id))].sort((a, b) => ahead(a) - ahead(b) || (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  if (!sorted.length) return [];
  const { shown, more } = capped(c, 'outlook', sorted);
  return [
    {
      kind: 'list',
      ordered: false,
      items: shown.map((o) => {
        const when = outlookWhen(o);
        // A horizon that is itself a calendar date ("May 20") would print the date twice.
        // Undated, the horizon is words of the text itself ("this year", "Tuesday"): said once is enough.
        const inText = (h: string) => printText(o.text).toLowerCase().includes(h.toLowerCase());
        const horizon = when.date ? `${when.horizon && !CALENDAR_WORDS.test(when.horizon) ? `${when.horizon}, ` : ''}${formatDate(when.date, true)}` : when.horizon && !inText(when.horizon) ? when.horizon : null;
        const speaker = o.who && !mentions(o.text, o.who) ? o.who : null;
        const who = speaker || horizon ? fill(c.w.outlookAttribution, { who: speaker, horizon }) : '';
        return [t(cap(printText(o.text))), ...(who ? [t(` — ${who}`, { italic: true })] : []), ...c.cites.cite(o.sources)];
      }),
    },
    ...more,
  ];
}

/** The longest span of days a strikes-per-day chart covers. */
const CHART_SPAN_DAYS = 62;
const dayNumber = (iso: string): number => Date.parse(iso) / 86_400_000;

/** Strikes per day (each attacker a bar per day) when they span two days to two months; null otherwise. */
function strikesPerDay(c: Ctx, attacks: readonly Attack[]): Block | null {
  const dated = attacks.filter((a) => a.date);
  const days = [...new Set(dated.map((a) => a.date!))].sort();
  // A chart of days says something when the strikes fall within weeks; two strikes a year apart are two rows.
  if (days.length < 2 || dayNumber(days[days.length - 1]!) - dayNumber(days[0]!) > CHART_SPAN_DAYS) return null;
  const attackers = [...new Set(dated.map((a) => a.attacker ?? 'Attacker not stated'))];
  const labels: string[] = [];
  const values: number[] = [];
  for (const d of days)
    for (const who of attackers) {
      const n = dated.filter((a) => a.date === d && (a.attacker ?? 'Attacker not stated') === who).length;
      if (!n) continue;
      labels.push(attackers.length > 1 ? `${formatDate(d, true)} · ${who}` : formatDate(d, true));
      values.push(n);
    }
  return {
    kind: 'chart',
    title: attackers.length > 1 ? `${c.w.chartTitle}, by attacker` : c.w.chartTitle,
    labels,
    values,
    description: labels.map((l, i) => `${l}: ${values[i]}`).join('; '),
  };
}

function attacksSection(c: Ctx): Block[] {
  const as = c.findings.attacks.filter(informative);
  if (!as.length) return [];
  // A strike the sources date only in words ("Sunday") is placed by the day it was reported, and says so.
  const reported = new Map(as.map((a) => [a, a.date ? null : reportedDate(c, a.sources)]));
  const day = (a: Attack): string => a.date ?? reported.get(a) ?? '9999';
  const sorted = [...as].sort((a, b) => day(a).localeCompare(day(b)));
  const { shown, more } = capped(c, 'attacks', sorted);
  const num = (n: number | null): Inline[] => [t(n === null ? '—' : String(n))];
  const when = (a: Attack): string => {
    if (a.date) return formatDate(a.date, true);
    const r = reported.get(a);
    if (!r) return a.when ?? '—';
    const on = fill(c.w.reportedOn, { date: formatDate(r, true) });
    return a.when ? `${cap(a.when)}, ${on}` : cap(on);
  };
  const rows = shown.map((a): Inline[][] => [
    [t(when(a))],
    [t(a.location ?? '—'), ...(a.aggregate ? [t(' (several days)', { italic: true })] : []), ...c.cites.cite(a.sources)],
    [t(a.attacker ?? '—')],
    [t(a.weapons.length ? a.weapons.map((w) => (w.count === null ? w.label : `${w.count} ${weaponLabel(w.type, w.label, w.count)}`)).join(', ') : '—'), ...(a.intercepted !== null ? [t(`; ${a.intercepted} downed`, { italic: true })] : [])],
    num(a.killed),
    num(a.injured),
    [t(a.target ?? '—')],
  ]);
  const out: Block[] = [table([['Date', 0.13], ['Place', 0.18], ['Attacker', 0.16], ['Weapons', 0.21], ['Killed', 0.08, 'right'], ['Injured', 0.09, 'right'], ['Target', 0.15]], rows), ...more];
  const { counted, left } = countedAttacks(as);
  const totals = weaponTotals(counted);
  if (totals.length >= 2 && c.template.attackTotals) {
    const sum = totals.reduce((s, x) => s + x.count, 0);
    out.push(
      table(
        [['Weapon type', 0.5], ['Total', 0.25, 'right'], ['Reports', 0.25, 'right']],
        [...totals.map((x): Inline[][] => [[t(cap(x.type))], [t(String(x.count))], [t(String(x.reports))]]), [[t('All types')], [t(String(sum))], [t('')]]],
        [t(c.w.totalsCaption)],
        true,
      ),
    );
    if (left) out.push(remark(fill(c.w.aggregateRemark, { count: left, figures: plural(left, 'figure') })));
  }
  // The chart shows what the tables do not: how the strikes spread over the days, by attacker.
  const chart = c.template.charts ? strikesPerDay(c, counted) : null;
  if (chart) out.push(chart);
  return out;
}

function peopleSection(c: Ctx): Block[] {
  // An outlet the sources are credited to is no person ("Harbour Courier" read as a name).
  const outlets = new Set(c.articles.map((a) => a.outlet?.trim().toLowerCase()).filter(Boolean));
  // A lone word with no role and no side ("Views") is more likely a misread than a person: it stays in
  // review, and prints once the analyst accepts it.
  const lone = (p: (typeof c.findings.people)[number]) => !p.reviewed && !/\s/.test(p.name.trim()) && p.roles.length === 0 && !p.party;
  const ps = [...c.findings.people].filter((p) => !outlets.has(p.name.trim().toLowerCase()) && !lone(p)).sort((a, b) => Number(a.party === null) - Number(b.party === null) || (a.party ?? '').localeCompare(b.party ?? '') || a.name.localeCompare(b.name));
  if (!ps.length) return [];
  const { shown, more } = capped(c, 'people', ps);
  const rows = shown.map((p): Inline[][] => [
    [t(p.name, { bold: true }), ...(p.variants.length ? [t(` (also ${p.variants.join(', ')})`, { italic: true })] : []), ...c.cites.cite(p.sources.slice(0, 1))],
    [t(p.roles.join('; ') || '—')],
    [t(p.party ?? '—')],
  ]);
  return [table([['Name', 0.4], ['Role', 0.38], ['Party', 0.22]], rows), ...more];
}

/** Every dated event: meetings, strikes, expected events and deadlines; undated items dated by their article where it says "today". */
function timelineSection(c: Ctx): Block[] {
  const f = c.findings;
  const ev: { date: string; order: number; runs: Inline[] }[] = [];
  for (const g of meetings(c)) {
    // Undated meetings are placed on the day the sources first reported them, and say so.
    const own = g.find((d) => d.date)?.date ?? null;
    const date = own ?? reportedDate(c, g.flatMap((d) => d.sources));
    if (!date) continue;
    const venue = g.find((d) => d.venue)?.venue;
    const label = `Talks${venue ? ` in ${venue}` : ''}${own ? '' : ` (${fill(c.w.reportedOn, { date: 'that day' })})`}`;
    ev.push({ date, order: 0, runs: [t(`${label}: delegations of ${joinAnd([...new Set(g.map((d) => d.party))].map(theParty))}`), ...c.cites.cite(g.flatMap((d) => d.sources.slice(0, 1)))] });
  }
  // Strikes too; one the sources date only in words is placed on the day it was reported, and says so.
  for (const a of f.attacks.filter(informative)) {
    const date = a.date ?? reportedDate(c, a.sources);
    if (!date) continue;
    const toll = [a.killed !== null ? `${a.killed} killed` : '', a.injured !== null ? `${a.injured} injured` : ''].filter(Boolean).join(', ');
    const what = [a.date ? '' : fill(c.w.reportedOn, { date: 'that day' }), toll].filter(Boolean).join('; ');
    ev.push({ date, order: 1, runs: [t(`Strike${a.location ? ` on ${a.location}` : ''}${a.attacker ? ` by ${a.attacker}` : ''}${what ? ` (${what})` : ''}`), ...c.cites.cite(a.sources.slice(0, 1))] });
  }
  for (const o of f.outlook) {
    const { date } = outlookWhen(o);
    if (date && !isFragment(o.text)) ev.push({ date, order: 2, runs: [t(`Expected: ${cutQuote(o.text, 160)}`, { italic: true }), ...c.cites.cite(o.sources.slice(0, 1))] });
  }
  if (ev.length < 2) return [];
  ev.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
  const { shown, more } = capped(c, 'timeline', ev);
  return [table([['Date', 0.16], ['Event', 0.84]], shown.map((e) => [[t(formatDate(e.date, true))], e.runs])), ...more];
}

function disagreementsSection(c: Ctx): Block[] {
  const all = allConflicts(c.findings);
  if (!all.length) {
    // "The sources agree" only where two or more sources cover an item.
    const n = corroborated(c.findings);
    return n ? [remark(fill(n === 1 ? c.w.agreementOne : c.w.agreement, { count: n }))] : [];
  }
  const rows = all.map(({ label, conflict }): Inline[][] => [
    [t(cap(label))],
    [t(cap(FIELD_NAMES[conflict.field] ?? conflict.field))],
    conflict.values.flatMap((v, i): Inline[] => [...(i ? [t('; ')] : []), t(`“${v.value}”`), ...c.cites.cite(v.sources)]),
  ]);
  return [table([['Item', 0.36], ['In dispute', 0.16], ['What each source says', 0.48]], rows)];
}

function sourcesSection(c: Ctx, sources: readonly SourceEntry[]): Block[] {
  if (!sources.length) return [];
  // The compact list: one short line per source, so entries never run together.
  if (c.template.sourcesLayout === 'list') return sources.map((s): Block => ({ kind: 'paragraph', style: 'small', runs: [t(`[${s.n}] `, { bold: true }), t(sourceText(s))] }));
  // A file name is no outlet or title: it names a source only when nothing else does, and the
  // "Where" column is there only for web addresses.
  const urls = sources.some((s) => s.where === 'url');
  const rows = sources.map((s): Inline[][] => [
    [t(String(s.n))],
    [t(s.outlet ?? '—')],
    [s.title ? t(s.title, { italic: true }) : t(untitledLabel(s))],
    [t(s.date ? formatDate(s.date, true) : '—')],
    ...(urls ? [[t(s.where === 'url' ? s.location : '—')]] : []),
  ]);
  const columns: Array<[string, number, ('left' | 'right')?]> = urls
    ? [['#', 0.05, 'right'], ['Outlet', 0.2], ['Title', 0.43], ['Date', 0.12], ['Where', 0.2]]
    : [['#', 0.05, 'right'], ['Outlet', 0.25], ['Title', 0.55], ['Date', 0.15]];
  return [table(columns, rows)];
}

function notesSection(c: Ctx): Block[] {
  return c.briefing.notes
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph', style: 'body', runs: [t(p)] }));
}

const SECTIONS: Record<Exclude<SectionId, 'sources'>, (c: Ctx) => Block[]> = {
  bluf: blufSection,
  delegations: delegationsSection,
  positions: positionsSection,
  outlook: outlookSection,
  attacks: attacksSection,
  people: peopleSection,
  timeline: timelineSection,
  disagreements: disagreementsSection,
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

/** Everything review can leave unreviewed, counted once. */
const ITEMS = (f: Findings) => [...f.people, ...f.delegations, ...f.positions, ...f.outlook, ...f.attacks];

/** Unreviewed items left out (accepted only), or counted for the DRAFT banner. */
function reviewedView(briefing: Briefing, f: Findings): { findings: Findings; unreviewed: number; total: number } {
  const mode = briefing.options.unreviewed ?? BRIEFING_OPTION_DEFAULTS.unreviewed;
  const all = ITEMS(f);
  const unreviewed = all.filter((i) => !i.reviewed).length;
  if (mode === 'draft') return { findings: f, unreviewed, total: all.length };
  const ok = <T extends { reviewed?: boolean }>(xs: readonly T[]) => xs.filter((x) => x.reviewed);
  return { findings: { people: ok(f.people), delegations: ok(f.delegations), positions: ok(f.positions), outlook: ok(f.outlook), attacks: ok(f.attacks) }, unreviewed: 0, total: all.length };
}

/** Text characters of the body and of the notes (what the NOTE_SHARE budget is measured on). */
export function textCharacters(tree: DocTree): { body: number; notes: number } {
  let body = 0;
  const runs = (rs: readonly Inline[] | null) => (body += plainText(rs ?? []).length);
  for (const b of tree.blocks) {
    if (b.kind === 'paragraph') runs(b.runs);
    else if (b.kind === 'list') b.items.forEach(runs);
    else if (b.kind === 'table') {
      runs(b.caption);
      b.rows.forEach((r) => r.forEach(runs));
    } else if (b.kind === 'heading') body += b.text.length;
  }
  const notes = tree.notes.reduce((s, n) => s + noteText(n, tree.sources).length, 0);
  return { body, notes };
}

/** Rough page count of a tree: lines of text at the template's sizes (used to hold a page budget). */
export function estimatePages(tree: DocTree, fill = 1): number {
  const st = tree.style;
  const width = tree.page.width - tree.page.margins.left - tree.page.margins.right;
  // `fill` < 1 counts on pages filling only that share: page breaks before headings and kept-together rows leave gaps.
  const height = (tree.page.height - tree.page.margins.top - tree.page.margins.bottom) * fill;
  const lines = (chars: number, size: number, w = width) => Math.max(1, Math.ceil((chars * size * 0.5) / w));
  let h = tree.titleBlock.layout === 'cover' ? height : st.titleSize * 1.2 + st.smallSize * 4 + (tree.titleBlock.draft ? st.smallSize * 2.2 : 0) + 20;
  const runsLen = (rs: readonly Inline[]) => plainText(rs).length + rs.filter((r) => r.kind === 'cite').length * 2;
  for (const b of tree.blocks) {
    switch (b.kind) {
      case 'heading': {
        const size = b.level === 1 ? st.h1Size : st.h2Size;
        h += size * 1.1 + size * st.lineHeight + size * 0.4;
        break;
      }
      case 'paragraph': {
        const size = b.style === 'small' ? st.smallSize : b.style === 'lead' ? st.bodySize * 1.12 : st.bodySize;
        h += lines(runsLen(b.runs), size) * size * st.lineHeight + st.paragraphSpacing;
        break;
      }
      case 'list':
        for (const it of b.items) h += lines(runsLen(it), st.bodySize, width - st.bodySize * 1.4) * st.bodySize * st.lineHeight + st.paragraphSpacing * 0.45;
        h += st.paragraphSpacing;
        break;
      case 'table': {
        const lh = st.smallSize * st.lineHeight;
        h += (b.caption ? lh + 8 : 6) + lh + 6.4;
        for (const r of b.rows) h += Math.max(...r.map((cell, i) => lines(runsLen(cell), st.smallSize, b.columns[i].width * width - 6.4))) * lh + 6.4;
        h += st.paragraphSpacing + 2;
        break;
      }
      case 'chart':
        h += st.smallSize * st.lineHeight + 4 + b.values.length * st.smallSize * 2.1 + 10;
        break;
      case 'toc':
        h += height / 2;
        break;
      case 'pageBreak':
        h = Math.ceil(h / height) * height;
        break;
    }
  }
  if (tree.citations === 'footnotes') for (const n of tree.notes) h += lines(noteText(n, tree.sources).length, st.noteSize) * st.noteSize * st.lineHeight + 2;
  else h += tree.notes.reduce((s, n) => s + lines(noteText(n, tree.sources).length, st.noteSize) * st.noteSize * st.lineHeight + 3, st.h1Size * 3);
  return Math.max(1, Math.ceil(h / height));
}

interface Pass {
  readonly quoteMax: number;
  readonly maxRefs: number;
  readonly style: 'quote' | 'source';
  /** Items per section at most. */
  readonly cap: number;
}

function composeOnce(briefing: Briefing, data: { articles: readonly Article[]; findings: Findings }, template: Template, pass: Pass): DocTree {
  const view = reviewedView(briefing, data.findings);
  const cites = new Citations(data.articles, pass.style, pass.quoteMax, pass.maxRefs);
  const c: Ctx = {
    briefing,
    articles: data.articles,
    findings: printedFindings(view.findings),
    template,
    w: template.wording,
    cites,
    limit: (s) => Math.min(template.limits[s] ?? Infinity, pass.cap),
  };
  const sources = sourceEntries(data.articles);
  const blocks: Block[] = [];
  if (template.toc) blocks.push({ kind: 'toc', title: 'Contents' }, { kind: 'pageBreak' });
  const sections = [...new Set(briefing.sections)];
  let annex = 0;
  const place = (s: SectionId, body: Block[]) => {
    if (!body.length) return; // an empty section is left out
    const isAnnex = template.annexes.includes(s);
    let title = sectionTitle(c, s);
    if (isAnnex) {
      title = `${template.annexLabel} ${String.fromCharCode(65 + annex)} — ${title}`;
      annex += 1;
      if (blocks.length && blocks[blocks.length - 1].kind !== 'pageBreak') blocks.push({ kind: 'pageBreak' });
    }
    blocks.push({ kind: 'heading', level: 1, text: title, id: `sec-${s}` });
    // Sub-headings get ids unique in the document.
    for (const b of body) blocks.push(b.kind === 'heading' ? { ...b, id: b.id.replace(/^sec-[a-z]+/, `sec-${s}`) } : b);
  };
  for (const s of sections) if (s !== 'sources') place(s, SECTIONS[s](c));
  // Notes point into the source list, so it is printed whenever anything is cited.
  if (sections.includes('sources') || cites.notes.length) place('sources', sourcesSection(c, sources));

  const dateText = formatDate(briefing.date);
  const vars = { title: briefing.title, date: dateText, marking: briefing.marking, author: briefing.author };
  const slot = (s: string): string => s.replace(/\{(title|date|marking|author)\}/g, (_, k: keyof typeof vars) => vars[k]);
  const draft = view.unreviewed ? fill(template.wording.draftBanner, { count: view.unreviewed, total: view.total }) : null;
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
      draft,
    },
    header: { left: slot(template.header.left), center: slot(template.header.center), right: slot(template.header.right) },
    footer: { left: slot(template.footer.left), center: slot(template.footer.center), right: slot(template.footer.right) },
    blocks,
    citations: briefing.options.citations ?? template.citations,
    notesTitle: template.notesTitle,
    notes: cites.notes,
    sources,
  };
}

/**
 * Compose the briefing. Quotes in notes are shortened (then dropped for source-only notes) until
 * notes take at most NOTE_SHARE of the text; with a page budget, sections print fewer items
 * until the estimate fits.
 */
export function compose(briefing: Briefing, data: { articles: readonly Article[]; findings: Findings }, template: Template): DocTree {
  const style = briefing.options.citationStyle ?? template.citationStyle;
  const caps = template.pageBudget ? [Infinity, 12, 8, 6, 5, 4, 3, 2, 1] : [Infinity];
  let tree: DocTree | null = null;
  for (const cap of caps) {
    const passes: Pass[] =
      style === 'quote' ? [...QUOTE_PASSES.map(([quoteMax, maxRefs]) => ({ quoteMax, maxRefs, style, cap })), { quoteMax: 0, maxRefs: 2, style: 'source', cap }] : [{ quoteMax: 0, maxRefs: 2, style, cap }];
    for (const pass of passes) {
      tree = composeOnce(briefing, data, template, pass);
      const { body, notes } = textCharacters(tree);
      if (notes <= NOTE_SHARE * (body + notes)) break;
    }
    if (!template.pageBudget || estimatePages(tree!, BUDGET_FILL) <= template.pageBudget) break;
  }
  return tree!;
}

/**
 * The generated bottom line as plain text (one paragraph per point), for the app to offer as a
 * draft the analyst rewrites into `Briefing.bottomLine`.
 */
export function bottomLineDraft(briefing: Briefing, data: { articles: readonly Article[]; findings: Findings }, template: Template): string {
  const view = reviewedView(briefing, data.findings);
  const c: Ctx = { briefing, articles: data.articles, findings: printedFindings(view.findings), template, w: template.wording, cites: new Citations(data.articles, 'source', 0), limit: () => Infinity };
  return draftBottomLine(c)
    .slice(0, template.blufPoints)
    .map((p) => p.text)
    .join('\n\n');
}
