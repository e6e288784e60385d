import type { Attack, Conflict, Delegation, DelegationMember, Findings, Outlook, Person, Position, SourceRef } from '../model';
import { foldText, nameFullness, personId, samePerson } from './names';

/**
 * Merging across articles: one person per real person (spelling variants folded, see names.ts),
 * one delegation per party, one item per fact with all its sources. Where the sources disagree
 * (who led a delegation, a casualty count, a venue) the item keeps one value and records the
 * others in `conflicts`, each with the sources that state it; nothing is dropped silently.
 * Ids are derived from content (section and normalised key), never random.
 */

const refKey = (r: SourceRef): string => `${r.article}:${r.start}:${r.end}`;
export function unionRefs(...lists: ReadonlyArray<readonly SourceRef[]>): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const list of lists) {
    for (const r of list) {
      if (seen.has(refKey(r))) continue;
      seen.add(refKey(r));
      out.push(r);
    }
  }
  return out;
}
const articlesOf = (refs: readonly SourceRef[]): Set<string> => new Set(refs.map((r) => r.article));

/** A conflict when the values differ; values keep the sources that state them. */
function conflictOf(field: string, values: Array<{ value: string; sources: readonly SourceRef[] }>): Conflict | null {
  const byValue = new Map<string, SourceRef[]>();
  for (const v of values) byValue.set(v.value, unionRefs(byValue.get(v.value) ?? [], v.sources));
  if (byValue.size < 2) return null;
  return { field, values: [...byValue].map(([value, sources]) => ({ value, sources })) };
}

function uniqueIds<T extends { id: string }>(items: T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((it) => {
    const n = seen.get(it.id) ?? 0;
    seen.set(it.id, n + 1);
    return n ? { ...it, id: `${it.id}~${n + 1}` } : it;
  });
}

// ---------- people ----------

export function mergePeople(people: readonly Person[]): Person[] {
  // full names first, so that a lone surname joins the right cluster
  const ordered = [...people].sort((a, b) => nameFullness(b.name) - nameFullness(a.name));
  const clusters: Person[][] = [];
  for (const p of ordered) {
    const names = [p.name, ...p.variants];
    const cl = clusters.find((c) => {
      if (!c.some((q) => [q.name, ...q.variants].some((n) => names.some((m) => samePerson(n, m))))) return false;
      // never join two different full names ("Volodymyr X" and "Vladimir X"), whatever the variants say
      return c.every((q) => samePerson(q.name, p.name));
    });
    if (cl) cl.push(p);
    else clusters.push([p]);
  }
  const merged = clusters.map((c): Person => {
    if (c.length === 1) return { ...c[0], id: personId(c[0].name) };
    const best = [...c].sort((a, b) => nameFullness(b.name) - nameFullness(a.name))[0];
    const variants: string[] = [];
    for (const p of c) for (const v of [p.name, ...p.variants]) if (v !== best.name && !variants.includes(v)) variants.push(v);
    const roles: string[] = [];
    for (const p of c) for (const r of p.roles) if (!roles.some((x) => foldText(x) === foldText(r))) roles.push(r);
    const parties = c.filter((p) => p.party);
    const conflicts = c.flatMap((p) => p.conflicts);
    const pc = conflictOf('party', parties.map((p) => ({ value: p.party as string, sources: p.sources })));
    if (pc) conflicts.push(pc);
    return {
      id: personId(best.name),
      name: best.name,
      variants,
      roles,
      party: parties[0]?.party ?? null,
      sources: unionRefs(...c.map((p) => p.sources)),
      confidence: Math.max(...c.map((p) => p.confidence)),
      conflicts,
    };
  });
  return uniqueIds(merged);
}

// ---------- delegations ----------

const leadersText = (d: Delegation): string =>
  d.members.filter((m) => m.leads).map((m) => m.name).join(', ') || '(no leader named)';

