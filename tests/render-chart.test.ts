import { unzlibSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChartBlock } from '../src/compose/doctree';
import { chartPng } from '../src/render/chart-png';
import { loadRenderResources, type RenderResources } from '../src/render/resources-node';
import { treeFor } from './fixtures/findings-trees';

let res: RenderResources;
beforeAll(async () => {
  res = await loadRenderResources();
});

/** Decode our PNG (8-bit RGB, filter 0 on every row) back to pixels. */
function decode(png: Uint8Array): { w: number; h: number; px: (x: number, y: number) => string } {
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  let o = 8;
  let w = 0;
  let h = 0;
  const idat: Uint8Array[] = [];
  while (o < png.length) {
    const len = dv.getUint32(o);
    const type = String.fromCharCode(...png.slice(o + 4, o + 8));
    const data = png.slice(o + 8, o + 8 + len);
    if (type === 'IHDR') {
      w = new DataView(data.buffer).getUint32(0);
      h = new DataView(data.buffer).getUint32(4);
      expect([...data.slice(8, 13)]).toEqual([8, 2, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    o += 12 + len;
  }
  const raw = unzlibSync(idat.length === 1 ? idat[0] : new Uint8Array(idat.flatMap((c) => [...c])));
  expect(raw.length).toBe((w * 3 + 1) * h);
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return { w, h, px: (x, y) => { const i = y * (w * 3 + 1) + 1 + x * 3; return `#${hex(raw[i])}${hex(raw[i + 1])}${hex(raw[i + 2])}`; } };
}

describe('chartPng', () => {
  it('draws one bar per value, longest for the largest, in the template colour, with text pixels', () => {
    const tree = treeFor('situation', { sections: ['attacks'] });
    const composed = tree.blocks.find((b): b is ChartBlock => b.kind === 'chart')!;
    expect(composed.values).toEqual([1, 1]);
    // Values of different sizes, so that bar lengths can be told apart (strikes per day by attacker).
    const chart: ChartBlock = { ...composed, labels: ['14 Mar 2026 · Kastrava', '15 Mar 2026 · Veloria', '16 Mar 2026 · Kastrava'], values: [42, 3, 6] };
    const { png, width, height } = chartPng(chart, tree.style, res.fonts);
    const img = decode(png);
    expect([img.w, img.h]).toEqual([width, height]);
    const bar = tree.style.chartBar;
    // Each row crossing a bar has exactly that bar's length in bar-coloured pixels.
    const lengths = new Set<number>();
    for (let y = 0; y < img.h; y++) {
      let n = 0;
      for (let x = 0; x < img.w; x++) if (img.px(x, y) === bar) n++;
      if (n > 0) lengths.add(n);
    }
    expect(lengths.size).toBe(chart.values.length);
    const longest = Math.max(...lengths);
    const values = chart.values;
    // bar lengths are proportional to the values (42 : 3 : 6)
    for (const v of values) expect([...lengths].some((l) => Math.abs(l / longest - v / Math.max(...values)) < 0.02)).toBe(true);
    // labels: dark anti-aliased text pixels left of the bars
    let dark = 0;
    for (let y = 0; y < img.h; y++) for (let x = 0; x < 100; x++) if (parseInt(img.px(x, y).slice(1, 3), 16) < 80) dark++;
    expect(dark).toBeGreaterThan(200);
  });
});
