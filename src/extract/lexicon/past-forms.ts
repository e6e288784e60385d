/**
 * Simple-past forms of common irregular verbs in news reporting, for reading a clause's tense
 * ("the two sides met on Tuesday", "held talks on Friday": past, so a lone weekday is the last
 * one and the meeting is not ahead). Regular pasts end in -ed and need no list. Forms that are
 * also present or base forms ("put", "set", "cut", "read") are left out: they cannot tell.
 */
export const IRREGULAR_PASTS: readonly string[] = [
  'said', 'told', 'held', 'met', 'led', 'sent', 'gave', 'made', 'went', 'came', 'took', 'left',
  'began', 'spoke', 'saw', 'brought', 'sought', 'fought', 'thought', 'bought', 'caught', 'taught',
  'won', 'lost', 'chose', 'broke', 'wrote', 'rose', 'fell', 'flew', 'drove', 'threw', 'stood',
  'knew', 'got', 'ran', 'sat', 'struck', 'shot', 'hit', 'did', 'had', 'was',
  'were', 'became', 'found', 'heard', 'kept', 'felt', 'meant', 'paid', 'laid', 'built', 'spent',
  'withdrew', 'overtook', 'undertook', 'forgave', 'swore', 'tore', 'wore', 'bore', 'stole', 'froze',
  'woke', 'drew', 'grew', 'blew', 'shook', 'slew', 'fled', 'bled', 'fed', 'dealt', 'sank', 'sprang',
  'stuck', 'swept', 'slept', 'wept', 'lent', 'bent', 'sold', 'understood', 'forbade',
];
