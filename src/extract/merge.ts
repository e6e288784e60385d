import type { Attack, Conflict, Delegation, DelegationMember, Findings, Outlook, Person, Position, SourceRef } from '../model';
import { NICKNAMES } from './lexicon/roles';
import { foldText, foldToken, nameFullness, nameParts, personId, samePerson, surnameSound } from './names';

/**
 * Merging across articles: one person per real person (spelling variants folded, see names.ts),
 * one delegation per party and meeting, one item per fact with all its sources. Where the sources disagree
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

/**
 * Ids made unique with a suffix ("~2"). A merge that runs again passes the copies it made
 * before (`renamed`), so an unchanged item keeps being the same object.
 */
function uniqueIds<T extends { id: string }>(items: T[], renamed?: WeakMap<T, T>): T[] {
  const seen = new Map<string, number>();
  return items.map((it) => {
    const n = seen.get(it.id) ?? 0;
    seen.set(it.id, n + 1);
    if (!n) return it;
    const id = `${it.id}~${n + 1}`;
    const before = renamed?.get(it);
    if (before?.id === id) return before;
    const copy = { ...it, id };
    renamed?.set(it, copy);
    return copy;
  });
}

// ---------- blocking ----------

/** Counts the exact comparisons a merge makes (the test that merging stays linear reads it). */
export interface MergeTally {
  comparisons: number;
}

// Every cross-article join below looks only at candidates that share a blocking key, so merging
// stays near-linear in the number of items; the exact test is still applied to each candidate,
// and the first matching group in creation order wins, as a full scan would choose.

/**
 * The key of a given name that `sameFirstName` (names.ts) compares equal: its folded form, or the
 * first name of its nickname row (Bill and William give "william"). Built from the same rows.
 */
const nicknameKey = new Map<string, string>();
for (const line of NICKNAMES.split('\n')) {
  const names = line.split(/[\s,]+/).filter(Boolean).map(foldToken);
  for (const n of names) nicknameKey.set(n, names[0]);
}
const firstNameKey = (first: string): string => {
  const f = foldToken(first);
  return nicknameKey.get(f) ?? f;
};

/**
 * Blocking keys of a name, such that `samePerson(a, b)` implies that a lookup key of b is an
 * index key of a. The surname part: the folded surname, and its first letter with its sound and
 * its length (near-spellings differ by at most one letter in length, so a lookup tries three
 * lengths; the sound code is four letters long, and alone it would grow one block with the
 * corpus). The given-name part, as `samePerson` compares them: the first name's key, the first
 * initial, "-" for a bare surname (which can be anyone of that surname); "*" finds every name of
 * the surname, for a bare surname looking. A name with a first name is also filed under its
 * initial ("J:") for names that give only initials, and a name with only initials under "I:".
 */
interface NameKeys {
  readonly index: string[];
  readonly lookup: string[];
}
const ARTICLE_PREFIX = /^(?:al|el|ad|as|ash|an|ar|at|az)[-\s]/i;
function nameKeys(name: string): NameKeys {
  const parts = nameParts(name);
  const sur = parts.surname;
  const index: string[] = [];
  const lookup: string[] = [];
  if (!sur) return { index, lookup };
  const initial = parts.initials[0];
  const givenIndex = ['*', ...(parts.first ? [`F:${firstNameKey(parts.first)}`, `J:${initial}`] : initial ? [`I:${initial}`] : ['-'])];
  const givenLookup = !initial ? ['*'] : [parts.first ? `F:${firstNameKey(parts.first)}` : `J:${initial}`, `I:${initial}`, '-'];
  const add = (surIndex: string[], surLookup: string[]): void => {
    for (const k of surIndex) for (const g of givenIndex) index.push(`${k}|${g}`);
    for (const k of surLookup) for (const g of givenLookup) lookup.push(`${k}|${g}`);
  };
  for (const s of ARTICLE_PREFIX.test(sur) ? [sur, sur.replace(ARTICLE_PREFIX, '')] : [sur]) {
    const folded = s.split(/[\s-]+/).map(foldToken).join('');
    if (folded) add([`f:${folded}`], [`f:${folded}`]);
    const letters = foldText(s).replace(/[^a-z]/g, '');
    if (letters) {
      const sound = `s:${letters[0]}:${surnameSound(letters)}`;
      add([`${sound}:${letters.length}`], [-1, 0, 1].map((d) => `${sound}:${letters.length + d}`));
    }
  }
  return { index, lookup };
}
/** Name keys computed once per distinct name: within one merge, or kept by a FindingsMerge across its results. */
class NameKeyTable {
  private readonly table = new Map<string, NameKeys>();
  of(name: string): NameKeys {
    let k = this.table.get(name);
    if (!k) this.table.set(name, (k = nameKeys(name)));
    return k;
  }
  ofAll(names: readonly string[]): NameKeys {
    if (names.length === 1) return this.of(names[0]);
    const all = names.map((n) => this.of(n));
    return { index: all.flatMap((k) => k.index), lookup: all.flatMap((k) => k.lookup) };
  }
}

