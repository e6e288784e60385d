/**
 * What each CLI command does, as functions of plain inputs (so tests can call them without a
 * process): import → extract → compose → render. Files are read and written here; the core
 * functions they call stay pure.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BriefingSchema,
  BriefsmithError,
  type Article,
  type Findings,
  type Progress,
  type SectionId,
} from '../model';
import { importFiles } from '../import';
import { extractAll } from '../extract';
import { toContractJson } from '../extract/contract';
import { compose } from '../compose/compose';
import { loadTemplate, loadTemplates } from '../compose/templates-node';
import { renderDocx } from '../render/docx';
import { renderHtml } from '../render/html';
import { renderPdf } from '../render/pdf';
import { loadRenderResources } from '../render/resources-node';
import { parseStructuredData } from './structured-input';
import { formatFindingsText } from './format-text';

export interface Reporter {
  readonly progress: Progress;
  readonly warn: (message: string) => void;
}

/** Imports the files (one bad file never stops the rest) and extracts from those that imported. */
export async function gatherArticles(
  files: readonly string[],
  published: string | null,
  reporter: Reporter,
): Promise<{ articles: Article[]; failures: number }> {
  const results = await importFiles(files, {
    progress: (p) => reporter.progress({ ...p, label: `importing ${p.label}` }),
  });
  const articles: Article[] = [];
  let failures = 0;
  for (const r of results) {
    if (r.result.ok) articles.push(published && !r.result.value.published ? { ...r.result.value, published } : r.result.value);
    else {
      failures++;
      reporter.warn(r.result.error.message);
    }
  }
  return { articles, failures };
}

function extractWithProgress(articles: readonly Article[], reporter: Reporter): Findings {
  return extractAll(articles, {
    progress: (p) => reporter.progress({ ...p, label: `extracting ${p.label}` }),
  });
}

export async function runExtract(
  files: readonly string[],
  options: { json: boolean; published: string | null },
  reporter: Reporter,
): Promise<{ text: string; failures: number }> {
  const { articles, failures } = await gatherArticles(files, options.published, reporter);
  if (!articles.length) throw new BriefsmithError('invalid-input', 'no article could be imported; nothing to extract.');
  const findings = extractWithProgress(articles, reporter);
  const text = options.json
    ? JSON.stringify(toContractJson(articles, findings), null, 2) + '\n'
    : formatFindingsText(articles, findings);
  return { text, failures };
}

export interface BuildOptions {
  readonly sections: readonly SectionId[] | null;
  readonly templateId: string;
  readonly formats: ReadonlyArray<'docx' | 'pdf' | 'html'>;
  readonly outDir: string;
  readonly baseName: string;
  readonly title: string | null;
  readonly subtitle: string | null;
  readonly author: string;
  readonly marking: string | null;
  readonly date: string;
  readonly notes: string;
  readonly published: string | null;
}

const isStructuredData = (files: readonly string[]) => files.length === 1 && files[0]!.toLowerCase().endsWith('.json');

export async function runBuild(files: readonly string[], o: BuildOptions, reporter: Reporter): Promise<{ written: string[]; failures: number }> {
  const template = await loadTemplate(o.templateId);
  let articles: Article[];
  let findings: Findings;
  let failures = 0;
  if (isStructuredData(files)) {
    ({ articles, findings } = parseStructuredData(await readFile(files[0]!, 'utf8'), files[0]!));
  } else {
    ({ articles, failures } = await gatherArticles(files, o.published, reporter));
    if (!articles.length) throw new BriefsmithError('invalid-input', 'no article could be imported; nothing to build.');
    findings = extractWithProgress(articles, reporter);
  }
  const briefing = BriefingSchema.parse({
    title: o.title ?? template.defaults.title,
    subtitle: o.subtitle,
    date: o.date,
    author: o.author,
    marking: o.marking ?? template.defaults.marking,
    sections: o.sections ?? template.sections,
    templateId: template.id,
    notes: o.notes,
  });
  const tree = compose(briefing, { articles, findings }, template);
  await mkdir(o.outDir, { recursive: true });
  const written: string[] = [];
  const resources = o.formats.some((f) => f !== 'html') ? await loadRenderResources() : null;
  for (const [i, format] of o.formats.entries()) {
    reporter.progress({ done: i, total: o.formats.length, label: `writing ${format.toUpperCase()}` });
    const progress: Progress = (p) => void (p.done % 10 === 0 && reporter.progress({ ...p, label: `writing ${format.toUpperCase()}: ${p.label}` }));
    const bytes =
      format === 'html' ? new TextEncoder().encode(renderHtml(tree)) : format === 'docx' ? await renderDocx(tree, resources!, { progress }) : await renderPdf(tree, resources!, { progress });
    const file = path.resolve(o.outDir, `${o.baseName}.${format}`);
    await writeFile(file, bytes);
    written.push(file);
  }
  reporter.progress({ done: o.formats.length, total: o.formats.length, label: 'done' });
  return { written, failures };
}

export async function listTemplateSummaries(): Promise<Array<{ id: string; name: string; description: string }>> {
  return (await loadTemplates()).map((t) => ({ id: t.id, name: t.name, description: t.description }));
}
