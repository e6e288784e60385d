import type { PartyMention } from '../types';

/** An article's party mentions counted once for the learned choosers (sides, attackers). */
export interface PartyTally {
  /** The mentions of each sentence, by sentence index. */
  readonly bySentence: Map<number, PartyMention[]>;
  /** How often each party is named. */
  readonly counts: Map<string, number>;
  /** Whether a party is named as a state at least once (not only as an organisation). */
  readonly state: Map<string, boolean>;
}

export function tallyParties(parties: readonly PartyMention[]): PartyTally {
  const bySentence = new Map<number, PartyMention[]>();
  const counts = new Map<string, number>();
  const state = new Map<string, boolean>();
  for (const pm of parties) {
    const l = bySentence.get(pm.sentence);
    if (l) l.push(pm);
    else bySentence.set(pm.sentence, [pm]);
    counts.set(pm.party, (counts.get(pm.party) ?? 0) + 1);
    if (!state.has(pm.party) || pm.kind !== 'organisation') state.set(pm.party, pm.kind !== 'organisation');
  }
  return { bySentence, counts, state };
}
