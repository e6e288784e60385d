// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- jsdom ships no types; see jsdom.d.ts
/// <reference path="./jsdom.d.ts" />
import { JSDOM, VirtualConsole, type MiniDocument, type MiniElement, type MiniNode } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { decodeEntities } from './markdown';
import { parseMetaDate } from './metadata';

/**
 * HTML → main content as lines, plus metadata from the page.
 *
 * Safety: jsdom is created with its defaults for scripts and resources (scripts are never
 * run, nothing external is loaded) and a silent virtual console. Nesting deeper than
 * MAX_NESTING is flattened before parsing (jsdom's parser and serializer, and Readability,
 * recurse per level and slow down sharply past a few hundred levels) and such pages skip
 * Readability for the plain block walker (Readability's cost grows steeply with depth);
 * pages with more than MAX_ELEMS elements skip Readability too; documents over
 * DOM_LIMIT characters (after scripts and styles are dropped; jsdom parses about a MB a second) skip the DOM and are read by a linear tag-stripping scan.
 */
const MAX_NESTING = 100;
const DOM_LIMIT = 1024 * 1024;
const MAX_ELEMS = 12_000;

export interface HtmlContent {
  readonly lines: string[];
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly byline: string | null;
}

export { declaredCharset } from './charset';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);

/**
 * Drops start and end tags that would nest deeper than `max`, keeping their text: a linear
 * scan, so a page of 100,000 nested `<div>`s costs one pass, not a stack overflow.
 */
export function flattenNesting(html: string, max = MAX_NESTING): { html: string; maxDepth: number } {
  const stack: string[] = [];
  const dropped = new Map<string, number>();
  let maxDepth = 0;
  let changed = false;
  const out = html.replace(/<(\/?)([a-zA-Z][\w:-]*)\b[^<>]*>/g, (tag, slash: string, rawName: string) => {
    const name = rawName.toLowerCase();
    if (VOID.has(name) || tag.endsWith('/>')) return tag;
    if (!slash) {
      if (stack.length >= max) {
        dropped.set(name, (dropped.get(name) ?? 0) + 1);
        changed = true;
        maxDepth = Math.max(maxDepth, stack.length + 1);
        return ' ';
      }
      stack.push(name);
      maxDepth = Math.max(maxDepth, stack.length);
      return tag;
    }
    const d = dropped.get(name) ?? 0;
    if (d > 0) {
      dropped.set(name, d - 1);
      return ' ';
    }
    const at = stack.lastIndexOf(name);
    if (at >= 0) stack.length = at;
    return tag;
  });
  // Dropped tags leave spaces; long runs of them slow the parser down, so collapse them.
  return { html: changed ? out.replace(/[ \t\r\n]{64,}/g, ' ') : html, maxDepth };
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'br', 'html',
]);
const SKIP_ALWAYS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'button', 'head', 'title']);
const SKIP_CHROME = new Set(['nav', 'aside', 'footer', 'header', 'form', 'menu', 'dialog']);

/**
 * Walks a DOM subtree without recursion and returns its text as lines: each block element
 * (paragraph, heading, list item, table row...) starts a new line; runs of whitespace inside
 * a line collapse to one space; `<pre>` keeps its line breaks; table cells are tab-separated.
 */
export function domToLines(root: MiniNode, dropChrome: boolean): string[] {
  const lines: string[] = [];
  let line = '';
  let pre = 0;
  const flush = (): void => {
    const t = line.replace(/[ \t\u00A0]+/g, (m) => (m.includes('\u00A0') && m.length === 1 ? '\u00A0' : ' ')).trim();
    if (t) lines.push(t);
    line = '';
  };
  type Frame = { node: MiniNode; exit: boolean };
  const stack: Frame[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop() as Frame;
    if (node.nodeType === 3) {
      const s = node.nodeValue ?? '';
      if (pre > 0) {
        const parts = s.split('\n');
        parts.forEach((p: string, i: number) => {
          if (i > 0) flush();
          line += p;
        });
      } else line += s.replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeType === 1 ? (node as MiniElement).localName : '';
    if (exit) {
      if (name === 'pre') pre--;
      if (BLOCK.has(name)) flush();
      continue;
    }
    if (SKIP_ALWAYS.has(name) || (dropChrome && SKIP_CHROME.has(name))) continue;
    if (name === 'td' || name === 'th') {
      if (line.trim()) line += '\t';
    } else if (name === 'img') {
      continue;
    }
    if (BLOCK.has(name)) flush();
    if (name === 'pre') pre++;
    stack.push({ node, exit: true });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], exit: false });
  }
  flush();
  return lines;
}

/**
 * Removes comments and script (except JSON-LD), style, svg, noscript and template elements
 * in one linear pass (an unclosed one runs to the end of the page, as in a browser).
 */
