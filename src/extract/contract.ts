import type { Article, Findings, SourceRef } from '../model';

/**
 * The JSON contract of `briefsmith extract --json` (see the evaluation README): plain data,
 * `null` for unknowns, party names as plain country or organisation names, and every item
 * with the sentences it comes from.
 */

export interface ContractRef {
  article: string;
  sentence: string;
  start: number;
  end: number;
}
export interface ContractJson {
  articles: Array<{ id: string; path: string | null; title: string | null; source: string | null; published: string | null }>;
  people: Array<{ name: string; variants: string[]; role: string | null; party: string | null; sources: ContractRef[] }>;
  delegations: Array<{ party: string; venue: string | null; members: Array<{ name: string; role: string | null; leads: boolean }>; sources: ContractRef[] }>;
  positions: Array<{ party: string | null; kind: string; text: string; speaker: string | null; sources: ContractRef[] }>;
  outlook: Array<{ text: string; who: string | null; sources: ContractRef[] }>;
  attacks: Array<{
    attacker: string | null;
    location: string | null;
    when: string | null;
    date: string | null;
    weapons: Array<{ type: string; count: number | null }>;
    killed: number | null;
    injured: number | null;
    target: string | null;
    sources: ContractRef[];
  }>;
}

const refs = (rs: readonly SourceRef[]): ContractRef[] => rs.map((r) => ({ article: r.article, sentence: r.sentence, start: r.start, end: r.end }));

export function toContractJson(articles: readonly Article[], findings: Findings): ContractJson {
  return {
    articles: articles.map((a) => ({
      id: a.id,
      path: a.origin.kind === 'file' ? a.origin.path : null,
      title: a.title,
      source: a.outlet,
      published: a.published,
    })),
    people: findings.people.map((p) => ({ name: p.name, variants: [...p.variants], role: p.roles[0] ?? null, party: p.party, sources: refs(p.sources) })),
    delegations: findings.delegations.map((d) => ({
      party: d.party,
      venue: d.venue,
      members: d.members.map((m) => ({ name: m.name, role: m.role, leads: m.leads })),
      sources: refs(d.sources),
    })),
    positions: findings.positions.map((p) => ({ party: p.party, kind: p.kind, text: p.text, speaker: p.speaker, sources: refs(p.sources) })),
    outlook: findings.outlook.map((o) => ({ text: o.text, who: o.who, sources: refs(o.sources) })),
    attacks: findings.attacks.map((a) => ({
      attacker: a.attacker,
      location: a.location,
      when: a.when,
      date: a.date,
      weapons: a.weapons.map((w) => ({ type: w.type, count: w.count })),
      killed: a.killed,
      injured: a.injured,
      target: a.target,
      sources: refs(a.sources),
    })),
  };
}