/** Group indices by key; `candidates` returns them sorted, so the earliest group is tried first. */
class BlockIndex {
  private readonly map = new Map<string, number[]>();
  private readonly seen: number[] = [];
  private stamp = 0;
  add(keys: readonly string[], group: number): void {
    for (const key of keys) {
      const list = this.map.get(key);
      if (!list) this.map.set(key, [group]);
      else if (list[list.length - 1] !== group) list.push(group);
    }
  }
  /** `add`, returning what undoes it. */
  addUndoable(keys: readonly string[], group: number): () => void {
    const pushed: number[][] = [];
    for (const key of keys) {
      let list = this.map.get(key);
      if (!list) this.map.set(key, (list = []));
      if (list[list.length - 1] === group) continue;
      list.push(group);
      pushed.push(list);
    }
    return () => {
      for (const list of pushed) list.pop();
    };
  }
  candidates(keys: readonly string[]): number[] {
    const stamp = ++this.stamp;
    const out: number[] = [];
    for (const k of keys) {
      const list = this.map.get(k);
      if (!list) continue;
      for (const g of list) {
        if (this.seen[g] === stamp) continue;
        this.seen[g] = stamp;
        out.push(g);
      }
    }
    return out.length > 1 ? out.sort((a, b) => a - b) : out;
  }
}

// ---------- people ----------

/** The one person a cluster of reports of one person becomes: the fullest name, every variant, role and source. */
function personOfCluster(c: readonly Person[]): Person {
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
}

export function mergePeople(people: readonly Person[], tally: MergeTally = { comparisons: 0 }, keyTable = new NameKeyTable()): Person[] {
  const same = (a: string, b: string): boolean => {
    tally.comparisons++;
    return samePerson(a, b);
  };
  // full names first, so that a lone surname joins the right cluster
  const ordered = [...people].sort((a, b) => nameFullness(b.name) - nameFullness(a.name));
  const clusters: Person[][] = [];
  // per cluster, its distinct names and variants, and its members' distinct names
  const allNames: Array<Set<string>> = [];
  const mainNames: Array<Set<string>> = [];
  const index = new BlockIndex();
  for (const p of ordered) {
    const names = [p.name, ...p.variants];
    // every main name of the cluster must be the same person as p.name: its first one is the key
    const keys = keyTable.of(p.name);
    const at = index.candidates(keys.lookup).find((i) => {
      if (![...allNames[i]].some((n) => names.some((m) => same(n, m)))) return false;
      // never join two different full names ("Volodymyr X" and "Vladimir X"), whatever the variants say
      return [...mainNames[i]].every((n) => same(n, p.name));
    });
    const i = at ?? clusters.push([]) - 1;
    if (at === undefined) {
      allNames.push(new Set());
      mainNames.push(new Set());
    }
    clusters[i].push(p);
    for (const n of names) allNames[i].add(n);
    mainNames[i].add(p.name);
    if (at === undefined) index.add(keys.index, i);
  }
  return uniqueIds(clusters.map(personOfCluster));
}

/**
 * `mergePeople` one article at a time, with the same result. People are taken fullest name
 * first, so a new article's people fall inside the order, not at its end: every step of the
 * clustering is logged with its undo, and `result` rewinds to the first place a new person
 * takes, then goes on from there (usually only the bare surnames after it). A cluster whose
 * members did not change keeps its merged person (the same object), so callers can tell what
 * changed by identity.
 */
class PeopleMerge {
  /** People by name fullness, each tier in arrival order: the order is the tiers, fullest first. */
  private readonly tiers = new Map<number, Person[]>();
  private pending: Person[] = [];
  /** The people in the order they were clustered, and the undo log's length before each. */
  private order: Person[] = [];
  private marks: number[] = [];
  private readonly undo: Array<() => void> = [];
  private readonly clusters: Person[][] = [];
  private readonly allNames: Array<Set<string>> = [];
  private readonly mainNames: Array<Set<string>> = [];
  private readonly index = new BlockIndex();
  /** Per cluster, the members its merged person was made from, and that person. */
  private readonly made: Array<{ members: Person[]; person: Person }> = [];
  private readonly renamed = new WeakMap<Person, Person>();

  constructor(
    private readonly tally: MergeTally,
    private readonly keyTable: NameKeyTable,
  ) {}

  add(people: readonly Person[]): void {
    this.pending.push(...people);
  }

  private same(a: string, b: string): boolean {
    this.tally.comparisons++;
    return samePerson(a, b);
  }

