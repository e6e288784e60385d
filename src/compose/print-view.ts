/**
 * The findings as print shows them (the data and the review keep everything):
 * - position and outlook texts that stop short are completed from their sentences (item-text.ts);
 * - a role that opens with a preposition or conjunction ("to International") is a misread, not a role,
 *   and one that opens with a verb of saying starts at its title;
 * - a person is printed when the reader learns something: an analyst accepted them, or they hold
 *   a role, sit in a delegation, or speak for a printed item. Unreviewed names with none of these
 *   stay in review;
 * - a name the sources only show inside a longer proper name ("the Peaceful Reunification of the
 *   Country", "International Humanitarian Law") is no person: unless accepted, it is neither
 *   listed nor printed as a speaker.
 */
import type { Findings, Person } from '../model';
import { completed } from './item-text';

/** A role that opens with a function word was read from the words around a name, not a title. */
const MISREAD_ROLE = /^(?:to|of|in|for|at|by|with|from|and|or|as|on|into|than)\b/u;
/** A verb of saying before the title ("informed the public Russian Deputy Minister …"): the title starts at its first capital. */
const SAYING_LEAD = /^(?:said|told|informed|added|noted|stated|announced|explained|reported|wrote)\b[^\p{Lu}]*/u;

/** The role as print shows it, or null when it is no role. */
export function printedRole(role: string | null): string | null {
  const r = role?.trim() ?? '';
  if (!r || MISREAD_ROLE.test(r)) return null;
  const lead = SAYING_LEAD.exec(r);
  if (!lead) return r;
  const rest = r.slice(lead[0].length).trim();
  return rest || null;
}
export const usableRoles = (roles: readonly string[]): string[] => roles.map(printedRole).filter((r): r is string => r !== null);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when every time the sources name `name` it is the inside of a longer proper name: right
 * after "the" or a capitalised word that is not the sentence's first, or right before "of the"
 * or "of" and a capital. A person's name is never seen only so (titles before a name are the
 * reason the test needs the role too: see `printable`).
 */
export function onlyInsideLongerName(name: string, sentences: readonly string[]): boolean {
  const re = new RegExp(`(^|[^\\p{L}\\p{M}])${escape(name)}(?![\\p{L}\\p{M}])`, 'gu');
  let seen = 0;
  for (const s of sentences) {
    for (const m of s.matchAll(re)) {
      seen++;
      const before = s.slice(0, m.index + m[1].length);
      const after = s.slice(m.index + m[0].length);
      const inside = /\bthe\s+$/u.test(before) || /\S\s+\p{Lu}[\p{L}\p{M}'’-]*\s+$/u.test(before) || /^\s+of\s+(?:the\s+|\p{Lu})/u.test(after);
      if (!inside) return false;
    }
  }
  return seen > 0;
}

const lastWord = (s: string): string => s.trim().split(/\s+/).pop()?.toLowerCase() ?? '';

/**
 * What the people annex says of a person: other spellings only ("Kiper (also Kipper)"), not the
 * name with a title or a part of it ("Mayor Terekhov", "Terekhov"); a role once, not again as a
 * part of a longer one ("Mayor" beside "Kharkiv mayor").
 */
export function tidyPerson(p: Person): Person {
  const surname = lastWord(p.name);
  const variants = p.variants.filter((v) => lastWord(v) !== surname);
  const roles = p.roles.filter((r, i) => !p.roles.some((o, j) => j !== i && o.length > r.length && o.toLowerCase().includes(r.toLowerCase())));
  return variants.length === p.variants.length && roles.length === p.roles.length ? p : { ...p, variants, roles };
}

/** The names of a person, for matching speakers and members. */
const namesOf = (p: Person): string[] => [p.name, ...p.variants].map((n) => n.trim().toLowerCase());

export function printedFindings(f: Findings): Findings {
  const positions = f.positions.map(completed);
  const outlook = f.outlook.map(completed);
  const seated = new Set(f.delegations.flatMap((d) => d.members.map((m) => m.name.trim().toLowerCase())));
  const speaking = new Set([...positions.map((p) => p.speaker), ...outlook.map((o) => o.who)].filter((x): x is string => !!x).map((x) => x.trim().toLowerCase()));
  const misread = new Set<string>();
  const people: Person[] = [];
  for (const p of f.people) {
    const roles = usableRoles(p.roles);
    const shown = tidyPerson(roles.length === p.roles.length && roles.every((r, i) => r === p.roles[i]) ? p : { ...p, roles });
    if (p.reviewed) {
      people.push(shown);
      continue;
    }
    const names = namesOf(p);
    if (!roles.length && onlyInsideLongerName(p.name, p.sources.map((r) => r.sentence))) {
      for (const n of names) misread.add(n);
      continue;
    }
    if (roles.length || names.some((n) => seated.has(n) || speaking.has(n))) people.push(shown);
  }
  const speaker = (who: string | null): string | null => (who && misread.has(who.trim().toLowerCase()) ? null : who);
  const delegations = f.delegations.map((d) =>
    d.members.every((m) => printedRole(m.role) === m.role) ? d : { ...d, members: d.members.map((m) => ({ ...m, role: printedRole(m.role) })) },
  );
  return {
    ...f,
    people,
    delegations,
    positions: positions.map((p) => (speaker(p.speaker) === p.speaker ? p : { ...p, speaker: null })),
    outlook: outlook.map((o) => (speaker(o.who) === o.who ? o : { ...o, who: null })),
  };
}
