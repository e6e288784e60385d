/**
 * What the review screen shows, derived from the project by pure functions: one row per
 * item (extracted or added) with the analyst's decision and edits applied, doubtful items
 * first, and the fields the analyst may edit per section.
 */
import type { Article, Attack, Decision, Delegation, Findings, ItemOf, ItemSection, Outlook, Overlay, Person, Position, Project, SourceRef } from '../../src/model';
import { ITEM_SECTIONS, POSITION_KINDS } from '../../src/model';

export type ReviewStatus = 'pending' | 'accepted' | 'rejected' | 'edited';

export interface ReviewRow {
  readonly id: string;
  readonly section: ItemSection;
  /** The item as the analyst sees it: extracted values with edits applied. */
  readonly item: ItemOf<ItemSection>;
  readonly status: ReviewStatus;
  readonly added: boolean;
  /** What the table shows and sorts by: the extractor's confidence, capped at 50 % while sources disagree. */
  readonly confidence: number;
  /** The extractor's own figure. */
  readonly extractedConfidence: number;
  readonly sources: readonly SourceRef[];
  /** Short cells for the table, in the order of `COLUMNS[section]`. */
  readonly cells: readonly string[];
  readonly conflicts: ItemOf<ItemSection>['conflicts'];
  /** For people: the merge group the person is in (ids, main person first), when any. */
  readonly mergedWith: readonly string[];
}

/** Sources that disagree make an item doubtful, whatever the extractor's own figure. */
export const CONFLICT_CONFIDENCE_CAP = 0.5;
export const LOW_CONFIDENCE = 0.6;

export const SECTION_LABELS: Readonly<Record<ItemSection, string>> = {
  people: 'People',
  delegations: 'Delegations',
  positions: 'Positions',
  outlook: 'Outlook',
  attacks: 'Attacks',
};

/** One item of a section, as a capitalised noun. */
export const ITEM_NOUN: Readonly<Record<ItemSection, string>> = { people: 'Person', delegations: 'Delegation', positions: 'Position', outlook: 'Outlook', attacks: 'Attack' };

export const COLUMNS: Readonly<Record<ItemSection, readonly string[]>> = {
  people: ['Name', 'Role', 'Party'],
  delegations: ['Party', 'Members', 'Venue', 'Date'],
  positions: ['Party', 'Kind', 'Position', 'Speaker'],
  outlook: ['Outlook', 'Who', 'Horizon'],
  attacks: ['Attacker', 'Location', 'When', 'Weapons', 'Killed', 'Injured'],
};

export type FieldKind = 'text' | 'longtext' | 'list' | 'int' | 'kind';

export interface EditableField {
  readonly key: string;
  readonly label: string;
  readonly kind: FieldKind;
  /** An emptied field becomes null (unknown) rather than an empty string. */
  readonly nullable?: boolean;
}

/** The fields the edit form offers, per section (nested lists are edited as plain lists). */
export const EDITABLE_FIELDS: Readonly<Record<ItemSection, readonly EditableField[]>> = {
  people: [
    { key: 'name', label: 'Name', kind: 'text' },
    { key: 'roles', label: 'Roles (comma-separated)', kind: 'list' },
    { key: 'party', label: 'Party', kind: 'text', nullable: true },
  ],
  delegations: [
    { key: 'party', label: 'Party', kind: 'text' },
    { key: 'venue', label: 'Venue', kind: 'text', nullable: true },
    { key: 'date', label: 'Date (YYYY-MM-DD)', kind: 'text', nullable: true },
  ],
  positions: [
    { key: 'text', label: 'Position', kind: 'longtext' },
    { key: 'party', label: 'Party', kind: 'text', nullable: true },
    { key: 'kind', label: 'Kind', kind: 'kind' },
    { key: 'speaker', label: 'Speaker', kind: 'text', nullable: true },
  ],
  outlook: [
    { key: 'text', label: 'Outlook', kind: 'longtext' },
    { key: 'who', label: 'Who', kind: 'text', nullable: true },
    { key: 'horizon', label: 'Horizon', kind: 'text', nullable: true },
  ],
  attacks: [
    { key: 'attacker', label: 'Attacker', kind: 'text', nullable: true },
    { key: 'location', label: 'Location', kind: 'text', nullable: true },
    { key: 'when', label: 'When', kind: 'text', nullable: true },
    { key: 'target', label: 'Target', kind: 'text', nullable: true },
    { key: 'killed', label: 'Killed', kind: 'int' },
    { key: 'injured', label: 'Injured', kind: 'int' },
  ],
};

