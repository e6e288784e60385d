/**
 * The `briefsmith` command line: the same core as the desktop app, headless.
 *
 *   briefsmith extract FILE... [--json]
 *   briefsmith build FILE... --sections … --template NAME --format docx,pdf --out DIR
 *   briefsmith templates [--json]
 *
 * This file only gathers input (flags, files), calls the core and writes results; progress and
 * errors go to stderr, results to stdout, and any failure gives a non-zero exit.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { BriefsmithError } from '../model/result';
import { SECTION_IDS, type SectionId } from '../model/briefing-vocabulary';
import type { Reporter } from './commands';
import { safeForTerminal } from './format-text';

// Commands load their modules when they run (dynamic import: the bundle is split per import),
// so `briefsmith templates` starts without wink-nlp, chrono, jsdom, pdfkit or docx.
let loaded: typeof import('./commands') | null = null;
const commands = async () => (loaded ??= await import('./commands'));

const isoDate = (v: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  return v;
};
const sectionList = (v: string): SectionId[] => {
  const ids = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = ids.filter((s) => !(SECTION_IDS as readonly string[]).includes(s));
  if (bad.length) throw new InvalidArgumentError(`unknown section ${bad.map((b) => `"${b}"`).join(', ')}; choose from ${SECTION_IDS.join(', ')}.`);
  if (!ids.length) throw new InvalidArgumentError('name at least one section.');
  return ids as SectionId[];
};
const formatList = (v: string): Array<'docx' | 'pdf' | 'html'> => {
  const fs = v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = fs.filter((f) => !['docx', 'pdf', 'html'].includes(f));
  if (bad.length || !fs.length) throw new InvalidArgumentError('choose from docx, pdf, html (comma-separated).');
  return [...new Set(fs)] as Array<'docx' | 'pdf' | 'html'>;
};

const reporter: Reporter = {
  progress: ({ done, total, label }) => process.stderr.write(`[${done}/${total}] ${safeForTerminal(label)}\n`),
  warn: (message) => process.stderr.write(`briefsmith: ${safeForTerminal(message)}\n`),
};

export function buildProgram(): Command {
  const program = new Command('briefsmith')
    .description('Turn news articles into a structured, sourced briefing (DOCX and PDF), offline.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('extract')
    .description('Extract people, delegations, positions, outlook and attacks from articles (.txt .md .html .docx .pdf).')
    .argument('<files...>', 'article files')
    .option('--json', 'print the structured data as JSON (the contract in docs/extract-json.md)')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for articles that do not show one; relative dates resolve against it', isoDate)
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--title <text>', 'headline of the article (one input file only)')
    .option('--outlet <name>', 'publication of the article (one input file only)')
    .option('--date <date>', 'publication date of the article, YYYY-MM-DD (one input file only)', isoDate)
    .option('--url <address>', 'web address of the article (one input file only)')
    .action(async (files: string[], opts: { json?: boolean; published?: string; output?: string; title?: string; outlet?: string; date?: string; url?: string }) => {
      const { runExtract, writeWhole } = await commands();
      const article = { title: opts.title ?? null, outlet: opts.outlet ?? null, published: opts.date ?? null, url: opts.url ?? null };
      const { text, failures } = await runExtract(files, { json: !!opts.json, published: opts.published ?? null, article }, reporter);
      if (opts.output) {
        await writeWhole(opts.output, text);
        process.stderr.write(`wrote ${safeForTerminal(opts.output)}\n`);
      } else process.stdout.write(text);
      if (failures > 0) process.exitCode = 1;
    });

  program
    .command('build')
    .description('Build a briefing from articles, or from a structured-data file (the output of `extract --json`, perhaps edited).')
    .argument('<files...>', 'article files, or one .json structured-data file')
    .addOption(new Option('--sections <list>', `sections in order, comma-separated (${SECTION_IDS.join(', ')})`).argParser(sectionList))
    .option('--template <id>', 'template id (see `briefsmith templates`)', 'situation')
    .addOption(new Option('--format <list>', 'output formats: docx, pdf, html').default(['docx', 'pdf'], 'docx,pdf').argParser(formatList))
    .option('--out <dir>', 'output folder', 'out')
    .option('--name <basename>', 'file name without extension', 'briefing')
    .option('--title <text>', 'briefing title')
    .option('--subtitle <text>', 'subtitle')
    .option('--author <text>', 'author', '')
    .option('--marking <text>', 'handling marking printed in header and footer')
    .option('--date <date>', 'briefing date (YYYY-MM-DD), default today', isoDate)
    .option('--notes <file>', 'a text file with the analyst notes section')
    .option('--published <date>', 'publication date for articles that do not show one', isoDate)
    .option('--article-title <text>', 'headline of the article (one input file only)')
    .option('--outlet <name>', 'publication of the article (one input file only)')
    .option('--article-date <date>', 'publication date of the article, YYYY-MM-DD (one input file only)', isoDate)
    .option('--url <address>', 'web address of the article (one input file only)')
    .action(async (files: string[], opts: BuildFlags) => {
      const { runBuild, readInput } = await commands();
      const notes = opts.notes ? await readInput(opts.notes, '--notes', 1024 * 1024) : '';
      const { written, failures } = await runBuild(
        files,
        {
          sections: opts.sections ?? null,
          templateId: opts.template,
          formats: opts.format,
          outDir: opts.out,
          baseName: opts.name,
          title: opts.title ?? null,
          subtitle: opts.subtitle ?? null,
          author: opts.author,
          marking: opts.marking ?? null,
          date: opts.date ?? new Date().toISOString().slice(0, 10),
          notes,
          published: opts.published ?? null,
          article: { title: opts.articleTitle ?? null, outlet: opts.outlet ?? null, published: opts.articleDate ?? null, url: opts.url ?? null },
        },
        reporter,
      );
      for (const f of written) process.stdout.write(`${safeForTerminal(f)}\n`);
      if (failures > 0) process.exitCode = 1;
    });

  program
    .command('templates')
    .description('List the briefing templates.')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const list = await (await commands()).listTemplateSummaries();
      if (opts.json) process.stdout.write(JSON.stringify(list, null, 2) + '\n');
      else for (const t of list) process.stdout.write(`${t.id.padEnd(12)} ${t.name} — ${t.description}\n`);
    });

  return program;
}

interface BuildFlags {
  sections?: SectionId[];
  template: string;
  format: Array<'docx' | 'pdf' | 'html'>;
  out: string;
  name: string;
  title?: string;
  subtitle?: string;
  author: string;
  marking?: string;
  date?: string;
  notes?: string;
  published?: string;
  articleTitle?: string;
  outlet?: string;
  articleDate?: string;
  url?: string;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode;
      return;
    }
    if (e instanceof BriefsmithError) {
      process.stderr.write(`briefsmith: ${safeForTerminal(e.message)}\n`);
      process.exitCode = 1;
      return;
    }
    // Not one of ours: still one line (the stack only with BRIEFSMITH_DEBUG=1), exit 1.
    const first = e instanceof Error ? `${e.message.split('\n')[0]}` : String(e);
    process.stderr.write(`briefsmith: unexpected error: ${safeForTerminal(first)}\n`);
    if (process.env.BRIEFSMITH_DEBUG && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
    process.exitCode = 1;
  } finally {
    // Idle import workers would keep the process alive.
    if (loaded?.importStarted()) await (await import('../import')).closeImportWorkers().catch(() => undefined);
  }
}

// Not a top-level await: the bundle is a CommonJS file (bin/briefsmith.mjs, scripts/build-core.mjs).
void main(process.argv);
