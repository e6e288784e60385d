/**
 * A delegation's members as the analyst edits them (chips: remove, mark the leader, add a
 * person) and the split of a delegation into two meetings, as pure functions over the model.
 */
import type { Delegation, DelegationMember, Person, SourceRef } from '../../src/model';

export const removeMember = (members: readonly DelegationMember[], i: number): DelegationMember[] => members.filter((_, j) => j !== i);

/** Marks or unmarks one member as a leader (a team may have co-leaders; the analyst decides). */
export const toggleLeader = (members: readonly DelegationMember[], i: number): DelegationMember[] => members.map((m, j) => (j === i ? { ...m, leads: !m.leads } : m));

export const setMemberRole = (members: readonly DelegationMember[], i: number, role: string): DelegationMember[] => members.map((m, j) => (j === i ? { ...m, role: role.trim() ? role : null } : m));

/** The person a typed name stands for: by name or by one of their spellings (case and accents aside). */
export function personNamed(people: readonly Person[], name: string): Person | null {
  const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}+/gu, '').trim().toLowerCase();
  const n = fold(name);
  return people.find((p) => fold(p.name) === n || p.variants.some((v) => fold(v) === n)) ?? null;
}

/**
 * Adds a member by name: a known person brings their id, main name and first role; any other
 * name is added as typed. A name already in the team adds nothing (the same array comes back).
 */
export function addMember(members: readonly DelegationMember[], people: readonly Person[], name: string): readonly DelegationMember[] {
  const typed = name.trim();
  if (!typed) return members;
  const p = personNamed(people, typed);
  const added: DelegationMember = { personId: p?.id ?? null, name: p?.name ?? typed, role: p?.roles[0] ?? null, leads: false, sources: [] };
  if (members.some((m) => (p && m.personId === p.id) || m.name.toLowerCase() === added.name.toLowerCase())) return members;
  return [...members, added];
}

/** People of the findings who are not in the team yet (offered as chips to add). */
export const peopleOutside = (members: readonly DelegationMember[], people: readonly Person[]): Person[] =>
  people.filter((p) => !members.some((m) => m.personId === p.id || m.name === p.name));

export interface Meeting {
  readonly venue: string | null;
  readonly date: string | null;
}

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "Talks in Astana on 2026-10-12", as the table and form name a meeting. */
export function meetingLabel(m: Meeting): string {
  const where = m.venue ? `in ${m.venue}` : 'place not stated';
  return m.date ? `${where} on ${m.date}` : `${where}, date not stated`;
}

const sourceKey = (s: SourceRef): string => `${s.article}:${s.start}:${s.end}`;

/**
 * Splits a delegation that joins two meetings: the members named in `moved` go to a new
 * delegation of the same party at `meeting`, with their own source sentences; the rest stay.
 * Null when nothing would move or nothing would stay.
 */
export function splitDelegation(d: Delegation, moved: readonly string[], meeting: Meeting, newId: string): { remaining: DelegationMember[]; split: Delegation } | null {
  const go = new Set(moved);
  const leaving = d.members.filter((m) => go.has(m.name));
  const remaining = d.members.filter((m) => !go.has(m.name));
  if (leaving.length === 0 || remaining.length === 0) return null;
  const seen = new Set<string>();
  const sources = leaving.flatMap((m) => m.sources).filter((s) => (seen.has(sourceKey(s)) ? false : (seen.add(sourceKey(s)), true)));
  return {
    remaining,
    split: { id: newId, party: d.party, venue: meeting.venue, date: meeting.date, members: leaving, sources, confidence: 1, conflicts: [] },
  };
}
