import { Lexer, type Token, type Tokens } from 'marked';
import { LimitError, MAX_MARKDOWN_DEPTH, count } from './limits';

/**
 * Markdown → plain text with marked's lexer (no HTML is rendered): headings, paragraphs,
 * list items, quotes and table rows each become one line; emphasis is dropped, links keep
 * their text, images their alt text, code its content. Soft line breaks inside a paragraph
 * become spaces, so a paragraph stays one line. Returns the first heading too.
 *
 * Very deep nesting (`>>>>...`) could exhaust marked's recursion: a RangeError there, or
 * nesting deeper than MAX_DEPTH in our own walk, falls back to the raw source text.
 */
const MAX_DEPTH = 64;

export interface MarkdownText {
  readonly text: string;
  readonly firstHeading: string | null;
}

/**
 * How deep lists and quotations nest, from the source in one linear pass (marked's cost grows
 * steeply with depth: 2,000 nested list levels took minutes and gigabytes). List depth follows
 * the indentation of list markers; quotation depth counts leading `>` markers.
 */
export function markdownDepth(source: string): number {
  const indents: number[] = [];
  let deepest = 0;
  let from = 0;
  const isSpace = (c: string): boolean => c === ' ' || c === '\t';
  const width = (a: number, b: number): number => {
    let w = 0;
    for (let i = a; i < b; i++) w += source[i] === '\t' ? 4 : 1;
    return w;
  };
  while (from <= source.length) {
    let end = source.indexOf('\n', from);
    if (end < 0) end = source.length;
    // One scan of the line's start: indentation, quotation markers, indentation, a list marker.
    let i = from;
    while (i < end && isSpace(source[i])) i++;
    let indent = width(from, i);
    let quotes = 0;
    while (i < end && source[i] === '>') {
      quotes++;
      i++;
      if (i < end && isSpace(source[i])) i++;
      const s = i;
      while (i < end && isSpace(source[i])) i++;
      indent += width(s, i);
    }
    let j = i;
    const c = source[j];
    let marker = false;
    if (c === '-' || c === '*' || c === '+') marker = true;
    else if (c >= '0' && c <= '9') {
      while (j < end && j - i < 9 && source[j] >= '0' && source[j] <= '9') j++;
      marker = source[j] === '.' || source[j] === ')';
    }
    if (marker && (j + 1 >= end || isSpace(source[j + 1]))) {
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
    } else if (i < end && i === from) indents.length = 0;
    deepest = Math.max(deepest, indents.length + quotes);
    from = end + 1;
  }
  return deepest;
}

export function markdownToText(source: string): MarkdownText {
  const depth = markdownDepth(source);
  if (depth > MAX_MARKDOWN_DEPTH) {
    throw new LimitError(`the Markdown nests lists or quotations ${count(depth)} levels deep, over the ${count(MAX_MARKDOWN_DEPTH)} limit`);
  }
  let tokens: Token[];
  try {
    tokens = new Lexer({ gfm: true }).lex(source);
  } catch {
    return { text: source, firstHeading: null };
  }
  const lines: string[] = [];
  let firstHeading: string | null = null;
  const block = (toks: readonly Token[], depth: number): void => {
    for (const t of toks) {
      switch (t.type) {
        case 'heading': {
          const h = inline((t as Tokens.Heading).tokens, depth + 1).trim();
          if (h) {
            lines.push(h);
            firstHeading ??= h;
          }
          break;
        }
        case 'paragraph':
        case 'text': {
          const withTokens = t as Tokens.Paragraph | Tokens.Text;
          const s = 'tokens' in withTokens && withTokens.tokens ? inline(withTokens.tokens, depth + 1) : decodeEntities(withTokens.text);
          pushParagraph(lines, s);
          break;
        }
        case 'blockquote':
          if (depth > MAX_DEPTH) pushParagraph(lines, (t as Tokens.Blockquote).text);
          else block((t as Tokens.Blockquote).tokens, depth + 1);
          break;
        case 'list':
          for (const item of (t as Tokens.List).items) {
            if (depth > MAX_DEPTH) pushParagraph(lines, item.text);
            else block(item.tokens, depth + 1);
          }
          break;
        case 'code':
          for (const l of (t as Tokens.Code).text.split('\n')) lines.push(l);
          break;
        case 'table': {
          const table = t as Tokens.Table;
          const row = (cells: Tokens.TableCell[]): string => cells.map((c) => inline(c.tokens, depth + 1).trim()).join('\t');
          lines.push(row(table.header));
          for (const r of table.rows) lines.push(row(r));
          break;
        }
        case 'html':
          pushParagraph(lines, stripTags(dropRaw((t as Tokens.HTML).text)));
          break;
        default:
          // space, hr, def (link reference definitions): nothing to read
          break;
      }
    }
  };
  // Inside an inline <script> or <style> (opened and closed by separate html tokens), text is code, not article text.
  let rawUntil: RegExp | null = null;
  const inline = (toks: readonly Token[] | undefined, depth: number): string => {
    if (!toks) return '';
    let out = '';
    for (const t of toks) {
      if (rawUntil) {
        if (t.type === 'html' && rawUntil.test((t as Tokens.HTML).text)) rawUntil = null;
        continue;
      }
      if (t.type === 'html') {
        const open = RAW_OPEN.exec((t as Tokens.HTML).text);
        if (open && !new RegExp(`</${open[1]}\\s*>`, 'i').test((t as Tokens.HTML).text)) {
          rawUntil = new RegExp(`</${open[1]}\\s*>`, 'i');
          continue;
        }
      }
      switch (t.type) {
        case 'text':
        case 'escape': {
          const x = t as Tokens.Text;
          out += x.tokens && depth <= MAX_DEPTH ? inline(x.tokens, depth + 1) : decodeEntities(x.text);
          break;
        }
        case 'codespan':
          out += decodeEntities((t as Tokens.Codespan).text);
          break;
        case 'br':
          out += ' ';
          break;
        case 'image':
          out += (t as Tokens.Image).text;
          break;
        case 'html':
          out += stripTags(dropRaw((t as Tokens.HTML).text));
          break;
        default: {
          const x = t as { tokens?: Token[]; text?: string };
          out += x.tokens && depth <= MAX_DEPTH ? inline(x.tokens, depth + 1) : decodeEntities(x.text ?? '');
        }
      }
    }
    return out;
  };
  try {
    block(tokens, 0);
  } catch (e) {
    if (e instanceof RangeError) return { text: source, firstHeading: null };
    throw e;
  }
  return { text: lines.join('\n'), firstHeading };
}

function pushParagraph(lines: string[], s: string): void {
  const p = s.replace(/[ \t]*\n[ \t]*/g, ' ').replace(/[ \t]{2,}/g, ' ').trim();
  if (p) lines.push(p);
}

const RAW_OPEN = /<(script|style|noscript|template|svg|iframe|textarea|title)\b/i;
/** Removes script, style and similar elements with their content (an unclosed one runs to the end). */
const dropRaw = (s: string): string => s.replace(/<(script|style|noscript|template|svg|iframe|textarea|title)\b[^]*?(?:<\/\1\s*>|$)/gi, ' ');

const stripTags = (s: string): string => decodeEntities(s.replace(/<[^<>]*>/g, ' '));

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', mdash: '—', ndash: '–', hellip: '…', laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”' };

/** The HTML entities Markdown files use in practice; unknown ones stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}
