import type { Attack, Conflict, Delegation, DelegationMember, Findings, Outlook, Person, Position, SourceRef } from '../model';
import { foldText, foldToken, nameFullness, nameParts, personId, samePerson, surnameSound } from './names';

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

/** Sources gathered one list at a time, each once, in first-seen order (unionRefs without re-scanning). */
class RefAccumulator {
  readonly refs: SourceRef[] = [];
  private readonly seen = new Set<string>();
  add(list: readonly SourceRef[]): this {
    for (const r of list) {
      const k = refKey(r);
      if (this.seen.has(k)) continue;
      this.seen.add(k);
      this.refs.push(r);
    }
    return this;
  }
}

/** A conflict when the values differ; values keep the sources that state them. */
function conflictOf(field: string, values: Array<{ value: string; sources: readonly SourceRef[] }>): Conflict | null {
  const byValue = new Map<string, RefAccumulator>();
  for (const v of values) {
    const acc = byValue.get(v.value);
    if (acc) acc.add(v.sources);
    else byValue.set(v.value, new RefAccumulator().add(v.sources));
  }
  if (byValue.size < 2) return null;
  return { field, values: [...byValue].map(([value, acc]) => ({ value, sources: acc.refs })) };
}

function uniqueIds<T extends { id: string }>(items: T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((it) => {
    const n = seen.get(it.id) ?? 0;
    seen.set(it.id, n + 1);
    return n ? { ...it, id: `${it.id}~${n + 1}` } : it;
  });
}

// ---------- blocking ----------

// Every cross-article join below looks only at candidates that share a blocking key, so merging
// stays near-linear in the number of items; the exact test is still applied to each candidate,
// and the first matching group in creation order wins, as a full scan would choose.

/** Keys such that `sameSurname(a, b)` implies a shared key: the folded surname, and its first letter with its sound. */
const ARTICLE_PREFIX = /^(?:al|el|ad|as|ash|an|ar|at|az)[-\s]/i;
function surnameKeys(name: string): string[] {
  const sur = nameParts(name).surname;
  if (!sur) return [];
  const keys: string[] = [];
  for (const s of ARTICLE_PREFIX.test(sur) ? [sur, sur.replace(ARTICLE_PREFIX, '')] : [sur]) {
    const folded = s.split(/[\s-]+/).map(foldToken).join('');
    if (folded) keys.push(`f:${folded}`);
    const letters = foldText(s).replace(/[^a-z]/g, '');
    if (letters) keys.push(`s:${letters[0]}:${surnameSound(letters)}`);
  }
  return keys;
}

/** Group indices by key; `candidates` returns them sorted, so the earliest group is tried first. */
class BlockIndex {
  private readonly map = new Map<string, Set<number>>();
  add(key: string, group: number): void {
    const set = this.map.get(key);
    if (!set) this.map.set(key, new Set([group]));
    else set.add(group);
  }
  candidates(keys: Iterable<string>): number[] {
    const out = new Set<number>();
    for (const k of keys) for (const g of this.map.get(k) ?? []) out.add(g);
    return [...out].sort((a, b) => a - b);
  }
}

// ---------- people ----------

