/**
 * A bar chart (DocTree `ChartBlock`) rasterised to PNG in pure JS, for DOCX: bars are filled
 * rectangles, text is drawn from the embedded font's glyph outlines (fontkit) with 4×4
 * supersampled anti-aliasing, and the PNG is encoded with fflate's zlib. No native modules.
 */
import { zlibSync } from 'fflate';
import type { ChartBlock, DocStyle } from '../compose/doctree';
import { fontkitFont } from './fontkit-cache';

interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  args: number[];
}
interface FkGlyph {
  path: { commands: PathCommand[] };
}
interface FkFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  layout(text: string): { glyphs: FkGlyph[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
}

const openFont = (bytes: Uint8Array): FkFont => fontkitFont<FkFont>(bytes);

const hex = (c: string): [number, number, number] => [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];

class Canvas {
  readonly px: Uint8Array;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.px = new Uint8Array(w * h * 3).fill(255);
  }
  blend(x: number, y: number, rgb: [number, number, number], a: number) {
    if (x < 0 || y < 0 || x >= this.w || y >= this.h || a <= 0) return;
    const i = (y * this.w + x) * 3;
    for (let k = 0; k < 3; k++) this.px[i + k] = Math.round(this.px[i + k] * (1 - a) + rgb[k] * a);
  }
  rect(x: number, y: number, w: number, h: number, colour: string) {
    const rgb = hex(colour);
    for (let yy = Math.max(0, Math.round(y)); yy < Math.min(this.h, Math.round(y + h)); yy++)
      for (let xx = Math.max(0, Math.round(x)); xx < Math.min(this.w, Math.round(x + w)); xx++) this.blend(xx, yy, rgb, 1);
  }
  /** Width of `text` at `size` pixels. */
  static textWidth(font: FkFont, text: string, size: number): number {
    const run = font.layout(text);
    return run.positions.reduce((s, p) => s + p.xAdvance, 0) * (size / font.unitsPerEm);
  }
  /** Draw text with its baseline at y. */
  text(font: FkFont, text: string, x: number, baseline: number, size: number, colour: string) {
    const S = 4;
    const scale = size / font.unitsPerEm;
    const run = font.layout(text);
    const width = Math.ceil(Canvas.textWidth(font, text, size)) + 2;
    const top = Math.floor(baseline - font.ascent * scale) - 1;
    const height = Math.ceil((font.ascent - font.descent) * scale) + 2;
    const mw = width * S;
    const mh = height * S;
    // Edges of all glyph outlines, in mask coordinates.
    const edges: [number, number, number, number][] = [];
    let penX = 0;
    run.glyphs.forEach((g, gi) => {
      const pos = run.positions[gi];
      const ox = (x - Math.floor(x)) + (penX + pos.xOffset) * scale;
      const tx = (ux: number) => (ox + ux * scale) * S;
      const ty = (uy: number) => (baseline - top - (uy + pos.yOffset) * scale) * S;
      let cx = 0;
      let cy = 0;
      let sx = 0;
      let sy = 0;
      const line = (x1: number, y1: number) => {
        edges.push([tx(cx), ty(cy), tx(x1), ty(y1)]);
        cx = x1;
        cy = y1;
      };
      for (const c of g.path.commands) {
        const a = c.args;
        if (c.command === 'moveTo') {
          if (cx !== sx || cy !== sy) line(sx, sy);
          cx = sx = a[0];
          cy = sy = a[1];
        } else if (c.command === 'lineTo') line(a[0], a[1]);
        else if (c.command === 'quadraticCurveTo') {
          const [x0, y0] = [cx, cy];
          for (let t = 1; t <= 8; t++) {
            const u = t / 8;
            line((1 - u) ** 2 * x0 + 2 * (1 - u) * u * a[0] + u * u * a[2], (1 - u) ** 2 * y0 + 2 * (1 - u) * u * a[1] + u * u * a[3]);
          }
        } else if (c.command === 'bezierCurveTo') {
          const [x0, y0] = [cx, cy];
          for (let t = 1; t <= 10; t++) {
            const u = t / 10;
            const v = 1 - u;
            line(v ** 3 * x0 + 3 * v * v * u * a[0] + 3 * v * u * u * a[2] + u ** 3 * a[4], v ** 3 * y0 + 3 * v * v * u * a[1] + 3 * v * u * u * a[3] + u ** 3 * a[5]);
          }
        } else if (c.command === 'closePath') line(sx, sy);
      }
      if (cx !== sx || cy !== sy) line(sx, sy);
      penX += pos.xAdvance;
    });
    // Non-zero scanline fill into a coverage count per pixel.
    const cover = new Uint16Array(width * height);
    const xs: { x: number; d: number }[] = [];
    for (let my = 0; my < mh; my++) {
      const yc = my + 0.5;
      xs.length = 0;
      for (const [x1, y1, x2, y2] of edges) {
        if (y1 === y2) continue;
        if ((yc >= y1 && yc < y2) || (yc >= y2 && yc < y1)) xs.push({ x: x1 + ((yc - y1) / (y2 - y1)) * (x2 - x1), d: y2 > y1 ? 1 : -1 });
      }
      if (!xs.length) continue;
      xs.sort((p, q) => p.x - q.x);
      let wind = 0;
      for (let i = 0; i < xs.length - 1; i++) {
        wind += xs[i].d;
        if (wind === 0) continue;
        const from = Math.max(0, Math.round(xs[i].x));
        const to = Math.min(mw, Math.round(xs[i + 1].x));
        const row = Math.floor(my / S) * width;
        for (let mx = from; mx < to; mx++) cover[row + Math.floor(mx / S)]++;
      }
    }
    const rgb = hex(colour);
    const x0 = Math.floor(x);
    for (let yy = 0; yy < height; yy++) for (let xx = 0; xx < width; xx++) {
      const c = cover[yy * width + xx];
      if (c) this.blend(x0 + xx, top + yy, rgb, Math.min(1, c / (S * S)));
    }
  }
  png(): Uint8Array {
    const raw = new Uint8Array((this.w * 3 + 1) * this.h);
    for (let y = 0; y < this.h; y++) raw.set(this.px.subarray(y * this.w * 3, (y + 1) * this.w * 3), y * (this.w * 3 + 1) + 1);
    const ihdr = new Uint8Array(13);
    const dv = new DataView(ihdr.buffer);
    dv.setUint32(0, this.w);
    dv.setUint32(4, this.h);
    ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
    const chunks = [chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))];
    const sig = [137, 80, 78, 71, 13, 10, 26, 10];
    const out = new Uint8Array(8 + chunks.reduce((s, c) => s + c.length, 0));
    out.set(sig, 0);
    let o = 8;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * The chart as a PNG `widthPx` wide (height follows from the number of bars), at `k` pixels per
 * point of `style` sizes (300 dpi: k = 300 / 72). Returns the bytes and the size in pixels.
 */