export function mergeDelegations(dels: readonly Delegation[], people: readonly Person[]): Delegation[] {
  const canonical = (name: string): Person | undefined => people.find((p) => [p.name, ...p.variants].some((n) => samePerson(n, name)));
  const byParty = new Map<string, Delegation[]>();
  for (const d of dels) byParty.set(d.party, [...(byParty.get(d.party) ?? []), d]);
  const out: Delegation[] = [];
  for (const [party, group] of byParty) {
    const members: DelegationMember[] = [];
    for (const d of group) {
      for (const m of d.members) {
        const p = canonical(m.name);
        const name = p?.name ?? m.name;
        const existing = members.findIndex((x) => samePerson(x.name, name));
        if (existing >= 0) {
          const x = members[existing];
          members[existing] = { ...x, leads: x.leads || m.leads, role: x.role ?? m.role, sources: unionRefs(x.sources, m.sources) };
        } else members.push({ ...m, name, personId: p?.id ?? personId(name), role: m.role ?? p?.roles[0] ?? null });
      }
    }
    const conflicts: Conflict[] = group.flatMap((d) => d.conflicts);
    if (group.length > 1) {
      const lc = conflictOf('leaders', group.map((d) => ({ value: leadersText(d), sources: d.sources })));
      if (lc) conflicts.push(lc);
      const vc = conflictOf('venue', group.filter((d) => d.venue).map((d) => ({ value: d.venue as string, sources: d.sources })));
      if (vc) conflicts.push(vc);
    }
    out.push({
      id: group[0].id,
      party,
      venue: group.find((d) => d.venue)?.venue ?? null,
      date: group.find((d) => d.date)?.date ?? null,
      members,
      sources: unionRefs(...group.map((d) => d.sources)),
      confidence: Math.max(...group.map((d) => d.confidence)),
      conflicts,
    });
  }
  return uniqueIds(out);
}

// ---------- statements and attacks ----------

const words = (s: string): Set<string> => new Set(foldText(s).split(/[^a-z0-9]+/).filter((w) => w.length > 2));
function similar(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (!wa.size || !wb.size) return false;
  let inter = 0;
  for (const w of wa) if (wb.has(w)) inter++;
  return inter / (wa.size + wb.size - inter) >= 0.6;
}

/** Joins items that state one fact in different articles; `same` decides, `combine` keeps both sources. */
function mergeBy<T extends { id: string; sources: SourceRef[]; confidence: number; conflicts: Conflict[] }>(
  items: readonly T[],
  same: (a: T, b: T) => boolean,
  conflicts: (group: T[]) => Conflict[] = () => [],
): T[] {
  const groups: T[][] = [];
  for (const it of items) {
    const g = groups.find((x) => x.some((y) => y.id === it.id || (!sharesArticle(y, it) && same(y, it))));
    if (g) g.push(it);
    else groups.push([it]);
  }
  return uniqueIds(
    groups.map((g) =>
      g.length === 1
        ? g[0]
        : { ...g[0], sources: unionRefs(...g.map((x) => x.sources)), confidence: Math.max(...g.map((x) => x.confidence)), conflicts: [...g.flatMap((x) => x.conflicts), ...conflicts(g)] },
    ),
  );
}
const sharesArticle = (a: { sources: SourceRef[] }, b: { sources: SourceRef[] }): boolean => {
  const sa = articlesOf(a.sources);
  return b.sources.some((r) => sa.has(r.article));
};

export const mergePositions = (items: readonly Position[]): Position[] =>
  mergeBy(items, (a, b) => a.party === b.party && a.kind === b.kind && similar(a.text, b.text));

export const mergeOutlook = (items: readonly Outlook[]): Outlook[] => mergeBy(items, (a, b) => similar(a.text, b.text));

/** Same time: equal resolved dates, or (without dates) the same words ("Saturday night"). */
const sameTime = (a: Attack, b: Attack): boolean =>
  a.date && b.date ? a.date === b.date : a.when != null && b.when != null && foldText(a.when) === foldText(b.when);

export const mergeAttacks = (items: readonly Attack[]): Attack[] =>
  mergeBy(
    items,
    (a, b) => a.location != null && foldText(a.location) === foldText(b.location ?? '') && sameTime(a, b),
    (g) => {
      const out: Conflict[] = [];
      for (const field of ['attacker', 'killed', 'injured', 'target'] as const) {
        const c = conflictOf(field, g.filter((x) => x[field] != null).map((x) => ({ value: String(x[field]), sources: x.sources })));
        if (c) out.push(c);
      }
      return out;
    },
  );

/** Merges the findings of several articles into one set. */
export function mergeFindings(per: readonly Findings[]): Findings {
  const people = mergePeople(per.flatMap((f) => f.people));
  return {
    people,
    delegations: mergeDelegations(per.flatMap((f) => f.delegations), people),
    positions: mergePositions(per.flatMap((f) => f.positions)),
    outlook: mergeOutlook(per.flatMap((f) => f.outlook)),
    attacks: mergeAttacks(per.flatMap((f) => f.attacks)),
  };
}