  /** One step of mergePeople's loop, logged. */
  private place(p: Person): void {
    const names = [p.name, ...p.variants];
    const keys = this.keyTable.of(p.name);
    const { clusters, allNames, mainNames, undo } = this;
    const at = this.index.candidates(keys.lookup).find((i) => {
      if (![...allNames[i]].some((n) => names.some((m) => this.same(n, m)))) return false;
      return [...mainNames[i]].every((n) => this.same(n, p.name));
    });
    const i = at ?? clusters.length;
    if (at === undefined) {
      clusters.push([]);
      allNames.push(new Set());
      mainNames.push(new Set());
      undo.push(() => {
        clusters.pop();
        allNames.pop();
        mainNames.pop();
      });
    }
    clusters[i].push(p);
    undo.push(() => clusters[i].pop());
    for (const n of names) {
      if (allNames[i].has(n)) continue;
      allNames[i].add(n);
      undo.push(() => allNames[i].delete(n));
    }
    if (!mainNames[i].has(p.name)) {
      mainNames[i].add(p.name);
      undo.push(() => mainNames[i].delete(p.name));
    }
    if (at === undefined) undo.push(this.index.addUndoable(keys.index, i));
  }

  result(): Person[] {
    if (this.pending.length) {
      // The first place in the order a new person takes: the end of its tier, as it was.
      let from = this.order.length;
      for (const p of this.pending) {
        const f = nameFullness(p.name);
        let at = 0;
        for (const [g, list] of this.tiers) if (g >= f) at += list.length;
        from = Math.min(from, at);
      }
      for (const p of this.pending) {
        const f = nameFullness(p.name);
        const list = this.tiers.get(f);
        if (list) list.push(p);
        else this.tiers.set(f, [p]);
      }
      this.pending = [];
      if (from < this.order.length) {
        const mark = this.marks[from];
        while (this.undo.length > mark) (this.undo.pop() as () => void)();
      }
      this.order = [...this.tiers].sort((a, b) => b[0] - a[0]).flatMap(([, list]) => list);
      this.marks.length = from;
      for (let t = from; t < this.order.length; t++) {
        this.marks.push(this.undo.length);
        this.place(this.order[t]);
      }
    }
    const out = this.clusters.map((c, i) => {
      const m = this.made[i];
      if (m && m.members.length === c.length && m.members.every((p, k) => p === c[k])) return m.person;
      this.made[i] = { members: [...c], person: personOfCluster(c) };
      return this.made[i].person;
    });
    this.made.length = this.clusters.length;
    return uniqueIds(out, this.renamed);
  }
}

// ---------- delegations ----------

const leadersText = (d: Delegation): string =>
  d.members.filter((m) => m.leads).map((m) => m.name).join(', ') || '(no leader named)';

/** Talks a few days apart in one place are one round (reports date its days differently). */
const SAME_ROUND_DAYS = 3;
/**
 * A report that dates no day of the talks is placed by its article's date: it appears up to
 * REPORTED_AFTER days after the round it reports (or up to SAME_ROUND_DAYS before, a preview).
 * Two such reports are one round when their windows meet; two rounds at one venue weeks apart
 * are two meetings.
 */
const REPORTED_AFTER = 10;
/** Meetings are filed by time in buckets this wide, so every time a match allows lies in a neighbouring bucket. */
const BUCKET_DAYS = REPORTED_AFTER + SAME_ROUND_DAYS + 1;
const dayOf = (date: string): number => Date.parse(date) / 86_400_000;
const bucketOf = (day: number): number => Math.floor(day / BUCKET_DAYS);

/** When a report or meeting happened: the day its sentences name, else the date of the article reporting it. */
interface RoundTime {
  /** Named in the sentences (NaN: none). */
  readonly day: number;
  /** The reporting article's date (NaN: none). */
  readonly reported: number;
}
const timeOf = (date: string | null, reported: string | null): RoundTime => ({ day: date ? dayOf(date) : NaN, reported: reported ? dayOf(reported) : NaN });
const knownDay = (t: RoundTime): number | null => (!Number.isNaN(t.day) ? t.day : !Number.isNaN(t.reported) ? t.reported : null);
/** A named day inside a report's window. */
const dayInReport = (day: number, reported: number): boolean => day >= reported - REPORTED_AFTER && day <= reported + SAME_ROUND_DAYS;

/**
 * Whether two times are one round: true or false when both are known, null when either is not
 * (an article with no date, whose sentences name no day, could report any round).
 */
function sameRound(a: RoundTime, b: RoundTime): boolean | null {
  const ad = !Number.isNaN(a.day);
  const bd = !Number.isNaN(b.day);
  if (ad && bd) return Math.abs(a.day - b.day) <= SAME_ROUND_DAYS;
  if (ad && !Number.isNaN(b.reported)) return dayInReport(a.day, b.reported);
  if (bd && !Number.isNaN(a.reported)) return dayInReport(b.day, a.reported);
  if (!Number.isNaN(a.reported) && !Number.isNaN(b.reported)) return Math.abs(a.reported - b.reported) <= REPORTED_AFTER + SAME_ROUND_DAYS;
  return null;
}

interface Meeting {
  readonly order: number;
  readonly party: string;
  venue: string | null;
  /** The first day a report names, else the first report's date. */
  time: RoundTime;
  readonly group: Delegation[];
}

/**
 * One party's meetings, looked up by venue and by time bucket ('*' where not known), so that a
 * delegation is compared with the meetings it could belong to, not with every one. A meeting
 * learns its venue or time from a later delegation and is then filed under it as well (entries
 * under '*' stay; the exact test is applied to every candidate).
 */
