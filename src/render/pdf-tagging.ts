/**
 * The PDF's structure tree (tagged PDF): everything hangs under one Document element; elements
 * are made when first drawn, so their order follows the reading order; content drawn again
 * (repeated table headers) and decoration are artifacts; link annotations become Link children
 * of the element being drawn.
 */
import type { Doc } from './pdf-text';

export type StructEl = PDFKit.PDFStructureElement;
export type StructOpts = { title?: string; lang?: string; alt?: string };

/** What a row's draw function gets: the document, the page and whether it draws a repeat. */
export interface DrawCtx {
  doc: Doc;
  pageIndex: number;
  /** Marks drawn content as repeated (artifact) rather than part of the structure. */
  artifact: boolean;
}

export class Tagger {
  private readonly root: StructEl;
  private readonly stack: StructEl[] = [];
  /** The element being drawn into: link annotations drawn now become its Link children. */
  private drawingInto: StructEl | null = null;

  constructor(private readonly doc: Doc) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  /** A new element under the current parent (the Document unless `within` says otherwise). */
  attach(tag: string, opts?: StructOpts): StructEl {
    const el = this.doc.struct(tag, opts ?? {});
    (this.stack[this.stack.length - 1] ?? this.root).add(el);
    return el;
  }

  /** An element under the current parent, made when first asked for. */
  lazy(tag: string, opts?: StructOpts): () => StructEl {
    let el: StructEl | null = null;
    return () => (el ??= this.attach(tag, opts));
  }

  /** A child element of the element `parent` returns, made when first asked for. */
  lazyChild(parent: () => StructEl, tag: string): () => StructEl {
    let el: StructEl | null = null;
    return () => {
      if (!el) {
        el = this.doc.struct(tag);
        parent().add(el);
      }
      return el;
    };
  }

  /** An element attached under `parent` (a TR under its Table, an LI under its L), made when first asked for. */
  lazyWithin(parent: () => StructEl, tag: string): () => StructEl {
    let el: StructEl | null = null;
    return () => {
      if (!el) {
        this.stack.push(parent());
        el = this.attach(tag);
        this.stack.pop();
      }
      return el;
    };
  }

  /** Options for a link annotation drawn now: a Link element under the element being drawn. */
  linkOptions(): { structParent?: StructEl } {
    if (!this.drawingInto) return {};
    const link = this.doc.struct('Link');
    this.drawingInto.add(link);
    return { structParent: link };
  }

  /** A Link element under `el`, for a link annotation drawn outside `tagged` (contents entries). */
  linkUnder(el: () => StructEl): StructEl {
    const l = this.doc.struct('Link');
    el().add(l);
    return l;
  }

  /** Draw inside a structure element, or as an artifact (repeated headers). */
  tagged(ctx: DrawCtx, el: () => StructEl, draw: () => void): void {
    if (ctx.artifact) {
      ctx.doc.markContent('Artifact', { type: 'Pagination' });
      draw();
      ctx.doc.endMarkedContent();
    } else {
      const target = el();
      target.add(() => {
        this.drawingInto = target;
        try {
          draw();
        } finally {
          this.drawingInto = null;
        }
      });
    }
  }

  /** Decoration (rules, fills, dots): an artifact of the layout. */
  artifact(doc: Doc, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    doc.markContent('Artifact', { type });
    draw();
    doc.endMarkedContent();
  }
}
