import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The bundled sample articles (assets/samples) are what `npm run demo` and the app's
 * "open samples" read. These checks keep them well-formed: the header layout the importers
 * rely on, the length, the typography, the format copies in step with their .txt source, and
 * (when the seed articles are present beside the repo) no text borrowed from them.
 */
const SAMPLES = fileURLToPath(new URL('../assets/samples', import.meta.url));
const FORMATS = join(SAMPLES, 'formats');
const SEEDS = fileURLToPath(new URL('../../shared/seeds', import.meta.url));

const txtFiles = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
const read = (path: string): string => readFileSync(path, 'utf8');
const linesOf = (text: string): string[] => text.replace(/\n+$/, '').split('\n');
const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;
const decodeEntities = (s: string): string =>
  s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

const MONTHS = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

describe('bundled sample articles', () => {
  it('has at least three .txt articles', () => {
    expect(txtFiles.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(txtFiles)('%s', (file) => {
    const text = read(join(SAMPLES, file));
    const lines = linesOf(text);
    const [headline, outlet, published, byline] = lines;
    const body = lines.slice(4);

    it('is clean UTF-8 text: NFC, \\n line endings, no BOM, no blank lines', () => {
      expect(text.normalize('NFC')).toBe(text);
      expect(text).not.toMatch(/\r|^\uFEFF/);
      expect(text.endsWith('\n')).toBe(true);
      expect(lines.every((l) => l.trim().length > 0 && l === l.trim())).toBe(true);
    });

    it('starts with headline, outlet, published line (2026) and byline', () => {
      expect(headline.length).toBeGreaterThan(20);
      expect(headline.length).toBeLessThan(200);
      expect(headline).not.toMatch(/[.!]$/);
      expect(outlet.length).toBeGreaterThan(3);
      expect(outlet).not.toMatch(/^By |\d/);
      expect(published).toMatch(/\b2026\b/);
      expect(published).toMatch(MONTHS);
      expect(byline).toMatch(/^By [A-Z]/);
    });

    it('has 500–900 words of body in several paragraphs', () => {
      const n = words(body.join(' '));
      expect(n).toBeGreaterThanOrEqual(500);
      expect(n).toBeLessThanOrEqual(900);
      expect(body.length).toBeGreaterThanOrEqual(8);
    });

    it('uses typographic quotes and apostrophes, never straight ones', () => {
      expect(text).not.toMatch(/["']/);
      expect(text).toMatch(/“[^”]+”/);
      expect(text).toMatch(/’/);
      // Every opening quote is closed before the paragraph ends.
      for (const p of body) expect((p.match(/“/g) ?? []).length).toBe((p.match(/”/g) ?? []).length);
    });
  });

  it('uses em dashes and writes at least one name in Cyrillic', () => {
    const all = txtFiles.map((f) => read(join(SAMPLES, f))).join('\n');
    expect(all).toMatch(/ — /);
    expect(all).toMatch(/\([\u0400-\u04FF]+ [\u0400-\u04FF]+\)/);
  });

  it('has a README saying the texts are original and fictional', () => {
    const readme = read(join(SAMPLES, 'README.md'));
    expect(readme).toMatch(/original fictional texts written for Briefsmith/);
  });
});

describe('format copies in assets/samples/formats', () => {
  const mdFiles = readdirSync(FORMATS).filter((f) => f.endsWith('.md'));
  const htmlFiles = readdirSync(FORMATS).filter((f) => f.endsWith('.html'));

  it('has one Markdown and one HTML copy, each of a bundled .txt', () => {
    expect(mdFiles.length).toBeGreaterThanOrEqual(1);
    expect(htmlFiles.length).toBeGreaterThanOrEqual(1);
    for (const f of [...mdFiles, ...htmlFiles]) expect(txtFiles).toContain(f.replace(/\.(md|html)$/, '.txt'));
  });

  it.each(mdFiles)('%s has the .txt headline as H1 and every body paragraph', (file) => {
    const md = read(join(FORMATS, file));
    const lines = linesOf(read(join(SAMPLES, file.replace(/\.md$/, '.txt'))));
    expect(md.split('\n')[0]).toBe(`# ${lines[0]}`);
    expect(md).toMatch(/^## /m);
    const plain = md.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/(\*\*|\*)/g, '');
    for (const p of lines.slice(4)) expect(plain).toContain(p);
  });

  it.each(htmlFiles)('%s has the metadata, the page chrome to drop and every body paragraph', (file) => {
    const html = read(join(FORMATS, file));
    const lines = linesOf(read(join(SAMPLES, file.replace(/\.html$/, '.txt'))));
    const meta = (attr: string, name: string): string | undefined =>
      new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`).exec(html)?.[1];
    expect(meta('property', 'og:title')).toBe(lines[0]);
    expect(meta('property', 'og:site_name')).toBe(lines[1]);
    expect(meta('property', 'article:published_time')).toMatch(/^2026-\d\d-\d\dT/);
    expect(meta('name', 'author')).toBe(lines[3].replace(/^By /, ''));
    expect(html).toMatch(/<nav[\s>][\s\S]*<\/nav>/);
    expect(html).toMatch(/<footer[\s>][\s\S]*<\/footer>/);
    expect(html).toMatch(/<article>[\s\S]*<\/article>/);
    const paragraphs = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => decodeEntities(m[1].replace(/<[^>]+>/g, '')));
    for (const p of lines.slice(4)) expect(paragraphs).toContain(p);
  });
});

describe('no text borrowed from the seed articles', () => {
  const present = existsSync(SEEDS);
  const seedTexts = present ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => read(join(SEEDS, f))) : [];
  const samples = [...txtFiles.map((f) => join(SAMPLES, f)), ...readdirSync(FORMATS).map((f) => join(FORMATS, f))].map(read);
  const tokens = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

  it.skipIf(!present)('shares no run of seven words with a seed article (needs ../shared/seeds)', () => {
    const shingles = (s: string): Set<string> => {
      const t = tokens(s);
      return new Set(t.slice(0, Math.max(0, t.length - 6)).map((_, i) => t.slice(i, i + 7).join(' ')));
    };
    const seen = new Set(seedTexts.flatMap((s) => [...shingles(s)]));
    const shared = samples.flatMap((s) => [...shingles(s)].filter((x) => seen.has(x)));
    expect(shared).toEqual([]);
  });

  it.skipIf(!present)('names no person or place that a seed article names (needs ../shared/seeds)', () => {
    // Capitalised words in mid-sentence are names in news prose; titles and months are not.
    const common = new Set(
      'The A An In On At Of For And But He She It They We I Mr Mrs Ms Dr Gen Col President Minister Foreign Defense Defence Prime Secretary General Deputy Ministry Sunday Monday Tuesday Wednesday Thursday Friday Saturday January February March April May June July August September October November December United Nations Nations Security Council State European Europe Western West East North South Service News'.split(' '),
    );
    const names = (s: string): Set<string> =>
      new Set([...s.matchAll(/(?<=[\p{Ll},;] )\p{Lu}\p{Ll}{2,}/gu)].map((m) => m[0]).filter((w) => !common.has(w)));
    const seedNames = new Set(seedTexts.flatMap((s) => [...names(s)]));
    const shared = [...new Set(samples.flatMap((s) => [...names(s)]))].filter((w) => seedNames.has(w));
    expect(shared).toEqual([]);
  });
});
