import type { Article, Conflict, Findings, SourceRef } from '../model';

/**
 * The JSON contract of `briefsmith extract --json` (see the evaluation README): plain data,
 * `null` for unknowns, party names as plain country or organisation names, and every item
 * with the sentences it comes from.
 *
 * So that extract → edit → build (`briefsmith build --data`) loses nothing the briefing shows,
 * items also carry what the sources disagree on (`conflicts`, only when they do) and whether the
 * analyst reviewed them (`reviewed`, only when set); articles carry their `url` when known.
 */

export interface ContractRef {
  article: string;
  sentence: string;
  start: number;
  end: number;
}
/** One field the sources disagree on, each value with the sentences that state it. */
export interface ContractConflict {
  field: string;
  values: Array<{ value: string; sources: ContractRef[] }>;
}
/** Written only when they say something: conflicts when there are any, reviewed when set. */
interface ItemExtras {
  conflicts?: ContractConflict[];
  reviewed?: boolean;
}
export interface ContractJson {
  articles: Array<{ id: string; path: string | null; title: string | null; source: string | null; published: string | null; url?: string }>;
  people: Array<{ name: string; variants: string[]; role: string | null; party: string | null; sources: ContractRef[] } & ItemExtras>;
  delegations: Array<{ party: string; venue: string | null; date: string | null; members: Array<{ name: string; role: string | null; leads: boolean }>; sources: ContractRef[] } & ItemExtras>;
  positions: Array<{ party: string | null; kind: string; text: string; speaker: string | null; sources: ContractRef[] } & ItemExtras>;
  outlook: Array<{ text: string; who: string | null; horizon: string | null; date: string | null; sources: ContractRef[] } & ItemExtras>;
  attacks: Array<
    {
      attacker: string | null;
      location: string | null;
      when: string | null;
      date: string | null;
      weapons: Array<{ type: string; count: number | null; label: string }>;
      killed: number | null;
      injured: number | null;
      intercepted: number | null;
      target: string | null;
      /** A figure adding up several days or strikes (left out of totals). */
      aggregate: boolean;
      sources: ContractRef[];
    } & ItemExtras
  >;
}

const refs = (rs: readonly SourceRef[]): ContractRef[] => rs.map((r) => ({ article: r.article, sentence: r.sentence, start: r.start, end: r.end }));

const extras = (i: { conflicts?: readonly Conflict[]; reviewed?: boolean }): ItemExtras => ({
  ...(i.conflicts?.length ? { conflicts: i.conflicts.map((c) => ({ field: c.field, values: c.values.map((v) => ({ value: v.value, sources: refs(v.sources) })) })) } : {}),
  ...(i.reviewed !== undefined ? { reviewed: i.reviewed } : {}),
});

export function toContractJson(articles: readonly Article[], findings: Findings): ContractJson {
  return {
    articles: articles.map((a) => ({
      id: a.id,
      path: a.origin.kind === 'file' ? a.origin.path : null,
      title: a.title,
      source: a.outlet,
      published: a.published,
      ...(a.url ? { url: a.url } : {}),
    })),
    people: findings.people.map((p) => ({ name: p.name, variants: [...p.variants], role: p.roles[0] ?? null, party: p.party, sources: refs(p.sources), ...extras(p) })),
    delegations: findings.delegations.map((d) => ({
      party: d.party,
      venue: d.venue,
      date: d.date,
      members: d.members.map((m) => ({ name: m.name, role: m.role, leads: m.leads })),
      sources: refs(d.sources),
      ...extras(d),
    })),
    positions: findings.positions.map((p) => ({ party: p.party, kind: p.kind, text: p.text, speaker: p.speaker, sources: refs(p.sources), ...extras(p) })),
    outlook: findings.outlook.map((o) => ({ text: o.text, who: o.who, horizon: o.horizon, date: o.date, sources: refs(o.sources), ...extras(o) })),
    attacks: findings.attacks.map((a) => ({
      attacker: a.attacker,
      location: a.location,
      when: a.when,
      date: a.date,
      weapons: a.weapons.map((w) => ({ type: w.type, count: w.count, label: w.label })),
      killed: a.killed,
      injured: a.injured,
      intercepted: a.intercepted,
      target: a.target,
      aggregate: a.aggregate,
      sources: refs(a.sources),
      ...extras(a),
    })),
  };
}
