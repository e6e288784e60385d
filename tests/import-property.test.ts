import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { blankFurniture, importBytes, importText, normaliseText } from '../src/import';
import { ArticleSchema, BriefsmithError, type Article } from '../src/model';
import { enc, makeDocx, makePdf } from './fixtures/import/make-fixtures';

const CODES = ['unsupported-format', 'empty', 'corrupt', 'too-large', 'unreadable'];

/** Runs an import and returns either the Article or the BriefsmithError; anything else fails the test. */
async function outcome(bytes: Uint8Array, path: string): Promise<Article | BriefsmithError> {
  try {
    const a = await importBytes(bytes, { path, timeoutMs: 20_000 });
    ArticleSchema.parse(a);
    expect(a.text).toBe(normaliseText(a.text));
    expect(a.text.trim()).not.toBe('');
    return a;
  } catch (e) {
    if (!(e instanceof BriefsmithError)) throw e;
    expect(CODES).toContain(e.code);
    expect(e.message).toContain(path);
    return e;
  }
}

describe('normaliseText', () => {
  it('changes nothing in clean text, so offsets into the file hold', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }).map((l) => l.replace(/[\p{Cc}\p{Zl}\p{Zp}\uFEFF]/gu, '').normalize('NFC')), { maxLength: 8 }), (lines) => {
        const s = lines.join('\n') + 'x';
        expect(normaliseText(s)).toBe(s);
      }),
      { numRuns: 300 },
    );
    expect(normaliseText('\n\nline with trailing spaces   \nnext\n\n')).toBe('\n\nline with trailing spaces   \nnext');
  });

  it('is idempotent and leaves no CR, NUL or BOM', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const n = normaliseText(s);
        expect(normaliseText(n)).toBe(n);
        expect(n).not.toMatch(/[\r\0\uFEFF]/);
        expect(n.normalize('NFC')).toBe(n);
        expect(n).not.toMatch(/\s$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('importText', () => {
  const line = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.constantFrom('By Jane Doe', 'Published: March 23, 2025', 'Source: Example Wire', '— Example Agency', 'Truce Talks Resume', '', 'Advertisement', 'Read more', '2 min read'),
  );
  /** `b` is `a` with some characters (never a line break) turned into spaces, perhaps cut at the end: no offset moves. */
  const blankedFrom = (b: string, a: string): boolean => {
    if (b.length > a.length) return false;
    for (let i = 0; i < b.length; i++) if (b[i] !== a[i] && (b[i] !== ' ' || a[i] === '\n')) return false;
    return true;
  };
  it('keeps every line, moves no offset and takes metadata only from the text', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const raw = lines.join(eol);
        let a: Article;
        try {
          a = importText(raw);
        } catch (e) {
          expect(e).toBeInstanceOf(BriefsmithError);
          expect(blankFurniture(normaliseText(raw)).trim()).toBe('');
          return;
        }
        ArticleSchema.parse(a);
        // Page furniture lines are blanked in place: every other character stays where it was.
        expect(a.text).toBe(blankFurniture(normaliseText(raw)));
        expect(blankedFrom(a.text, normaliseText(raw))).toBe(true);
        expect(a.text.split('\n').length).toBeLessThanOrEqual(normaliseText(raw).split('\n').length);
        for (const v of [a.title, a.outlet]) if (v !== null) expect(a.text).toContain(v);
      }),
      { numRuns: 400 },
    );
  });
});

describe('importBytes on arbitrary bytes', () => {
  for (const ext of ['txt', 'md', 'html', 'docx', 'pdf']) {
    it(`gives a valid Article or a BriefsmithError for .${ext}, with text no longer than the input`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
          const r = await outcome(bytes, `random.${ext}`);
          if (!(r instanceof BriefsmithError) && ext !== 'pdf' && ext !== 'docx') expect(r.text.length).toBeLessThanOrEqual(bytes.length);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('handles text of any Unicode content in every text format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('txt', 'md', 'html'), async (s, ext) => {
        const r = await outcome(enc(s), `text.${ext}`);
        if (!(r instanceof BriefsmithError) && ext === 'txt') expect(r.text).toBe(blankFurniture(normaliseText(s)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('damaged documents', () => {
  let docx: Uint8Array;
  let pdf: Uint8Array;
  beforeAll(async () => {
    const paragraphs = ['Negotiators met on Sunday for talks.', 'Переговоры продолжились в воскресенье.', 'The delegations discussed a truce.'];
    docx = await makeDocx({ title: 'Talks', creator: 'Jane Doe', paragraphs });
    pdf = await makePdf({ title: 'Talks', paragraphs });
  });

  const damage = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 }) }),
  );
  type Damage = { kind: 'truncate'; at: number } | { kind: 'flip'; flips: Array<[number, number]> };
  const apply = (b: Uint8Array, d: Damage): Uint8Array => {
    if (d.kind === 'truncate') return b.slice(0, Math.floor(b.length * d.at));
    const out = b.slice();
    for (const [pos, v] of d.flips) out[Math.min(out.length - 1, Math.floor(pos * out.length))] = v;
    return out;
  };

  for (const kind of ['docx', 'pdf'] as const) {
    it(`truncated or flipped ${kind} gives a valid Article or a BriefsmithError`, async () => {
      await fc.assert(
        fc.asyncProperty(damage, async (d) => {
          await outcome(apply(kind === 'docx' ? docx : pdf, d), `damaged.${kind}`);
        }),
        { numRuns: 120 },
      );
    });
  }
});
