/** The CLI passes the PDF export's one-line warnings to stderr (through the reporter). */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runBuild, type Reporter } from '../src/cli/commands';

it('warns once when the PDF cannot draw some characters, naming the script and the count', async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'briefsmith-cli-warn-'));
  const file = path.join(tmp, 'market.txt');
  // Invented: a quoted shop sign in Arabic script (4 letters) inside an English report.
  await writeFile(file, 'Traders in Riga reopened the market on Monday.\n\nA sign reading "سوقي" hung over the gate, officials said.\n');
  const warnings: string[] = [];
  const reporter: Reporter = { progress: () => undefined, warn: (m) => warnings.push(m) };
  const base = { sections: null, templateId: 'situation', outDir: path.join(tmp, 'out'), baseName: 'b', title: null, subtitle: null, author: '', marking: null, date: '2025-04-09', notes: '', published: null };
  await runBuild([file], { ...base, formats: ['pdf'], article: { title: 'Market "سوقي" reopens', outlet: null, published: null, url: null } }, reporter);
  expect(warnings.filter((w) => /cannot draw/.test(w))).toEqual([expect.stringMatching(/^the PDF cannot draw \d+ Arabic characters:/)]);
  warnings.length = 0;
  await runBuild([file], { ...base, formats: ['docx', 'html'], article: { title: 'Market "سوقي" reopens', outlet: null, published: null, url: null } }, reporter);
  expect(warnings.filter((w) => /cannot draw/.test(w))).toEqual([]);
}, 120_000);