export function dropRawElements(html: string): string {
  const opener = /<!--|<(script|style|svg|noscript|template)\b/gi;
  let out = '';
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = opener.exec(html)) !== null) {
    const start = m.index;
    let end: number;
    if (m[0] === '<!--') {
      const close = html.indexOf('-->', start + 4);
      end = close < 0 ? html.length : close + 3;
    } else {
      const name = m[1].toLowerCase();
      const tagEnd = html.indexOf('>', start);
      if (name === 'script' && tagEnd > 0 && /ld\+json/i.test(html.slice(start, Math.min(tagEnd, start + 300)))) {
        opener.lastIndex = tagEnd + 1;
        continue;
      }
      const closer = new RegExp(`</${name}\\s*>`, 'gi');
      closer.lastIndex = start;
      const c = closer.exec(html);
      end = c ? c.index + c[0].length : html.length;
    }
    out += html.slice(from, start) + ' ';
    from = end;
    opener.lastIndex = end;
  }
  return from === 0 ? html : out + html.slice(from);
}

/** Text of a page without a DOM: drops scripts, styles and comments, breaks lines at block tags. */
export function stripHtml(html: string): string[] {
  const s = dropRawElements(html)
    .replace(/<\/?(?:p|div|br|li|h[1-6]|tr|blockquote|section|article|pre|ul|ol|table|hr|dd|dt|figcaption)\b[^<>]*>/gi, '\n')
    .replace(/<[^<>]*>/g, ' ');
  return decodeEntities(s)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** News-article objects in JSON-LD blocks (also inside `@graph` and arrays). */
function jsonLdArticles(doc: MiniDocument): Array<{ [k: string]: Json }> {
  const found: Array<{ [k: string]: Json }> = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, 20)) {
    let data: Json;
    try {
      data = JSON.parse(script.textContent ?? '') as Json;
    } catch {
      continue;
    }
    const queue: Array<{ v: Json; depth: number }> = [{ v: data, depth: 0 }];
    while (queue.length > 0 && found.length < 10) {
      const { v, depth } = queue.shift() as { v: Json; depth: number };
      if (depth > 6 || v === null || typeof v !== 'object') continue;
      if (Array.isArray(v)) {
        for (const x of v.slice(0, 50)) queue.push({ v: x, depth: depth + 1 });
        continue;
      }
      const type = v['@type'];
      const types = (Array.isArray(type) ? type : [type]).filter((x): x is string => typeof x === 'string');
      if (types.some((t) => /(?:Article|BlogPosting|Report)$/.test(t))) found.push(v);
      if (v['@graph']) queue.push({ v: v['@graph'], depth: depth + 1 });
    }
  }
  return found;
}

/** Names from a JSON-LD `author`/`publisher` value: a string, a Person/Organization, or a list of them. */
function ldNames(v: Json | undefined): string | null {
  if (v === undefined || v === null) return null;
  const list = Array.isArray(v) ? v : [v];
  const names = list
    .map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' && !Array.isArray(x) && typeof x.name === 'string' ? x.name : null))
    .filter((x): x is string => !!x && !/^https?:/i.test(x))
    .map((x) => x.trim())
    .filter(Boolean);
  return names.length > 0 ? Array.from(new Set(names)).join(', ') : null;
}

const str = (v: Json | undefined): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

function clean(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = decodeEntities(s).replace(/\s+/g, ' ').trim();
  return t && !/^https?:\/\//i.test(t) ? t.slice(0, 300) : null;
}

/**
 * A page title without the site's name after it: "Talks resume | Example News" → "Talks resume"
 * (and "Example News" as the outlet when the page names none). Only a short, name-like tail after
 * " | ", " - " or " — " is taken for a site name.
 */
export function splitSiteTitle(title: string | null, outlet: string | null): { title: string | null; site: string | null } {
  if (!title) return { title, site: null };
  const m = /^(.{8,}?)\s+(?:[|–—]|-|::)\s+([^|–—]{2,60})$/u.exec(title);
  if (!m) return { title, site: null };
  const tail = m[2].trim();
  const same = (a: string, b: string) => a.toLowerCase().replace(/^the\s+/, '') === b.toLowerCase().replace(/^the\s+/, '');
  if (outlet && same(tail, outlet)) return { title: m[1].trim(), site: outlet };
  const nameLike = tail.split(/\s+/).length <= 4 && /^[\p{Lu}\d]/u.test(tail) && !/[.!?]$/.test(tail) && (tail.split(/\s+/).every((w) => /^[\p{Lu}\d]/u.test(w)) || /\.(?:com|org|net|co\.uk|news)$/i.test(tail));
  return nameLike ? { title: m[1].trim(), site: tail } : { title, site: null };
}

