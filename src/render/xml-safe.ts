/**
 * One sanitiser for everything that reaches a DOCX part: XML 1.0 allows only
 * #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; we also drop the
 * other Unicode noncharacters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF in every plane) and lone
 * surrogates, which Word and LibreOffice refuse.
 */
import type { Block, DocTree, Inline } from '../compose/doctree';

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;

/** `s` without any character XML 1.0 forbids or Unicode calls a noncharacter. */
export const xmlSafe = (s: string): string => s.replace(FORBIDDEN, '');

const runs = (rs: readonly Inline[]): Inline[] => rs.map((r) => (r.kind === 'text' ? { ...r, text: xmlSafe(r.text) } : r));

function block(b: Block): Block {
  switch (b.kind) {
    case 'heading':
      return { ...b, text: xmlSafe(b.text), id: xmlSafe(b.id) };
    case 'paragraph':
      return { ...b, runs: runs(b.runs) };
    case 'list':
      return { ...b, items: b.items.map(runs) };
    case 'table':
      return { ...b, caption: b.caption ? runs(b.caption) : null, columns: b.columns.map((c) => ({ ...c, header: xmlSafe(c.header) })), rows: b.rows.map((r) => r.map(runs)) };
    case 'chart':
      return { ...b, title: xmlSafe(b.title), labels: b.labels.map(xmlSafe), description: xmlSafe(b.description) };
    case 'toc':
      return { ...b, title: xmlSafe(b.title) };
    case 'pageBreak':
      return b;
  }
}

/** A copy of the tree whose every string is XML-safe (document, notes, sources, properties). */
export function xmlSafeTree(tree: DocTree): DocTree {
  const slots = (s: DocTree['header']) => ({ left: xmlSafe(s.left), center: xmlSafe(s.center), right: xmlSafe(s.right) });
  const tb = tree.titleBlock;
  const opt = (s: string | null) => (s === null ? null : xmlSafe(s));
  return {
    ...tree,
    language: xmlSafe(tree.language),
    titleBlock: { ...tb, title: xmlSafe(tb.title), subtitle: opt(tb.subtitle), dateText: xmlSafe(tb.dateText), author: xmlSafe(tb.author), marking: xmlSafe(tb.marking), kindLabel: xmlSafe(tb.kindLabel), draft: opt(tb.draft) },
    header: slots(tree.header),
    footer: slots(tree.footer),
    blocks: tree.blocks.map(block),
    notesTitle: xmlSafe(tree.notesTitle),
    notes: tree.notes.map((n) => ({ ...n, quote: opt(n.quote) })),
    sources: tree.sources.map((s) => ({ ...s, outlet: opt(s.outlet), title: opt(s.title), location: xmlSafe(s.location) })),
  };
}
