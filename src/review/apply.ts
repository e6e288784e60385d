/**
 * The analyst's review overlay applied to extracted findings: a pure function, so that
 * re-extraction never loses review work (ids are stable across runs).
 *
 * Order: added items are appended; person merges, then splits; then decisions (rejected items
 * dropped, edited fields applied — an edited item counts as accepted). Decisions whose item is
 * gone are never dropped silently: `orphanDecisions` lists them for the analyst.
 */
import {
  AttackSchema,
  DelegationSchema,
  ITEM_SECTIONS,
  OutlookSchema,
  PersonSchema,
  PositionSchema,
  type Decision,
  type Findings,
  type ItemSection,
  type Overlay,
  type Person,
  type SourceRef,
} from '../model';

const SCHEMAS = {
  people: PersonSchema,
  delegations: DelegationSchema,
  positions: PositionSchema,
  outlook: OutlookSchema,
  attacks: AttackSchema,
} as const;

const refKey = (r: SourceRef): string => `${r.article}:${r.start}:${r.end}`;
const uniqueRefs = (refs: readonly SourceRef[]): SourceRef[] => {
  const seen = new Set<string>();
  return refs.filter((r) => (seen.has(refKey(r)) ? false : (seen.add(refKey(r)), true)));
};
const uniqueStrings = (xs: readonly string[]): string[] => {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x.toLowerCase()) ? false : (seen.add(x.toLowerCase()), true)));
};

/** One person from a group; the first id wins, names and sources are pooled. */
function mergePeople(group: readonly Person[]): Person {
  const [first, ...rest] = group;
  const allNames = group.flatMap((p) => [p.name, ...p.variants]);
  return {
    ...first,
    variants: uniqueStrings(allNames.filter((n) => n !== first.name)),
    roles: uniqueStrings(group.flatMap((p) => p.roles)),
    party: first.party ?? rest.find((p) => p.party)?.party ?? null,
    sources: uniqueRefs(group.flatMap((p) => p.sources)),
    confidence: Math.max(...group.map((p) => p.confidence)),
    conflicts: group.flatMap((p) => p.conflicts),
  };
}

/** Undo an automatic cross-article merge: one person per article the person was seen in. */
function splitPerson(p: Person): Person[] {
  const articles = [...new Set(p.sources.map((s) => s.article))];
  if (articles.length < 2) return [p];
  const names = [p.name, ...p.variants];
  return articles.map((article) => {
    const sources = p.sources.filter((s) => s.article === article);
    const text = sources.map((s) => s.sentence).join(' ');
    const seen = names.filter((n) => text.includes(n)).sort((a, b) => b.length - a.length);
    const name = seen[0] ?? p.name;
    return {
      ...p,
      id: `${p.id}~${article}`,
      name,
      variants: uniqueStrings(seen.slice(1)),
      roles: p.roles.filter((r) => text.toLowerCase().includes(r.toLowerCase())),
      sources,
      conflicts: [],
    };
  });
}

function applyDecision<T extends { id: string; reviewed?: boolean }>(section: ItemSection, item: T, d: Decision | undefined, added: boolean): T | null {
  if (!d) return added ? { ...item, reviewed: true } : item;
  if (d.status === 'accepted') return { ...item, reviewed: true };
  if (d.status === 'rejected') return null;
  const merged = { ...item, ...d.fields, id: item.id, reviewed: true };
  const parsed = SCHEMAS[section].safeParse(merged);
  // An edit that does not fit the schema (a hand-edited project file) leaves the item as extracted (and unreviewed).
  return parsed.success ? (parsed.data as unknown as T) : item;
}

const nameKey = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A person the analyst rejected vanishes everywhere: from delegation tables (by id or by any of
 * their names) and as the speaker of a position or the source of an outlook item.
 */
function withoutPeople(f: Findings, rejected: readonly Person[], keptNames: ReadonlySet<string>): Findings {
  if (!rejected.length) return f;
  const ids = new Set(rejected.map((p) => p.id));
  const names = new Set(rejected.flatMap((p) => [p.name, ...p.variants]).map(nameKey).filter((n) => n && !keptNames.has(n)));
  const gone = (id: string | null, name: string | null) => (id !== null && ids.has(id)) || (name !== null && names.has(nameKey(name)));
  return {
    ...f,
    delegations: f.delegations.map((d) => (d.members.some((m) => gone(m.personId, m.name)) ? { ...d, members: d.members.filter((m) => !gone(m.personId, m.name)) } : d)),
    positions: f.positions.map((p) => (p.speaker && gone(null, p.speaker) ? { ...p, speaker: null } : p)),
    outlook: f.outlook.map((o) => (o.who && gone(null, o.who) ? { ...o, who: null } : o)),
  };
}

