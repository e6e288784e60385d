/**
 * Every template exports both formats from real article sets: the bundled samples and, when
 * ../shared is present, the two development articles. The documents are read back as a reader
 * would: PDF text and structure (pdftotext, qpdf), DOCX text (mammoth).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { runBuild, type Reporter } from '../src/cli/commands';
import { loadTemplates } from '../src/compose/templates-node';
import { SECTION_TITLES } from '../src/model';

const root = path.resolve(__dirname, '..');
const samples = readdirSync(path.join(root, 'assets', 'samples'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => path.join(root, 'assets', 'samples', f));
const seedsDir = path.resolve(root, '..', 'shared', 'seeds');
const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(seedsDir, f)) : [];
const quiet: Reporter = { progress: () => {}, warn: (m) => console.warn(m) };
const templates = loadTemplates();

const sets: Array<[string, string[], string | null]> = [
  ['samples', samples, null],
  ['development articles', seeds, '2025-03-23'],
];

describe.each(sets)('templates × formats from the %s', (name, files, published) => {
  it.skipIf(files.length === 0).each(templates.map((t) => [t.id, t] as const))(
    `%s exports DOCX and PDF that read back${files.length ? '' : ' (skipped: ../shared/seeds is absent)'}`,
    async (_id, template) => {
      const out = await mkdtemp(path.join(os.tmpdir(), `briefsmith-doc-${template.id}-`));
      const { written, failures } = await runBuild(
        files,
        {
          sections: null,
          templateId: template.id,
          formats: ['docx', 'pdf'],
          outDir: out,
          baseName: 'brief',
          title: `Test brief from the ${name}`,
          subtitle: null,
          author: 'Test desk',
          marking: 'OFFICIAL',
          date: '2026-11-23',
          notes: 'Analyst note: Кириллица “quoted”.',
          published,
        },
        quiet,
      );
      expect(failures).toBe(0);
      const [docx, pdf] = written;
      expect(docx).toMatch(/\.docx$/);
      expect(pdf).toMatch(/\.pdf$/);

      // PDF: structurally sound, every default section's heading present, marking and page numbers.
      execFileSync('qpdf', ['--check', pdf!], { stdio: 'pipe' });
      const text = execFileSync('pdftotext', ['-layout', pdf!, '-'], { encoding: 'utf8' });
      const heading = (id: (typeof template.sections)[number]) => template.sectionTitles[id] ?? SECTION_TITLES[id];
      for (const id of template.sections) expect(text, `${template.id}: section ${id}`).toContain(heading(id).split(' ')[0]!);
      expect(text).toContain(`Test brief from the ${name}`);
      // A cover page carries no running foot: the count shows from page 2 on.
      expect(text).toMatch(template.titleBlock === 'cover' ? /Page 2 of \d+/ : /Page 1 of \d+/);
      expect(text).toContain('OFFICIAL');

      // DOCX: Word's text has the title and the section headings in template order.
      const { value: docText } = await mammoth.extractRawText({ buffer: await readFile(docx!) });
      expect(docText).toContain(`Test brief from the ${name}`);
      let at = -1;
      for (const id of template.sections) {
        const i = docText.indexOf(heading(id), at + 1);
        expect(i, `${template.id}: ${heading(id)} after position ${at}`).toBeGreaterThan(at);
        at = i;
      }
    },
    120_000,
  );
});
