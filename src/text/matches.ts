/**
 * Every match of a global regex in a text, the same matches `text.matchAll(re)` gives, without
 * its cost: `matchAll` clones the regex on every call (a new regex object whose compiled code V8
 * looks up again) and hands the matches out through an iterator. The extraction stages call it
 * about a thousand times per article; a loop of `exec` over the regex itself ran the same matches
 * three to seven times faster.
 *
 * Like `matchAll`, it starts at the regex's `lastIndex`, steps past an empty match (by a code
 * point under the `u` or `v` flag) and leaves `lastIndex` as it found it; it refuses a regex
 * without the `g` flag. The matches are all found before it returns, so a caller's loop may use
 * the same regex again.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches: ${String(re)} needs the g flag`);
  const from = re.lastIndex;
  const unicode = re.unicode || re.flags.includes('v');
  const out: RegExpExecArray[] = [];
  try {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      out.push(m);
      if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, unicode);
    }
  } finally {
    re.lastIndex = from;
  }
  return out;
}

/** The index after `at`: one code unit, or a whole surrogate pair under the `u` flag. */
function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const c = text.charCodeAt(at);
  if (c < 0xd800 || c > 0xdbff) return at + 1;
  const d = text.charCodeAt(at + 1);
  return d >= 0xdc00 && d <= 0xdfff ? at + 2 : at + 1;
}