export const POSITION_KIND_OPTIONS = POSITION_KINDS;

const dash = (v: string | null | undefined): string => (v && v.trim() ? v : '—');
const num = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : String(v));

export function cellsOf(section: ItemSection, item: ItemOf<ItemSection>): string[] {
  switch (section) {
    case 'people': {
      const x = item as Person;
      return [x.name, dash(x.roles[0]), dash(x.party)];
    }
    case 'delegations': {
      const x = item as Delegation;
      const members = x.members.map((m) => (m.leads ? `${m.name} (lead)` : m.name)).join(', ');
      return [x.party, dash(members), dash(x.venue), dash(x.date)];
    }
    case 'positions': {
      const x = item as Position;
      return [dash(x.party), x.kind, x.text, dash(x.speaker)];
    }
    case 'outlook': {
      const x = item as Outlook;
      return [x.text, dash(x.who), dash(x.horizon)];
    }
    case 'attacks': {
      const x = item as Attack;
      const weapons = x.weapons.map((w) => (w.count !== null ? `${w.count} ${w.label}` : w.label)).join(', ');
      return [dash(x.attacker), dash(x.location), dash(x.when ?? x.date), dash(weapons), num(x.killed), num(x.injured)];
    }
  }
}

export const statusOf = (d: Decision | undefined): ReviewStatus => (d ? d.status : 'pending');

/** The item with the analyst's edited fields applied. */
export function effectiveItem<T extends ItemOf<ItemSection>>(item: T, d: Decision | undefined): T {
  return d?.status === 'edited' ? ({ ...item, ...d.fields } as T) : item;
}

const STATUS_ORDER: Record<ReviewStatus, number> = { pending: 0, edited: 1, accepted: 2, rejected: 3 };

/**
 * Rows of one section: doubtful (low confidence) first, then items with conflicts, then by
 * id so the order is stable. Pending items before decided ones when `pendingFirst`.
 */