export function chartPng(chart: ChartBlock, style: DocStyle, fonts: { regular: Uint8Array; bold: Uint8Array }, widthPx = 1000, k = 2.2): { png: Uint8Array; width: number; height: number } {
  const reg = openFont(fonts.regular);
  const bold = openFont(fonts.bold);
  const size = style.smallSize * k;
  const barH = Math.round(size * 1.6);
  const gap = Math.round(size * 0.7);
  const pad = Math.round(size * 0.6);
  const titleH = Math.round(size * 2);
  const height = pad + titleH + chart.values.length * (barH + gap) + pad;
  const c = new Canvas(widthPx, height);
  c.text(bold, chart.title, pad, pad + size, size, style.accent);
  const labelW = Math.min(widthPx * 0.3, Math.max(...chart.labels.map((l) => Canvas.textWidth(reg, l, size))) + size);
  const max = Math.max(1, ...chart.values);
  const valueW = Canvas.textWidth(bold, String(max), size) + size;
  const plotW = widthPx - 2 * pad - labelW - valueW;
  let y = pad + titleH;
  chart.labels.forEach((label, i) => {
    const w = Math.max(2, (chart.values[i] / max) * plotW);
    const base = y + barH / 2 + size * 0.35;
    c.text(reg, label, pad, base, size, style.text);
    c.rect(pad + labelW, y, w, barH, style.chartBar);
    c.text(bold, String(chart.values[i]), pad + labelW + w + size * 0.4, base, size, style.text);
    y += barH + gap;
  });
  c.rect(pad + labelW - 1, pad + titleH - gap / 2, 2, y - gap / 2 - (pad + titleH - gap / 2), style.muted);
  return { png: c.png(), width: widthPx, height };
}
