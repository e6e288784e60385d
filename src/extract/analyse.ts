import type { Article, Delegation } from '../model';
import { delegationsAndSides } from './delegations';
import { numberSpans } from './numbers';
import { findPartyMentions } from './parties';
import { findPeople, sidesFromSentences } from './people';
import { sideModel } from './learn/side-model';
import { statementFeatures } from './learn/statement-features';
import { splitSentences } from './sentences';
import type { AnalysedArticle, ArticlePerson } from './types';

/**
 * The shared analysis of one article: sentences, party mentions, people, number spans and the
 * learned statement detectors' features of each sentence. Party mentions
 * inside a person's name are dropped ("Jordan" in a name is not the country). A person whose
 * role names no party but whom the text places in a party's delegation gets that party; the
 * learned side chooser (learn/side-model.ts) then fills in the sides the rules leave open.
 */
export function analyseWithDelegations(article: Article): { analysed: AnalysedArticle; delegations: Delegation[] } {
  const text = article.text;
  const sentences = splitSentences(text);
  const allParties = findPartyMentions(text, sentences);
  const people = findPeople(text, sentences, allParties);
  const inName = overlapTest(people.flatMap((p) => p.mentions));
  const parties = allParties.filter((m) => !inName(m));
  const base: AnalysedArticle = { article, sentences, parties, people, numbers: numberSpans(sentences) };
  const { delegations, sides: partyOf } = delegationsAndSides(base);
  const inTeams: ArticlePerson[] = people.map((p) => (p.party || !partyOf.has(p.name) ? p : { ...p, party: partyOf.get(p.name) ?? null }));
  // the learned side chooser fills in people the evidence rows leave without a side (the
  // delegations stage above reads the rules' sides only: guessed sides there cost check delegations)
  const withParties = sidesFromSentences(text, sentences, parties, inTeams, sideModel());
  const analysed: AnalysedArticle = { ...base, people: withParties };
  return { analysed: { ...analysed, statementFeatures: statementFeatures(analysed) }, delegations };
}

/**
 * A test of whether a span overlaps any of `spans`, in logarithmic time: the spans sorted by
 * start, with the furthest end reached by each prefix; a span [a, b) overlaps one of them
 * exactly when some span starting before b ends after a.
 */
export function overlapTest(spans: ReadonlyArray<{ start: number; end: number }>): (m: { start: number; end: number }) => boolean {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const starts = sorted.map((s) => s.start);
  const reach: number[] = [];
  let furthest = -Infinity;
  for (const s of sorted) reach.push((furthest = Math.max(furthest, s.end)));
  return (m) => {
    // the number of spans that start before m.end
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < m.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1] > m.start;
  };
}

/** Sentences, party mentions and people of an article: what every detector reads. */
export function analyseArticle(article: Article): AnalysedArticle {
  return analyseWithDelegations(article).analysed;
}
