import type { Article, Delegation } from '../model';
import { findDelegations } from './delegations';
import { numberSpans } from './numbers';
import { findPartyMentions } from './parties';
import { findPeople, sidesFromSentences } from './people';
import { splitSentences } from './sentences';
import type { AnalysedArticle, ArticlePerson } from './types';

/**
 * The shared analysis of one article: sentences, party mentions and people. Party mentions
 * inside a person's name are dropped ("Jordan" in a name is not the country). A person whose
 * role names no party but whom the text places in a party's delegation gets that party.
 */
export function analyseWithDelegations(article: Article): { analysed: AnalysedArticle; delegations: Delegation[] } {
  const text = article.text;
  const sentences = splitSentences(text);
  const allParties = findPartyMentions(text, sentences);
  const people = findPeople(text, sentences, allParties);
  const spans = people.flatMap((p) => p.mentions);
  const parties = allParties.filter((m) => !spans.some((s) => m.start < s.end && s.start < m.end));
  const base: AnalysedArticle = { article, sentences, parties, people, numbers: numberSpans(sentences) };
  const delegations = findDelegations(base);
  const partyOf = new Map<string, string>();
  for (const d of delegations) for (const m of d.members) if (!partyOf.has(m.name)) partyOf.set(m.name, d.party);
  const inTeams: ArticlePerson[] = people.map((p) => (p.party || !partyOf.has(p.name) ? p : { ...p, party: partyOf.get(p.name) ?? null }));
  const withParties = sidesFromSentences(text, sentences, parties, inTeams);
  return { analysed: { ...base, people: withParties }, delegations };
}

/** Sentences, party mentions and people of an article: what every detector reads. */
export function analyseArticle(article: Article): AnalysedArticle {
  return analyseWithDelegations(article).analysed;
}
