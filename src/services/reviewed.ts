/**
 * The findings as the analyst reviewed them, the one function the preview, the exports and the
 * review screen share: the overlay applied (`applyOverlay`), and then people's decisions
 * carried into the delegations that name them: a rejected person leaves every delegation
 * table, and a member who is a known person is printed under that person's reviewed name
 * (after an edit, or a merge that chose another main name).
 */
import type { Delegation, DelegationMember, Findings, Overlay, Person } from '../model';
import { applyOverlay } from '../review/apply';

const key = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** People the analyst rejected, by id and by every name they go by. */
export function rejectedPeople(findings: Findings, overlay: Overlay): { ids: Set<string>; names: Set<string> } {
  const ids = new Set<string>();
  const names = new Set<string>();
  const added = overlay.added.filter((a) => a.section === 'people').map((a) => a.item as Person);
  for (const p of [...findings.people, ...added]) {
    if (overlay.decisions[p.id]?.status !== 'rejected') continue;
    ids.add(p.id);
    for (const n of [p.name, ...p.variants]) names.add(key(n));
  }
  // A merge group takes the decision of its main (first) person.
  for (const g of overlay.personMerges) if (g[0] && ids.has(g[0])) for (const id of g) ids.add(id);
  return { ids, names };
}

/** Members of a delegation after people's decisions: rejected people out, names as reviewed. */
export function reviewedMembers(members: readonly DelegationMember[], people: ReadonlyMap<string, Person>, rejected: { ids: Set<string>; names: Set<string> }): DelegationMember[] {
  return members
    .filter((m) => !(m.personId && rejected.ids.has(m.personId)) && !(m.personId === null && rejected.names.has(key(m.name))))
    .map((m) => {
      const p = m.personId ? people.get(m.personId) : undefined;
      return p && p.name !== m.name ? { ...m, name: p.name } : m;
    });
}

export function reviewedFindings(findings: Findings, overlay: Overlay): Findings {
  const out = applyOverlay(findings, overlay);
  const rejected = rejectedPeople(findings, overlay);
  const people = new Map(out.people.map((p) => [p.id, p]));
  // Merged-away ids point at the group's main person.
  for (const g of overlay.personMerges) {
    const main = g.map((id) => people.get(id)).find((p) => p);
    if (main) for (const id of g) if (!people.has(id)) people.set(id, main);
  }
  const delegations: Delegation[] = out.delegations.map((d) => ({ ...d, members: reviewedMembers(d.members, people, rejected) }));
  return { ...out, delegations };
}
