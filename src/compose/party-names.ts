/**
 * A party's name inside a sentence of the bottom line: which names take "the" ("the United
 * States met …", "according to the Rapid Support Forces") and which take a plural verb ("the
 * Houthis want", but "the United States wants"). General grammar rows, not a list of parties.
 */

/** Names a sentence gives "the": unions, republics, kingdoms and plural names. */
const THE_NAMES = /^(?:United|Democratic|Islamic|Federal|European|African|Arab|Central|Dominican|Czech|Holy|Gulf)\b|\b(?:Forces|Islands|Emirates|States|Kingdom|Nations|Union|Republic|Federation|Alliance|Coalition|Front|Movement|Army|Council|Government|Authority|Philippines|Netherlands|Bahamas|Maldives|Seychelles|Comoros|Gambia|Houthis|Taliban)$/u;

/** Names ending in -s that are one country or body, so take a singular verb. */
const SINGULAR_IN_S = /\b(?:States|Nations|Emirates|Philippines|Netherlands|Bahamas|Maldives|Seychelles|Comoros|Islands|Hamas|Laos|Barbados|Cyprus|Belarus|Mauritius|Honduras|Paraguay|Kiribati|Tuvalu)$/u;

/** The party as a sentence names it: "the United States", "the Rapid Support Forces", "Sudan". */
export function theParty(party: string): string {
  const p = party.trim();
  if (/^the\s/i.test(p)) return p;
  return THE_NAMES.test(p) ? `the ${p}` : p;
}

/** Whether the party takes a plural verb ("the Houthis want", "the Rapid Support Forces say"). */
export const pluralParty = (party: string): boolean => /s$/i.test(party.trim()) && !SINGULAR_IN_S.test(party.trim());