export function applyOverlay(findings: Findings, overlay: Overlay): Findings {
  const out: { [S in ItemSection]: Findings[S][number][] } = {
    people: [...findings.people],
    delegations: [...findings.delegations],
    positions: [...findings.positions],
    outlook: [...findings.outlook],
    attacks: [...findings.attacks],
  };
  for (const a of overlay.added) (out[a.section] as { id: string }[]).push(a.item);
  const addedIds = new Set(overlay.added.map((a) => a.item.id));

  // Person merges: members of a group become its first person; references follow.
  const renamed = new Map<string, string>();
  for (const group of overlay.personMerges) {
    const members = group.map((id) => out.people.find((p) => p.id === renamed.get(id) || p.id === id)).filter((p): p is Person => !!p);
    const distinct = members.filter((p, i) => members.indexOf(p) === i);
    if (distinct.length < 2) continue;
    const merged = mergePeople(distinct);
    const gone = new Set(distinct.slice(1).map((p) => p.id));
    for (const id of gone) renamed.set(id, merged.id);
    out.people = out.people.filter((p) => !gone.has(p.id)).map((p) => (p.id === merged.id ? merged : p));
  }
  for (const id of overlay.personSplits) {
    const i = out.people.findIndex((p) => p.id === id);
    if (i >= 0) out.people.splice(i, 1, ...splitPerson(out.people[i]));
  }
  if (renamed.size)
    out.delegations = out.delegations.map((d) => ({
      ...d,
      members: d.members.map((m) => (m.personId && renamed.has(m.personId) ? { ...m, personId: renamed.get(m.personId)! } : m)),
    }));

  const decisionOf = (id: string): Decision | undefined => overlay.decisions[id] ?? overlay.decisions[id.split('~')[0]];
  const decide = <S extends ItemSection>(s: S): Findings[S] =>
    (out[s] as { id: string }[]).map((item) => applyDecision(s, item, decisionOf(item.id), addedIds.has(item.id))).filter((x) => x !== null) as Findings[S];
  const rejected = out.people.filter((p) => decisionOf(p.id)?.status === 'rejected');
  const kept = decide('people');
  // A rejected person whose name a kept person also carries is not removed by name.
  const keptNames = new Set(kept.flatMap((p) => [p.name, ...p.variants]).map(nameKey));
  return withoutPeople(
    {
      people: kept,
      delegations: decide('delegations'),
      positions: decide('positions'),
      outlook: decide('outlook'),
      attacks: decide('attacks'),
    },
    rejected,
    keptNames,
  );
}

/** A piece of review work that no longer applies because its item is gone. */
export type OrphanDecision =
  | { readonly kind: 'decision'; readonly id: string; readonly decision: Decision }
  | { readonly kind: 'merge'; readonly id: string; readonly group: readonly string[] }
  | { readonly kind: 'split'; readonly id: string };

/** Decisions, merges and splits naming items that the findings (with added items) no longer hold. */
export function orphanDecisions(findings: Findings, overlay: Overlay): OrphanDecision[] {
  const ids = new Set<string>();
  for (const s of ITEM_SECTIONS) for (const item of findings[s]) ids.add(item.id);
  for (const a of overlay.added) ids.add(a.item.id);
  // People split by the overlay get ids `<id>~<article>`; decisions on them are not orphans.
  for (const p of findings.people) for (const s of p.sources) ids.add(`${p.id}~${s.article}`);
  const people = new Set([...findings.people.map((p) => p.id), ...overlay.added.filter((a) => a.section === 'people').map((a) => a.item.id)]);
  const out: OrphanDecision[] = [];
  for (const [id, decision] of Object.entries(overlay.decisions)) if (!ids.has(id)) out.push({ kind: 'decision', id, decision });
  for (const group of overlay.personMerges) for (const id of group) if (!people.has(id)) out.push({ kind: 'merge', id, group });
  for (const id of overlay.personSplits) if (!people.has(id)) out.push({ kind: 'split', id });
  return out;
}