export function mergePeople(people: readonly Person[]): Person[] {
  // full names first, so that a lone surname joins the right cluster
  const ordered = [...people].sort((a, b) => nameFullness(b.name) - nameFullness(a.name));
  const clusters: Person[][] = [];
  // per cluster, its distinct names and variants, and its members' distinct names
  const allNames: Array<Set<string>> = [];
  const mainNames: Array<Set<string>> = [];
  const index = new BlockIndex();
  for (const p of ordered) {
    const names = [p.name, ...p.variants];
    const keys = names.flatMap(surnameKeys);
    const at = index.candidates(keys).find((i) => {
      if (![...allNames[i]].some((n) => names.some((m) => samePerson(n, m)))) return false;
      // never join two different full names ("Volodymyr X" and "Vladimir X"), whatever the variants say
      return [...mainNames[i]].every((n) => samePerson(n, p.name));
    });
    const i = at ?? clusters.push([]) - 1;
    if (at === undefined) {
      allNames.push(new Set());
      mainNames.push(new Set());
    }
    clusters[i].push(p);
    for (const n of names) allNames[i].add(n);
    mainNames[i].add(p.name);
    for (const k of keys) index.add(k, i);
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

/** Days between two YYYY-MM-DD dates. */
const daysApart = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

/** Talks a few days apart in one place are one round (reports date its days differently). */
const SAME_ROUND_DAYS = 3;

/**
 * One meeting is one event: a party's delegations are grouped per meeting, so talks in two
 * places, or weeks apart, are two meetings and not a disagreement about the venue. A
 * delegation with no venue or date joins the first meeting of its party it does not contradict.
 */
function meetingsOf(dels: readonly Delegation[]): Array<[string, Delegation[]]> {
  const meetings: Array<{ party: string; venue: string | null; date: string | null; group: Delegation[] }> = [];
  for (const d of dels) {
    const venue = d.venue ? foldText(d.venue) : null;
    const m = meetings.find(
      (x) => x.party === d.party && (!venue || !x.venue || x.venue === venue) && (!d.date || !x.date || daysApart(x.date, d.date) <= SAME_ROUND_DAYS),
    );
    if (m) {
      m.group.push(d);
      m.venue ??= venue;
      m.date ??= d.date;
    } else meetings.push({ party: d.party, venue, date: d.date, group: [d] });
  }
  return meetings.map((m) => [m.party, m.group]);
}

export function mergeDelegations(dels: readonly Delegation[], people: readonly Person[]): Delegation[] {
  const peopleIndex = new BlockIndex();
  people.forEach((p, i) => {
    for (const n of [p.name, ...p.variants]) for (const k of surnameKeys(n)) peopleIndex.add(k, i);
  });
  const canonical = (name: string): Person | undefined => {
    const i = peopleIndex.candidates(surnameKeys(name)).find((j) => [people[j].name, ...people[j].variants].some((n) => samePerson(n, name)));
    return i === undefined ? undefined : people[i];
  };
  const out: Delegation[] = [];
  for (const [party, group] of meetingsOf(dels)) {
    const members: DelegationMember[] = [];
    const memberRefs: RefAccumulator[] = [];
    const memberIndex = new BlockIndex();
    for (const d of group) {
      for (const m of d.members) {
        const p = canonical(m.name);
        const name = p?.name ?? m.name;
        const keys = surnameKeys(name);
        const existing = memberIndex.candidates(keys).find((j) => samePerson(members[j].name, name)) ?? -1;
        if (existing < 0) for (const k of keys) memberIndex.add(k, members.length);
        if (existing >= 0) {
          const x = members[existing];
          members[existing] = { ...x, leads: x.leads || m.leads, role: x.role ?? m.role };
          memberRefs[existing].add(m.sources);
        } else {
          members.push({ ...m, name, personId: p?.id ?? personId(name), role: m.role ?? p?.roles[0] ?? null });
          memberRefs.push(new RefAccumulator().add(m.sources));
        }
      }
    }
    const conflicts: Conflict[] = group.flatMap((d) => d.conflicts);
    if (group.length > 1) {
      const lc = conflictOf('leaders', group.map((d) => ({ value: leadersText(d), sources: d.sources })));
      if (lc) conflicts.push(lc);
    }
    out.push({
      id: group[0].id,
      party,
      venue: group.find((d) => d.venue)?.venue ?? null,
      date: group.find((d) => d.date)?.date ?? null,
      members: members.map((m, i) => ({ ...m, sources: memberRefs[i].refs })),
      sources: unionRefs(...group.map((d) => d.sources)),
      confidence: Math.max(...group.map((d) => d.confidence)),
      conflicts,
    });
  }
  return uniqueIds(out);
}

// ---------- statements and attacks ----------

const SIMILAR = 0.6;
const wordCache = new Map<string, Set<string>>();
const words = (s: string): Set<string> => {
  let w = wordCache.get(s);
  if (!w) {
    if (wordCache.size > 20000) wordCache.clear();
    w = new Set(foldText(s).split(/[^a-z0-9]+/).filter((x) => x.length > 2));
    wordCache.set(s, w);
  }
  return w;
};
function similar(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (!wa.size || !wb.size) return false;
  let inter = 0;
  for (const w of wa) if (wb.has(w)) inter++;
  return inter / (wa.size + wb.size - inter) >= SIMILAR;
}

/**
 * Joins items that state one fact in different articles; `same` decides, `combine` keeps both sources.
 * `keys` gives blocking keys such that `same(a, b)` implies a shared key (see the note on blocking).
 */
function mergeBy<T extends { id: string; sources: SourceRef[]; confidence: number; conflicts: Conflict[] }>(
  items: readonly T[],
  same: (a: T, b: T) => boolean,
  keys: (it: T) => string[],
  signature: (it: T) => string,
  conflicts: (group: T[]) => Conflict[] = () => [],
): T[] {
  const groups: T[][] = [];
  // per group: its ids, and its members by signature (members with one signature answer `same` alike)
  const ids: Array<Set<string>> = [];
  const bySig: Array<Map<string, T[]>> = [];
  const index = new BlockIndex();
  const joins = (i: number, it: T): boolean => {
    if (ids[i].has(it.id)) return true;
    for (const ys of bySig[i].values()) if (same(ys[0], it) && ys.some((y) => !sharesArticle(y, it))) return true;
    return false;
  };
  for (const it of items) {
    const ks = [`id:${it.id}`, ...keys(it)];
    const at = index.candidates(ks).find((i) => joins(i, it));
    const i = at ?? groups.push([]) - 1;
    if (at === undefined) {
      ids.push(new Set());
      bySig.push(new Map());
    }
    groups[i].push(it);
    ids[i].add(it.id);
    const sig = signature(it);
    const list = bySig[i].get(sig);
    if (list) list.push(it);
    else bySig[i].set(sig, [it]);
    for (const k of ks) index.add(k, i);
  }
  return uniqueIds(
    groups.map((g) =>
      g.length === 1
        ? g[0]
        : { ...g[0], sources: unionRefs(...g.map((x) => x.sources)), confidence: Math.max(...g.map((x) => x.confidence)), conflicts: [...g.flatMap((x) => x.conflicts), ...conflicts(g)] },
    ),
  );
}

/**
 * Blocking keys for `similar` (Jaccard of words >= 0.6): prefix filtering. With the words of each
 * text ordered rarest first, two sets that similar share a word among the first
 * |w| - ceil(0.6 |w|) + 1 of each, so only those words are keys.
 */
function similarKeys(texts: readonly string[]): (text: string) => string[] {
  const freq = new Map<string, number>();
  for (const t of texts) for (const w of words(t)) freq.set(w, (freq.get(w) ?? 0) + 1);
  return (text: string): string[] => {
    const ws = [...words(text)].sort((a, b) => (freq.get(a) ?? 0) - (freq.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
    const prefix = ws.length - Math.ceil(SIMILAR * ws.length - 1e-9) + 1;
    return ws.slice(0, Math.max(0, prefix));
  };
}
const sharesArticle = (a: { sources: SourceRef[] }, b: { sources: SourceRef[] }): boolean => {
  const sa = articlesOf(a.sources);
  return b.sources.some((r) => sa.has(r.article));
};

export function mergePositions(items: readonly Position[]): Position[] {
  const k = similarKeys(items.map((x) => x.text));
  return mergeBy(
    items,
    (a, b) => a.party === b.party && a.kind === b.kind && similar(a.text, b.text),
    (x) => k(x.text).map((w) => `${x.party}\u0000${x.kind}\u0000${w}`),
    (x) => `${x.party}\u0000${x.kind}\u0000${x.text}`,
  );
}

export function mergeOutlook(items: readonly Outlook[]): Outlook[] {
  const k = similarKeys(items.map((x) => x.text));
  return mergeBy(items, (a, b) => similar(a.text, b.text), (x) => k(x.text), (x) => x.text);
}

/** Same time: equal resolved dates, or (without dates) the same words ("Saturday night"). */
const sameTime = (a: Attack, b: Attack): boolean =>
  a.date && b.date ? a.date === b.date : a.when != null && b.when != null && foldText(a.when) === foldText(b.when);

/**
 * Blocking keys of an attack: its place with its date, and its place with its time words. Two
 * attacks that `same` joins share one of them (equal dates when both are dated, else equal time
 * words), and the keys cannot collapse a large corpus into one block the way place alone did
 * (every strike on one capital, across months).
 */
function attackKeys(x: Attack, anyEmpty: boolean): string[] {
  if (x.location == null && !anyEmpty) return [];
  const loc = `loc:${x.location == null ? '' : foldText(x.location)}`;
  const keys: string[] = [];
  if (x.date) keys.push(`${loc}\u0000d:${x.date}`);
  if (x.when != null) keys.push(`${loc}\u0000w:${foldText(x.when)}`);
  return keys;
}

export function mergeAttacks(items: readonly Attack[]): Attack[] {
  // an empty location equals a missing one in `same`, so both share the empty key when there is one
  const anyEmpty = items.some((x) => x.location != null && foldText(x.location) === '');
  return mergeBy(
    items,
    (a, b) => a.location != null && foldText(a.location) === foldText(b.location ?? '') && sameTime(a, b),
    (x) => attackKeys(x, anyEmpty),
    (x) => JSON.stringify([x.location == null ? null : foldText(x.location), x.date, x.when == null ? null : foldText(x.when)]),
    (g) => {
      const out: Conflict[] = [];
      for (const field of ['attacker', 'killed', 'injured', 'target'] as const) {
        const c = conflictOf(field, g.filter((x) => x[field] != null).map((x) => ({ value: String(x[field]), sources: x.sources })));
        if (c) out.push(c);
      }
      return out;
    },
  );
}

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
