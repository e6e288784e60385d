/**
 * Page furniture: lines of a web page that are no part of the article ("Skip to main content",
 * "Advertisement", "Read more", "Share this article", "Sign up for …", "2 min read", photo
 * credits, a caption printed twice). Such a line is blanked at import: each of its characters
 * becomes a space, so the line is empty to every later stage while no offset moves (offsets into
 * a plain UTF-8 article stay offsets into its file). Only whole lines are blanked; words inside a
 * sentence are never touched, so every sentence the extractor cites is the source's own.
 */

/** One kind of furniture line, by name. `re` is tested against the trimmed line. */
interface FurnitureRow {
  readonly name: string;
  readonly re: RegExp;
}

/** Photo agencies and wire services credited under pictures (general, not tied to any article). */
const CREDITS = String.raw`(?:getty(?:\s+images)?|afp|ap|reuters|epa(?:-efe)?|anadolu(?:\s+agency)?|xinhua|tass|ria\s+novosti|sputnik|shutterstock|alamy|pool|file|handout|supplied)`;

export const FURNITURE_ROWS: readonly FurnitureRow[] = [
  { name: 'skip link', re: /^(?:skip\s+to\s+(?:main\s+)?(?:content|navigation|search)|back\s+to\s+top|jump\s+to\s+(?:content|navigation))$/i },
  { name: 'advertisement', re: /^(?:advertisement|advertising|sponsored(?:\s+content)?|ad|story\s+continues\s+below(?:\s+advertisement)?|scroll\s+to\s+continue(?:\s+with\s+content)?|advertisement\s*[-–—]\s*scroll\s+to\s+continue)$/i },
  { name: 'link label', re: /^(?:opens?\s+(?:in\s+)?(?:a\s+)?new\s+(?:tab|window)|external\s+link|\(?opens\s+in\s+new\s+window\)?)$/i },
  // "Read more", "READ MORE: Other headline", "Related: …", "See also: …" (a link to another article)
  { name: 'related link', re: /^(?:read\s+more|read\s+also|also\s+read|related(?:\s+(?:articles?|stories|news|coverage|content|topics))?|see\s+also|more\s+on\s+this\s+story|recommended(?:\s+stories)?|most\s+read|trending(?:\s+now)?|latest\s+news|top\s+stories|you\s+may\s+also\s+like)(?:\s*[:»›>|–—-]\s*.{0,200})?$/i },
  { name: 'share', re: /^(?:share(?:\s+(?:this|the)\s+(?:article|story|page))?|share\s+(?:on|via)\s+\S+(?:\s+\S+)?|copy\s+link|copied|print(?:\s+this\s+(?:article|page))?|e-?mail|tweet|save(?:\s+(?:article|story))?|bookmark|comments?|\d+\s+comments?|listen(?:\s+to\s+(?:this\s+)?article)?(?:\s*[·•|]?\s*\d+\s*min)?|follow\s+us(?:\s+on\s+.{1,60})?|gift\s+(?:this\s+)?article)$/i },
  // "Sign up for our daily newsletter", "Subscribe now", "Sign in to continue"
  { name: 'sign-up', re: /^(?:(?:sign\s+up|subscribe)\b(?:[^.!?]{0,100}[.!?]?)?|(?:register|log\s+in|sign\s+in)(?:\s+\S+){0,4}|already\s+a\s+subscriber\??(?:\s+\S+){0,4}|get\s+(?:our|the)\s+\S+\s+newsletter.{0,60}|newsletters?)$/i },
  { name: 'reading time', re: /^(?:\d+\s*(?:-\s*)?(?:min(?:ute)?s?|m)\.?\s+read|reading\s+time\s*:?\s*\d+\s*min(?:ute)?s?)$/i },
  { name: 'page label', re: /^(?:menu|search|close|home|more|next|previous|loading\.*|published|updated|last\s+updated|image|video|photo|audio|gallery|watch|listen|play|advert)$/i },
  // "This article is more than 8 months old"
  { name: 'age notice', re: /^this\s+(?:article|story|content)\s+is\s+more\s+than\s+\S+\s+\S+\s+old$/i },
  // "AP Photo/Jane Roe", "File Photo", "Photo: Jane Roe/AFP", "Images source: © X", "(Photo by Jane Roe/AFP via Getty Images)"
  { name: 'photo credit', re: new RegExp(String.raw`^(?:(?:${CREDITS}\s+)?photo\s*/\s*.{1,80}|file\s+(?:photo|picture|image)|(?:photo|picture|image)s?(?:\s+(?:source|credit)s?)?\s*:\s*.{1,80}|credits?\s*:\s*.{1,80}|\(?(?:photo|picture|image)\s+by\s+.{1,80}\)?)$`, 'iu') },
  // "© Jane Roe/POOL/AGENCY": a credit with a slash (a copyright line naming the outlet has none)
  { name: 'copyright credit', re: /^©\s*[^/\n]{1,60}\/.{1,60}$/u },
  // A caption that ends with its credit: "Residents inspect the site. [Getty]", "… (AFP via Getty Images)", "… (Photo: X)"
  { name: 'captioned credit', re: new RegExp(String.raw`(?:\[(?:[^\]]{0,60}\s)?${CREDITS}[^\]]{0,40}\]|\((?:[^)]{0,60}\s)?(?:photo|picture|image)s?\b[^)]{0,60}\)|\([^)]{0,60}\bvia\s+getty(?:\s+images)?\))$`, 'iu') },
];

/** The name of the furniture row a line matches, or null for a line of the article. */
export function furnitureKind(line: string): string | null {
  const t = line.trim();
  if (!t || t.length > 240) return null;
  for (const row of FURNITURE_ROWS) if (row.re.test(t)) return row.name;
  return null;
}

/** Fewest words a repeated line needs to be taken as a caption or headline printed twice. */
const REPEATED_LINE_MIN_WORDS = 4;

/** A line that repeats the one before it as pages repeat captions and headlines; short lines ("item", "Yes.") repeat in articles too. */
const isRepeatedCaption = (t: string, previous: string): boolean =>
  t === previous && t.split(/\s+/).length >= REPEATED_LINE_MIN_WORDS;

/**
 * The text with furniture lines blanked (same length, same line breaks). A line of a few words or
 * more identical to the non-empty line before it (a caption printed twice, a headline repeated as
 * a page title) is blanked too. Trailing white space at the very end is removed, as
 * `normaliseText` does.
 */
export function blankFurniture(text: string): string {
  const lines = text.split('\n');
  let previous = '';
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (!t) continue;
    if (furnitureKind(t) !== null || isRepeatedCaption(t, previous)) {
      lines[i] = ' '.repeat(lines[i].length);
      changed = true;
    }
    previous = t;
  }
  if (!changed) return text;
  const out = lines.join('\n');
  let end = out.length;
  while (end > 0 && /\s/.test(out[end - 1])) end--;
  return out.slice(0, end);
}