export function reviewRows(findings: Findings, overlay: Overlay, section: ItemSection, options: { pendingFirst?: boolean } = {}): ReviewRow[] {
  const extracted = (findings[section] as ReadonlyArray<ItemOf<ItemSection>>).map((item) => ({ item, added: false }));
  const added = overlay.added.filter((a) => a.section === section).map((a) => ({ item: a.item as ItemOf<ItemSection>, added: true }));
  const all = [...extracted, ...added];
  const byId = new Map(all.map((x) => [x.item.id, x.item]));
  // A merged group is one row: its main (first) person, with the others' names and sources.
  const hidden = new Set(section === 'people' ? overlay.personMerges.flatMap((g) => g.filter((id) => byId.has(id)).slice(1)) : []);
  const rows = all
    .filter(({ item }) => !hidden.has(item.id))
    .map(({ item, added: isAdded }): ReviewRow => {
      const d = overlay.decisions[item.id];
      const group = section === 'people' ? (overlay.personMerges.find((g) => g.includes(item.id))?.filter((id) => byId.has(id)) ?? []) : [];
      let base = item;
      if (group.length > 1) {
        const others = group.slice(1).map((id) => byId.get(id) as Person);
        const me = item as Person;
        const seen = new Set([me.name]);
        base = {
          ...me,
          variants: [...me.variants, ...others.flatMap((o) => [o.name, ...o.variants])].filter((n) => (seen.has(n) ? false : (seen.add(n), true))),
          roles: [...new Set([...me.roles, ...others.flatMap((o) => o.roles)])],
          party: me.party ?? others.find((o) => o.party)?.party ?? null,
          sources: [...me.sources, ...others.flatMap((o) => o.sources)],
        } as ItemOf<ItemSection>;
      }
      const eff = effectiveItem(base, d);
      const conflicts = item.conflicts ?? [];
      return {
        id: item.id,
        section,
        item: eff,
        status: isAdded && !d ? 'accepted' : statusOf(d),
        added: isAdded,
        confidence: conflicts.length ? Math.min(item.confidence, CONFLICT_CONFIDENCE_CAP) : item.confidence,
        extractedConfidence: item.confidence,
        sources: base.sources,
        cells: cellsOf(section, eff),
        conflicts,
        mergedWith: group.length > 1 ? group : [],
      };
    });
  return rows.sort(
    (a, b) =>
      (options.pendingFirst ? STATUS_ORDER[a.status] - STATUS_ORDER[b.status] : 0) ||
      a.confidence - b.confidence ||
      b.conflicts.length - a.conflicts.length ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export type ReviewFilter = 'all' | 'pending' | 'conflicts' | 'low';

export interface RowQuery {
  readonly filter?: ReviewFilter;
  /** Words all found in the row's cells or source sentences (case-insensitive). */
  readonly search?: string;
  /** Only items with a source in this article. */
  readonly article?: string | null;
  /** Only items of this party (the Party column, or a person's party). */
  readonly party?: string | null;
}

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

/** The party an item belongs to, when it has one. */
export function partyOf(row: ReviewRow): string | null {
  const x = row.item as { party?: string | null; attacker?: string | null };
  return x.party ?? x.attacker ?? null;
}

/** Rows that answer a query (the table's filters and search). */
export function filterRows(rows: readonly ReviewRow[], q: RowQuery): ReviewRow[] {
  const words = fold(q.search ?? '').split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (q.filter === 'pending' && r.status !== 'pending') return false;
    if (q.filter === 'conflicts' && r.conflicts.length === 0) return false;
    if (q.filter === 'low' && r.confidence >= LOW_CONFIDENCE) return false;
    if (q.article && !r.sources.some((s) => s.article === q.article)) return false;
    if (q.party && partyOf(r) !== q.party) return false;
    if (words.length) {
      const hay = fold([...r.cells, ...r.sources.map((s) => s.sentence)].join(' '));
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

/** Pending rows at or above a confidence (for "accept all at or above N %"). */
export const rowsAtOrAbove = (rows: readonly ReviewRow[], min: number): ReviewRow[] => rows.filter((r) => r.status === 'pending' && r.confidence >= min - 1e-9);

/** Every row of every section. */
export const allRows = (findings: Findings, overlay: Overlay): ReviewRow[] => ITEM_SECTIONS.flatMap((s) => reviewRows(findings, overlay, s));

/** Progress of the review across sections: decided of total. */
/**
 * How many rows `allRows` gives and how many of them wait for review, counted without making
 * the rows (the step bar asks after every change; a 500-article project has thousands of items).
 */
export function reviewProgress(findings: Findings, overlay: Overlay): { total: number; pending: number } {
  let total = 0;
  let pending = 0;
  for (const section of ITEM_SECTIONS) {
    const extracted = findings[section] as ReadonlyArray<{ id: string }>;
    const added = overlay.added.filter((a) => a.section === section).map((a) => a.item as { id: string });
    let hidden: ReadonlySet<string> = new Set();
    if (section === 'people' && overlay.personMerges.length) {
      const present = new Set([...extracted, ...added].map((x) => x.id));
      hidden = new Set(overlay.personMerges.flatMap((g) => g.filter((id) => present.has(id)).slice(1)));
    }
    for (const [list, isAdded] of [[extracted, false], [added, true]] as const) {
      for (const item of list) {
        if (hidden.has(item.id)) continue;
        const d = overlay.decisions[item.id];
        total++;
        if ((isAdded && !d ? 'accepted' : statusOf(d)) === 'pending') pending++;
      }
    }
  }
  return { total, pending };
}

/** One thing to look at before export, with where to go to fix it. */
export interface ExportIssue {
  readonly kind: 'unreviewed' | 'conflict' | 'untitled' | 'clipped';
  readonly text: string;
  readonly target: { readonly step: 'review'; readonly section: ItemSection; readonly id: string } | { readonly step: 'articles'; readonly id: string };
}

/** Texts shorter than this many words look cut off (a paywall, a failed page read). */
export const CLIPPED_WORDS = 80;

/**
 * The pre-export check: items nobody reviewed, disagreements nobody settled, sources with no
 * title and texts that look clipped. Each names the item and where to fix it.
 */
export function exportIssues(project: Pick<Project, 'articles' | 'findings' | 'overlay'>): ExportIssue[] {
  const out: ExportIssue[] = [];
  for (const section of ITEM_SECTIONS) {
    for (const r of reviewRows(project.findings, project.overlay, section)) {
      const name = `${ITEM_NOUN[section]}: ${r.cells[section === 'positions' ? 2 : 0] ?? r.id}`;
      const d = project.overlay.decisions[r.id];
      const settled = d?.status === 'edited' ? r.conflicts.every((c) => c.field in d.fields) : d?.status === 'rejected';
      if (r.conflicts.length && !settled) out.push({ kind: 'conflict', text: `${name} — sources disagree on ${r.conflicts.map((c) => c.field).join(', ')}`, target: { step: 'review', section, id: r.id } });
      else if (r.status === 'pending') out.push({ kind: 'unreviewed', text: name, target: { step: 'review', section, id: r.id } });
    }
  }
  for (const a of project.articles) {
    if (!a.title?.trim()) out.push({ kind: 'untitled', text: `${articleLabel(a)} has no title`, target: { step: 'articles', id: a.id } });
    if (wordCount(a.text) < CLIPPED_WORDS) out.push({ kind: 'clipped', text: `${articleLabel(a)} is only ${wordCount(a.text)} words long — is the text complete?`, target: { step: 'articles', id: a.id } });
  }
  return out;
}

export interface SectionCounts {
  readonly total: number;
  readonly pending: number;
  readonly rejected: number;
}

export function sectionCounts(findings: Findings, overlay: Overlay, section: ItemSection): SectionCounts {
  const rows = reviewRows(findings, overlay, section);
  return { total: rows.length, pending: rows.filter((r) => r.status === 'pending').length, rejected: rows.filter((r) => r.status === 'rejected').length };
}

/** Turns form strings into the typed fields an edit stores; unchanged fields are left out. */
export function fieldsFromForm(section: ItemSection, item: ItemOf<ItemSection>, form: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const current = item as unknown as Record<string, unknown>;
  for (const f of EDITABLE_FIELDS[section]) {
    if (!(f.key in form)) continue;
    const raw = (form[f.key] ?? '').trim();
    let value: unknown;
    if (f.kind === 'list') value = raw ? raw.split(',').map((x) => x.trim()).filter(Boolean) : [];
    else if (f.kind === 'int') value = raw === '' ? null : Math.max(0, Math.round(Number(raw)));
    else if (f.kind === 'kind') value = (POSITION_KINDS as readonly string[]).includes(raw) ? raw : current[f.key];
    else value = raw === '' && (f.nullable || current[f.key] === null) ? null : raw;
    if (f.kind === 'int' && value !== null && !Number.isFinite(value as number)) continue;
    if (JSON.stringify(value) !== JSON.stringify(current[f.key])) out[f.key] = value;
  }
  return out;
}

/** The form's starting strings for an item. */
export function formFromItem(section: ItemSection, item: ItemOf<ItemSection>): Record<string, string> {
  const current = item as unknown as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const f of EDITABLE_FIELDS[section]) {
    const v = current[f.key];
    out[f.key] = Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v);
  }
  return out;
}

/** A new, empty item the analyst adds by hand. `n` makes the id unique within the project. */
export function blankItem(section: ItemSection, n: number): ItemOf<ItemSection> {
  const base = { id: `added-${section}-${n}`, sources: [], confidence: 1, conflicts: [] };
  switch (section) {
    case 'people':
      return { ...base, name: 'New person', variants: [], roles: [], party: null };
    case 'delegations':
      return { ...base, party: 'Unknown', venue: null, date: null, members: [] };
    case 'positions':
      return { ...base, party: null, kind: 'goal', text: 'New position', speaker: null };
    case 'outlook':
      return { ...base, text: 'New outlook item', who: null, horizon: null, date: null };
    case 'attacks':
      return { ...base, attacker: null, location: null, when: null, date: null, weapons: [], killed: null, injured: null, target: null, intercepted: null, aggregate: false };
  }
}

/** Next free number for `blankItem` given the items already added. */
export function nextAddedNumber(overlay: Overlay): number {
  let max = 0;
  for (const a of overlay.added) {
    const m = /-(\d+)$/.exec(a.item.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/** How to name an article to people: its title, else its outlet, else its file name. */
export function articleLabel(a: Pick<Article, 'title' | 'outlet' | 'origin'>): string {
  if (a.title) return a.title;
  if (a.outlet) return a.outlet;
  return a.origin.kind === 'file' ? (a.origin.path.split(/[\\/]/).pop() ?? a.origin.path) : 'Pasted text';
}

/** Whether a UTF-16 code unit is white space as `\s` has it (the ASCII ones first: almost every call). */
const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));

/** The number of runs of non-space characters (`/\S+/g` matches), counted in one pass without building them: 500 articles' counts drew the Articles step. */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