class PartyMeetings {
  readonly all: Meeting[] = [];
  private readonly byVenue = new Map<string, Meeting[]>();
  private readonly byDay = new Map<string, Meeting[]>();
  private readonly byVenueDay = new Map<string, Meeting[]>();

  file(m: Meeting): void {
    const v = m.venue ?? '*';
    const day = knownDay(m.time);
    const b = day == null ? '*' : String(bucketOf(day));
    for (const [map, key] of [[this.byVenue, v], [this.byDay, b], [this.byVenueDay, `${v}\u0000${b}`]] as const) {
      const list = map.get(key);
      if (!list) map.set(key, [m]);
      else if (list[list.length - 1] !== m) list.push(m);
    }
  }

  candidates(venue: string | null, day: number | null): Meeting[] {
    if (venue == null && day == null) return this.all.slice(0, 1);
    const buckets = day == null ? [] : [bucketOf(day) - 1, bucketOf(day), bucketOf(day) + 1, '*'].map(String);
    const lists =
      venue == null ? buckets.map((b) => this.byDay.get(b))
      : day == null ? [venue, '*'].map((v) => this.byVenue.get(v))
      : [venue, '*'].flatMap((v) => buckets.map((b) => this.byVenueDay.get(`${v}\u0000${b}`)));
    return lists.flatMap((l) => l ?? []);
  }
}

/**
 * One meeting is one event, identified by its venue and its time: a party's delegations are
 * grouped per meeting, so talks in two places, or in two rounds weeks apart at one venue, are
 * two meetings and not a disagreement. A report's time is the day its sentences name, else its
 * article's date. A delegation with no venue or no time joins the first meeting of its party it
 * does not contradict (an article nobody dated could report any round: it joins one, and a
 * different leader there shows as the sources disagreeing, for the analyst to settle).
 * Delegations are taken in order, one at a time, so the book grows with each article.
 */
class MeetingBook {
  readonly meetings: Meeting[] = [];
  private readonly byParty = new Map<string, PartyMeetings>();
  constructor(private readonly tally: MergeTally) {}

  /** Files a delegation; `reported` is the date of the article it comes from, if known. */
  add(d: Delegation, reported: string | null = null): void {
    const venue = d.venue ? foldText(d.venue) : null;
    const time = timeOf(d.date, reported);
    let party = this.byParty.get(d.party);
    if (!party) this.byParty.set(d.party, (party = new PartyMeetings()));
    let m: Meeting | undefined;
    for (const x of party.candidates(venue, knownDay(time))) {
      if (m && x.order >= m.order) continue;
      this.tally.comparisons++;
      if (venue && x.venue && x.venue !== venue) continue;
      if (sameRound(x.time, time) === false) continue;
      m = x;
    }
    if (m) {
      m.group.push(d);
      const learnsVenue = m.venue == null && venue != null;
      const learnsDay = Number.isNaN(m.time.day) && !Number.isNaN(time.day);
      const learnsReport = Number.isNaN(m.time.day) && Number.isNaN(m.time.reported) && !Number.isNaN(time.reported);
      if (learnsVenue) m.venue = venue;
      if (learnsDay || learnsReport) m.time = { day: learnsDay ? time.day : m.time.day, reported: Number.isNaN(m.time.reported) ? time.reported : m.time.reported };
      if (learnsVenue || learnsDay || learnsReport) party.file(m);
    } else {
      m = { order: this.meetings.length, party: d.party, venue, time, group: [d] };
      this.meetings.push(m);
      party.all.push(m);
      party.file(m);
    }
  }
}