function pageMetadata(doc: MiniDocument): Omit<HtmlContent, 'lines'> {
  // One pass over the <meta> elements (first value per key wins), then look-ups by key.
  const metas = new Map<string, string>();
  const list = doc.getElementsByTagName('meta');
  for (let i = 0; i < list.length && i < 2000; i++) {
    const el = list[i];
    const c = el.getAttribute('content')?.trim();
    if (!c) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const k = el.getAttribute(attr)?.trim().toLowerCase();
      if (k && !metas.has(k)) metas.set(k, c);
    }
  }
  const meta = (...keys: string[]): string | null => {
    for (const k of keys) {
      const c = metas.get(k.toLowerCase());
      if (c) return c;
    }
    return null;
  };
  const ld = jsonLdArticles(doc)[0];
  const title = clean(str(ld?.headline)) ?? clean(meta('og:title', 'twitter:title', 'dc.title', 'DC.title', 'headline'));
  const byline = clean(ldNames(ld?.author)) ?? clean(meta('author', 'article:author', 'byl', 'dc.creator', 'DC.creator', 'parsely-author', 'sailthru.author'));
  const outlet = clean(meta('og:site_name', 'application-name', 'publisher', 'dc.publisher', 'DC.publisher')) ?? clean(ldNames(ld?.publisher));
  const published =
    parseMetaDate(meta('article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date', 'dc.date.issued', 'DC.date.issued', 'sailthru.date', 'parsely-pub-date', 'og:published_time')) ??
    parseMetaDate(str(ld?.datePublished)) ??
    parseMetaDate(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  return { title, outlet, published, byline: byline ? byline.replace(/^by\s+/i, '') : null };
}

/**
 * Parses a page with the DOMParser of one shared, blank jsdom window. A new JSDOM per page
 * would create a new window and script context each time, and those are not reclaimed
 * promptly (about 0.5 MB per page stays in memory even after `window.close()`); documents
 * from DOMParser are plain objects that are. DOMParser documents never run scripts or load
 * resources. The shared window is replaced now and then as a precaution.
 */
let shared: { window: JSDOM['window']; uses: number } | null = null;
function parseDocument(html: string): MiniDocument {
  if (!shared || shared.uses >= 2000) {
    shared?.window.close();
    shared = { window: new JSDOM('', { contentType: 'text/html', virtualConsole: new VirtualConsole() }).window, uses: 0 };
  }
  shared.uses++;
  return new shared.window.DOMParser().parseFromString(html, 'text/html');
}

/** Reads one HTML page (already decoded to a string). */
export function htmlToContent(html: string): HtmlContent {
  // Scripts (except JSON-LD), styles, comments and inline SVG carry no article text: drop
  // them before anything else, which also keeps heavy pages under the DOM limit.
  html = dropRawElements(html);
  if (html.length > DOM_LIMIT) {
    const t = /<title[^>]*>([\s\S]{0,500}?)<\/title>/i.exec(html);
    return { lines: stripHtml(html), title: clean(t?.[1]), outlet: null, published: null, byline: null };
  }
  const { html: flat, maxDepth } = flattenNesting(html);
  // A page nested deeper than MAX_NESTING is not a normal article page: Readability's cost
  // grows steeply with depth, so such pages are read by the plain block walker instead.
  let useReadability = maxDepth <= MAX_NESTING;
  let doc: MiniDocument;
  try {
    doc = parseDocument(flat);
  } catch {
    return { lines: stripHtml(html), title: null, outlet: null, published: null, byline: null };
  }
  const meta = pageMetadata(doc);
  // Readability's cost grows fast with the element count; huge pages use the walker.
  if (doc.getElementsByTagName('*').length > MAX_ELEMS) useReadability = false;
  const docTitle = clean(doc.title);
  const firstH1 = clean(doc.querySelector('h1')?.textContent);
  let lines: string[] = [];
  let rTitle: string | null = null;
  let rByline: string | null = null;
  let rSite: string | null = null;
  let rPublished: string | null = null;
  try {
    const article = !useReadability
      ? null
      : new Readability(doc as unknown as ConstructorParameters<typeof Readability>[0], { maxElemsToParse: MAX_ELEMS * 2, charThreshold: 200, keepClasses: false }).parse();
    if (article?.content) {
      const frag = JSDOM.fragment(flattenNesting(article.content).html);
      lines = domToLines(frag, false);
      rTitle = clean(article.title);
      rByline = clean(article.byline);
      rSite = clean(article.siteName);
      rPublished = parseMetaDate(article.publishedTime);
    }
  } catch {
    // Readability gave up (too many elements, odd markup): read the whole body below.
  }
  if (lines.length === 0 && !useReadability) {
    // Readability did not run, so the document is untouched: walk it directly.
    lines = domToLines(doc.body ?? doc, true);
    if (lines.length === 0) lines = domToLines(doc.body ?? doc, false);
  } else if (lines.length === 0) {
    // Readability changed the document while trying: read a fresh copy.
    const fresh = parseDocument(flat);
    lines = domToLines(fresh.body ?? fresh, true);
    if (lines.length === 0) lines = domToLines(fresh.body ?? fresh, false);
  }
  const siteName = meta.outlet ?? rSite;
  const picked = splitSiteTitle(meta.title ?? (firstH1 && firstH1.split(' ').length >= 2 && firstH1 !== siteName ? firstH1 : null) ?? rTitle ?? docTitle, siteName);
  return {
    lines,
    title: picked.title,
    outlet: siteName ?? picked.site,
    published: meta.published ?? rPublished,
    byline: meta.byline ?? (rByline ? rByline.replace(/^by\s+/i, '') : null),
  };
}
