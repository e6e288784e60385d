// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- fontkit ships no types, and tests/ compiles src/ only through imports
/// <reference path="./fontkit.d.ts" />
/**
 * Parsed fonts (fontkit), kept per font file between exports: parsing a full TTF and shaping
 * words again for every export is most of the cost of a PDF. Keyed by the bytes' identity, so
 * `loadRenderResources()` (which caches its bytes) gets the same parsed font every time.
 */
import * as fontkit from 'fontkit';

const parsed = new WeakMap<Uint8Array, unknown>();
const layouts = new WeakMap<Uint8Array, Record<string, unknown>>();

export function fontkitFont<T>(bytes: Uint8Array): T {
  let f = parsed.get(bytes);
  if (!f) {
    const create = (fontkit as unknown as { create: (b: Uint8Array) => unknown }).create;
    f = create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    parsed.set(bytes, f);
  }
  return f as T;
}

/** pdfkit's per-font cache of shaped words, shared between documents using the same font file. */
export function layoutCache(bytes: Uint8Array): Record<string, unknown> {
  let c = layouts.get(bytes);
  if (!c || Object.keys(c).length > 100_000) layouts.set(bytes, (c = Object.create(null) as Record<string, unknown>));
  return c;
}