/** The one delegation a meeting's reports become, its members named as `canonical` finds them among the people. */
function delegationOfMeeting(party: string, group: readonly Delegation[], canonical: (name: string) => Person | undefined, same: (a: string, b: string) => boolean, keyTable: NameKeyTable): Delegation {
  const members: DelegationMember[] = [];
  const memberRefs: RefAccumulator[] = [];
  const memberIndex = new BlockIndex();
  for (const d of group) {
    for (const m of d.members) {
      const p = canonical(m.name);
      const name = p?.name ?? m.name;
      const keys = keyTable.of(name);
      const existing = memberIndex.candidates(keys.lookup).find((j) => same(members[j].name, name)) ?? -1;
      if (existing < 0) memberIndex.add(keys.index, members.length);
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
  return {
    id: group[0].id,
    party,
    venue: group.find((d) => d.venue)?.venue ?? null,
    date: group.find((d) => d.date)?.date ?? null,
    members: members.map((m, i) => ({ ...m, sources: memberRefs[i].refs })),
    sources: unionRefs(...group.map((d) => d.sources)),
    confidence: Math.max(...group.map((d) => d.confidence)),
    conflicts,
  };
}

/**
 * One delegation per party and meeting. `reported[i]` is the date of the article `dels[i]` comes
 * from (YYYY-MM-DD or null): it places a report whose sentences name no day.
 */
export function mergeDelegations(
  dels: readonly Delegation[],
  people: readonly Person[],
  tally: MergeTally = { comparisons: 0 },
  keyTable = new NameKeyTable(),
  reported: ReadonlyArray<string | null> = [],
): Delegation[] {
  const same = (a: string, b: string): boolean => {
    tally.comparisons++;
    return samePerson(a, b);
  };
  const peopleIndex = new BlockIndex();
  people.forEach((p, i) => peopleIndex.add(keyTable.ofAll([p.name, ...p.variants]).index, i));
  const canonical = (name: string): Person | undefined => {
    const i = peopleIndex.candidates(keyTable.of(name).lookup).find((j) => [people[j].name, ...people[j].variants].some((n) => same(n, name)));
    return i === undefined ? undefined : people[i];
  };
  const book = new MeetingBook(tally);
  dels.forEach((d, i) => book.add(d, reported[i] ?? null));
  return uniqueIds(book.meetings.map((m) => delegationOfMeeting(m.party, m.group, canonical, same, keyTable)));
}

/**
 * `mergeDelegations` one article at a time, with the same result. The meetings grow as
 * delegations come (they are taken in order). Members are named after the people of the
 * latest merge: the index of those people is kept and changed only where a person changed
 * (a new object from `PeopleMerge`), each name's person is remembered until a key it looks
 * under changes, and a meeting is made again only when its reports or its members' people did.
 */
class DelegationMerge {
  private readonly book: MeetingBook;
  /** The people the index holds, by position, and the index keys each was filed under. */
  private people: readonly Person[] = [];
  private filed: string[][] = [];
  private readonly index = new Map<string, number[]>();
  /** Per name looked up: the position of its person (-1: none); per lookup key, the names that used it. */
  private readonly found = new Map<string, number>();
  private readonly usedBy = new Map<string, Set<string>>();
  /** Per meeting, what its delegation was made from and the delegation. */
  private readonly made: Array<{ reports: number; people: Array<Person | undefined>; delegation: Delegation }> = [];
  private readonly renamed = new WeakMap<Delegation, Delegation>();

  constructor(
    private readonly tally: MergeTally,
    private readonly keyTable: NameKeyTable,
  ) {
    this.book = new MeetingBook(tally);
  }

  add(dels: readonly Delegation[], reported: string | null): void {
    for (const d of dels) this.book.add(d, reported);
  }

  private readonly same = (a: string, b: string): boolean => {
    this.tally.comparisons++;
    return samePerson(a, b);
  };

  /** Re-files the people whose object changed; forgets the names that looked under a key that changed. */
  private refile(people: readonly Person[]): void {
    const touched = new Set<string>();
    const n = Math.max(people.length, this.people.length);
    for (let j = 0; j < n; j++) {
      if (this.people[j] === people[j]) continue;
      for (const k of this.filed[j] ?? []) {
        const list = this.index.get(k) as number[];
        list.splice(list.indexOf(j), 1);
        touched.add(k);
      }
      const p = people[j];
      const keys = p ? [...new Set(this.keyTable.ofAll([p.name, ...p.variants]).index)] : [];
      for (const k of keys) {
        const list = this.index.get(k);
        if (!list) this.index.set(k, [j]);
        else {
          let at = list.length;
          while (at > 0 && list[at - 1] > j) at--;
          list.splice(at, 0, j);
        }
        touched.add(k);
      }
      this.filed[j] = keys;
    }
    this.filed.length = people.length;
    this.people = people;
    for (const k of touched) {
      const names = this.usedBy.get(k);
      if (!names) continue;
      for (const name of names) this.found.delete(name);
      this.usedBy.delete(k);
    }
  }

  private readonly canonical = (name: string): Person | undefined => {
    let j = this.found.get(name);
    if (j === undefined) {
      const lookup = this.keyTable.of(name).lookup;
      const seen = new Set<number>();
      const candidates: number[] = [];
      for (const k of lookup) {
        let users = this.usedBy.get(k);
        if (!users) this.usedBy.set(k, (users = new Set()));
        users.add(name);
        for (const i of this.index.get(k) ?? []) {
          if (seen.has(i)) continue;
          seen.add(i);
          candidates.push(i);
        }
      }
      candidates.sort((a, b) => a - b);
      const people = this.people;
      j = candidates.find((i) => [people[i].name, ...people[i].variants].some((x) => this.same(x, name))) ?? -1;
      this.found.set(name, j);
    }
    return j < 0 ? undefined : this.people[j];
  };

  result(people: readonly Person[]): Delegation[] {
    this.refile(people);
    const out = this.book.meetings.map((m, i) => {
      const made = this.made[i];
      const now = m.group.flatMap((d) => d.members.map((x) => this.canonical(x.name)));
      if (made && made.reports === m.group.length && made.people.length === now.length && made.people.every((p, k) => p === now[k])) return made.delegation;
      const delegation = delegationOfMeeting(m.party, m.group, this.canonical, this.same, this.keyTable);
      this.made[i] = { reports: m.group.length, people: now, delegation };
      return delegation;
    });
    this.made.length = out.length;
    return uniqueIds(out, this.renamed);
  }
}

// ---------- statements and attacks ----------

const SIMILAR = 0.6;
/** The distinct words of a text in the fixed order (see `words`), and as a set. */
interface TextWords {
  readonly list: readonly string[];
  readonly set: ReadonlySet<string>;
}
const wordCache = new Map<string, TextWords>();
/**
 * The distinct words (>2 letters) of a text, folded, in one fixed order: longest first, then
 * alphabetical. Any fixed order keeps prefix filtering exact; longer words are rarer, so the
 * prefixes (and the blocks) they make are small, and the order does not depend on the corpus,
 * so items can be added to a merge one article at a time.
 */
const words = (s: string): TextWords => {
  let w = wordCache.get(s);
  if (!w) {
    if (wordCache.size > 20000) wordCache.clear();
    const set = new Set(foldText(s).split(/[^a-z0-9]+/).filter((x) => x.length > 2));
    w = { list: [...set].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)), set };
    wordCache.set(s, w);
  }
  return w;
};
function similar(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (!wa.list.length || !wb.list.length) return false;
  let inter = 0;
  for (const w of wa.list) if (wb.set.has(w)) inter++;
  return inter / (wa.list.length + wb.list.length - inter) >= SIMILAR;
}

