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

function applyDecision<T extends { id: string }>(section: ItemSection, item: T, d: Decision | undefined): T | null {
  if (!d || d.status === 'accepted') return item;
  if (d.status === 'rejected') return null;
  const merged = { ...item, ...d.fields, id: item.id };
  const parsed = SCHEMAS[section].safeParse(merged);
  // An edit that does not fit the schema (a hand-edited project file) leaves the item as extracted.
  return parsed.success ? (parsed.data as unknown as T) : item;
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

  const decide = <S extends ItemSection>(s: S): Findings[S] =>
    (out[s] as { id: string }[]).map((item) => applyDecision(s, item, overlay.decisions[item.id] ?? overlay.decisions[item.id.split('~')[0]])).filter((x) => x !== null) as Findings[S];
  return {
    people: decide('people'),
    delegations: decide('delegations'),
    positions: decide('positions'),
    outlook: decide('outlook'),
    attacks: decide('attacks'),
  };
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
