/**
 * Words that mark a capitalised name as a ship's, not a person's: a ship is named after its
 * type noun ("the cargo ship NAME", in roles.ts NON_PERSON_NOUNS) or described by the flag it
 * flies ("NAME, flying the flag of COUNTRY", "NAME, a COUNTRY-flagged tanker").
 */

/** Right after a name: "NAME, flying the flag of ...", "NAME, which sails under the flag of ...". */
export const FLAG_AFTER_NAME = /^\s*,?\s*(?:(?:which|that)\s+(?:was\s+|is\s+)?)?(?:flying|flies|flew|sailing|sails|sailed|registered)\s+(?:under\s+)?(?:the\s+)?(?:\p{L}+\s+)?flag\b|^\s*,\s*(?:an?|the)\s+(?:[\p{L}.]+\s+){0,2}?[\p{L}.]+-(?:flagged|registered)\b/u;

/**
 * Prepositions after which a lone capitalised word is a place, not a person: "in X", "off X"
 * (at sea, off a coast), "near X".
 */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'near', 'at', 'outside', 'toward', 'towards', 'into', 'across', 'around', 'inside', 'off']);