/**
 * Blocking keys for `similar` (Jaccard of words >= 0.6), by prefix filtering on pairs of words.
 * Two such texts x and y share at least ceil(0.6 |x|) words; with the words in the fixed order,
 * the two first shared words lie among the first |x| - ceil(0.6 |x|) + 2 words of each text, so
 * the pairs of those words are keys that any similar text shares. A pair is far rarer than a
 * word ("talks" alone would block most statements of a corpus together). A one-word text can
 * only be similar to the same one word.
 */
function similarKeys(text: string): string[] {
  const ws = words(text).list;
  if (ws.length < 2) return ws.map((w) => `1:${w}`);
  const prefix = Math.min(ws.length, ws.length - Math.ceil(SIMILAR * ws.length - 1e-9) + 2);
  const keys: string[] = [];
  for (let i = 0; i < prefix; i++) for (let j = i + 1; j < prefix; j++) keys.push(`${ws[i]}\u0000${ws[j]}`);
  return keys;
}

/** How one section's items are joined across articles. */
interface MergeRule<T> {
  /** True when two items state one fact (asked only of items from different articles). */
  readonly same: (a: T, b: T) => boolean;
  /** Blocking keys an item looks under: `same(a, b)` implies that one of b's is among `indexKeys(a)`. */
  readonly keys: (it: T) => string[];
  /** The keys a group's wording is filed under (default: `keys`); none for an item no other can join. */
  readonly indexKeys?: (it: T) => string[];
  /** Items with one signature answer `same` alike: a group compares each signature once. */
  readonly signature: (it: T) => string;
  /** Conflicts of a merged group (differing tolls). */
  readonly conflicts?: (group: readonly T[]) => Conflict[];
}

type Item = { id: string; sources: SourceRef[]; confidence: number; conflicts: Conflict[] };

/** The members of a group with one signature, and how many of them cite each article. */
interface Wording<T> {
  readonly item: T;
  readonly members: T[];
  readonly perArticle: Map<string, number>;
}
interface Group<T> {
  readonly items: T[];
  readonly ids: Set<string>;
  readonly wordings: Map<string, Wording<T>>;
}

/**
 * A group is compared through its first GROUP_WORDINGS distinct wordings. Beyond that a large
 * group of near-identical reports (a wire story copied by a hundred outlets) would make every
 * new item compare with every copy: merging would be quadratic. A new wording of a large group
 * still joins it when it is like one of its first wordings.
 */
const GROUP_WORDINGS = 8;
/**
 * Block purging: one blocking key holds at most BLOCK_SIZE groups (the earliest); a key shared
 * by more groups says little about which one an item belongs to, and scanning it for every item
 * would make merging quadratic. No key of the evaluation sets comes near it.
 */
const BLOCK_SIZE = 64;

const articleIds = (refs: readonly SourceRef[]): string[] => [...new Set(refs.map((r) => r.article))];

/** True when some member of the wording cites no article that `it` cites. */
function hasOtherArticle<T extends Item>(w: Wording<T>, it: T): boolean {
  const mine = articleIds(it.sources);
  if (mine.length === 0) return w.members.length > 0;
  if (mine.length === 1) return w.members.length > (w.perArticle.get(mine[0]) ?? 0);
  const set = new Set(mine);
  return w.members.some((y) => !y.sources.some((r) => set.has(r.article)));
}

/**
 * Joins items that state one fact in different articles, one item at a time: an item joins the
 * earliest group holding its id or a wording that `same` accepts from another article, so adding
 * the items of one more article gives what merging all of them at once gives.
 */
class ItemMerge<T extends Item> {
  private readonly groups: Array<Group<T>> = [];
  private readonly byKey = new Map<string, number[]>();
  private readonly byId = new Map<string, number>();
  /** Per group, its merged item as the last result made it (undefined once the group changed). */
  private readonly made: Array<T | undefined> = [];
  private readonly renamed = new WeakMap<T, T>();
  /** Per group, the last item that found it among its candidates (so each is tried once). */
  private readonly seen: number[] = [];
  private stamp = 0;

  constructor(
    private readonly rule: MergeRule<T>,
    private readonly tally: MergeTally = { comparisons: 0 },
  ) {}

  add(it: T): void {
    const keys = this.rule.keys(it);
    const idGroup = this.byId.get(it.id) ?? Infinity;
    const stamp = ++this.stamp;
    const order: number[] = [];
    for (const k of keys) {
      const block = this.byKey.get(k);
      if (!block) continue;
      for (const g of block) {
        if (g >= idGroup || this.seen[g] === stamp) continue;
        this.seen[g] = stamp;
        order.push(g);
      }
    }
    order.sort((a, b) => a - b);
    let at: number | undefined = order.find((g) => this.joins(this.groups[g], it)) ?? (idGroup === Infinity ? undefined : idGroup);
    if (at === undefined) {
      this.seen.push(0);
      this.made.push(undefined);
      at = this.groups.push({ items: [], ids: new Set(), wordings: new Map() }) - 1;
    }
    const group = this.groups[at];
    group.items.push(it);
    this.made[at] = undefined;
    if (!group.ids.has(it.id)) {
      group.ids.add(it.id);
      if (!this.byId.has(it.id) || (this.byId.get(it.id) as number) > at) this.byId.set(it.id, at);
    }
    const sig = this.rule.signature(it);
    let w = group.wordings.get(sig);
    if (!w && group.wordings.size < GROUP_WORDINGS) {
      w = { item: it, members: [], perArticle: new Map() };
      group.wordings.set(sig, w);
      for (const k of this.rule.indexKeys?.(it) ?? keys) {
        const block = this.byKey.get(k);
        if (!block) this.byKey.set(k, [at]);
        else if (block.length < BLOCK_SIZE && block[block.length - 1] !== at) block.push(at);
      }
    }
    if (w) {
      w.members.push(it);
      for (const a of articleIds(it.sources)) w.perArticle.set(a, (w.perArticle.get(a) ?? 0) + 1);
    }
  }

  private joins(g: Group<T>, it: T): boolean {
    for (const w of g.wordings.values()) {
      this.tally.comparisons++;
      if (this.rule.same(w.item, it) && hasOtherArticle(w, it)) return true;
    }
    return false;
  }

  /** The merged items: one per group, with every source, the highest confidence and the conflicts. */
  result(): T[] {
    return uniqueIds(
      this.groups.map(({ items: g }, i) => (this.made[i] ??= this.itemOf(g))),
      this.renamed,
    );
  }

  private itemOf(g: readonly T[]): T {
    if (g.length === 1) return g[0];
    let confidence = 0;
    for (const x of g) confidence = Math.max(confidence, x.confidence);
    const acc = new RefAccumulator();
    for (const x of g) acc.add(x.sources);
    return { ...g[0], sources: acc.refs, confidence, conflicts: [...g.flatMap((x) => x.conflicts), ...(this.rule.conflicts?.(g) ?? [])] };
  }
}

function mergeBy<T extends Item>(items: readonly T[], rule: MergeRule<T>, tally?: MergeTally): T[] {
  const m = new ItemMerge(rule, tally);
  for (const it of items) m.add(it);
  return m.result();
}

const POSITION_RULE: MergeRule<Position> = {
  same: (a, b) => a.party === b.party && a.kind === b.kind && similar(a.text, b.text),
  keys: (x) => similarKeys(x.text).map((w) => `${x.party}\u0000${x.kind}\u0000${w}`),
  signature: (x) => `${x.party}\u0000${x.kind}\u0000${x.text}`,
};

const OUTLOOK_RULE: MergeRule<Outlook> = {
  same: (a, b) => similar(a.text, b.text),
  keys: (x) => similarKeys(x.text),
  signature: (x) => x.text,
};

export function mergePositions(items: readonly Position[], tally?: MergeTally): Position[] {
  return mergeBy(items, POSITION_RULE, tally);
}

export function mergeOutlook(items: readonly Outlook[], tally?: MergeTally): Outlook[] {
  return mergeBy(items, OUTLOOK_RULE, tally);
}

/** Same time: equal resolved dates, or (without dates) the same words ("Saturday night"). */
const sameTime = (a: Attack, b: Attack): boolean =>
  a.date && b.date ? a.date === b.date : a.when != null && b.when != null && foldText(a.when) === foldText(b.when);

/**
 * Blocking keys of an attack, from its place and its time. Two attacks are one when their places
 * fold alike and their times agree: equal dates when both are dated, else equal time words. So
 * a dated attack is filed under its date ("d:") and its time words as a dated one ("wd:"), an
 * undated one under its time words ("wu:"); a dated attack looks under its date and the time
 * words of undated ones, an undated one under both kinds of time words. Keys by place alone
 * would put every strike on one capital, across months, in one block. An attack with no place
 * can join one whose place folds to nothing, so it looks under the empty place; it is never
 * joined itself, so it is filed nowhere.
 */
const attackPlace = (x: Attack): string => `loc:${x.location == null ? '' : foldText(x.location)}`;
function attackLookupKeys(x: Attack): string[] {
  const loc = attackPlace(x);
  const keys: string[] = [];
  if (x.date) keys.push(`${loc}\u0000d:${x.date}`);
  if (x.when != null) keys.push(`${loc}\u0000wu:${foldText(x.when)}`);
  if (x.when != null && !x.date) keys.push(`${loc}\u0000wd:${foldText(x.when)}`);
  return keys;
}
function attackIndexKeys(x: Attack): string[] {
  if (x.location == null) return [];
  const loc = attackPlace(x);
  const keys: string[] = [];
  if (x.date) keys.push(`${loc}\u0000d:${x.date}`);
  if (x.when != null) keys.push(`${loc}\u0000${x.date ? 'wd' : 'wu'}:${foldText(x.when)}`);
  return keys;
}

const ATTACK_RULE: MergeRule<Attack> = {
  same: (a, b) => a.location != null && foldText(a.location) === foldText(b.location ?? '') && sameTime(a, b),
  keys: attackLookupKeys,
  indexKeys: attackIndexKeys,
  signature: (x) => JSON.stringify([x.location == null ? null : foldText(x.location), x.date, x.when == null ? null : foldText(x.when)]),
  conflicts: (g) => {
    const out: Conflict[] = [];
    for (const field of ['attacker', 'killed', 'injured', 'target'] as const) {
      const c = conflictOf(field, g.filter((x) => x[field] != null).map((x) => ({ value: String(x[field]), sources: x.sources })));
      if (c) out.push(c);
    }
    return out;
  },
};

export function mergeAttacks(items: readonly Attack[], tally?: MergeTally): Attack[] {
  return mergeBy(items, ATTACK_RULE, tally);
}

/**
 * A merge that grows one article at a time: `add` files an article's findings, and `result`
 * gives what `mergeFindings` gives for all the articles added so far, doing again only what the
 * new articles change: positions, outlook and attacks join their groups as they come (items are
 * taken in article order); people are clustered again from the first place a new person takes
 * in the fullest-name-first order (`PeopleMerge`); delegations keep their meetings and are made
 * again where their reports or their members' people changed (`DelegationMerge`). An item that
 * did not change is the same object as in the previous result. The app keeps one per project
 * and adds each new article.
 */
export class FindingsMerge {
  private readonly keyTable = new NameKeyTable();
  private readonly people: PeopleMerge;
  private readonly delegations: DelegationMerge;
  private readonly positions: ItemMerge<Position>;
  private readonly outlook: ItemMerge<Outlook>;
  private readonly attacks: ItemMerge<Attack>;

  constructor(private readonly tally: MergeTally = { comparisons: 0 }) {
    this.people = new PeopleMerge(tally, this.keyTable);
    this.delegations = new DelegationMerge(tally, this.keyTable);
    this.positions = new ItemMerge(POSITION_RULE, tally);
    this.outlook = new ItemMerge(OUTLOOK_RULE, tally);
    this.attacks = new ItemMerge(ATTACK_RULE, tally);
  }

  /** Adds one article's findings; `published` is that article's date (YYYY-MM-DD), if known. */
  add(f: Findings, published: string | null = null): this {
    this.people.add(f.people);
    this.delegations.add(f.delegations, published);
    for (const x of f.positions) this.positions.add(x);
    for (const x of f.outlook) this.outlook.add(x);
    for (const x of f.attacks) this.attacks.add(x);
    return this;
  }

  result(): Findings {
    const people = this.people.result();
    return {
      people,
      delegations: this.delegations.result(people),
      positions: this.positions.result(),
      outlook: this.outlook.result(),
      attacks: this.attacks.result(),
    };
  }
}

/**
 * Merges the findings of several articles into one set, all at once (FindingsMerge gives the same
 * one article at a time). `published[i]` is the date of the article of `per[i]`, if known: it
 * tells rounds of talks at one venue apart when the sentences name no day.
 */
export function mergeFindings(per: readonly Findings[], tally: MergeTally = { comparisons: 0 }, published: ReadonlyArray<string | null> = []): Findings {
  const keyTable = new NameKeyTable();
  const people = mergePeople(per.flatMap((f) => f.people), tally, keyTable);
  const reported = per.flatMap((f, i) => f.delegations.map(() => published[i] ?? null));
  return {
    people,
    delegations: mergeDelegations(per.flatMap((f) => f.delegations), people, tally, keyTable, reported),
    positions: mergeBy(per.flatMap((f) => f.positions), POSITION_RULE, tally),
    outlook: mergeBy(per.flatMap((f) => f.outlook), OUTLOOK_RULE, tally),
    attacks: mergeBy(per.flatMap((f) => f.attacks), ATTACK_RULE, tally),
  };
}
