/**
 * Extraction limits: a project of 2,000 articles built from `assets/samples/*.txt`, each with its
 * cast renamed (surnames get one of 30 endings, so each renamed cast recurs every 120 articles
 * and near-spellings compete in merging), casualty counts varied, and one invented
 * paragraph of talks with generated names. Runs `extractAll` with progress, prints articles,
 * seconds, CPU seconds, peak RSS and findings counts, then runs again with a cancel token flipped
 * halfway and checks that it stops with BriefsmithError 'cancelled'.
 *
 *   npx tsx scripts/limits-extract.ts [--articles 2000]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { BriefsmithError, type Article, type Findings } from '../src/model';
import { extractAll, extractArticle } from '../src/extract';
import { nameParts } from '../src/extract/names';

const ENDINGS = ['', 'ek', 'an', 'ov', 'is', 'ar', 'um', 'el', 'ot', 'ez'];
const SYL = ['ka', 'ro', 'vin', 'mel', 'tas', 'du', 'shen', 'bar', 'lo', 'zim', 'ne', 'fal'];
const FIRST = ['Arvid', 'Bela', 'Corin', 'Dana', 'Edvin', 'Farah', 'Goran', 'Hana', 'Ilyas', 'Jora', 'Kemal', 'Lina', 'Miro', 'Nadia', 'Oren', 'Petra'];
const PARTIES = ['Ukraine', 'Russia', 'United States', 'Turkey', 'Kazakhstan', 'Azerbaijan', 'Armenia', 'Georgia'];
const CITIES = ['Harbin Ridge', 'Lowmoor', 'Eastfield', 'Stonebridge', 'Marrow Bay'];

const cap = (s: string): string => s[0].toUpperCase() + s.slice(1);
const surname = (n: number): string => cap(SYL[n % 12] + SYL[Math.floor(n / 12) % 12] + SYL[Math.floor(n / 144) % 12]);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function samples(): string[] {
  const dir = path.resolve('assets/samples');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : [];
  const texts = files.map((f) => readFileSync(path.join(dir, f), 'utf8'));
  if (texts.length) return texts;
  return ['ASTANA — Officials from Ukraine and Russia met on Monday. The Ukrainian delegation was led by Petro Hnatov, the defence minister.'];
}

/** A paragraph of invented talks, different in every article but with recurring people. */
function inventedParagraph(i: number): string {
  const a = PARTIES[i % PARTIES.length];
  const b = PARTIES[(i + 3) % PARTIES.length];
  const s1 = surname((i * 13) % 600);
  const s2 = surname((i * 13 + 7) % 600);
  const s3 = surname((i * 29 + 3) % 600);
  return [
    `The ${a} delegation was led by ${FIRST[i % 16]} ${s1}, the foreign minister, and included ${FIRST[(i + 5) % 16]} ${s2}, a deputy defence minister.`,
    `${b}'s team was headed by ${FIRST[(i + 9) % 16]} ${s3}, the national security adviser.`,
    `“We want ${(i % 40) + 10} prisoners released this week,” Mr. ${s1} said.`,
    `Drones struck ${CITIES[i % CITIES.length]} overnight on day ${(i % 28) + 1}, killing ${i % 9} people and wounding ${(i * 3) % 20}, officials said.`,
  ].join(' ');
}

/** `n` articles from the samples: renamed casts, varied counts, one invented paragraph each. */
export function buildLimitsCorpus(n: number): Article[] {
  const texts = samples();
  // the surnames each sample names, found once by the extractor itself
  const surnames = texts.map((t) => {
    const found = extractArticle({ id: 's', title: null, outlet: null, published: '2026-10-12', byline: null, text: t, origin: { kind: 'paste' } });
    const set = new Set(found.people.map((p) => nameParts(p.name).surname).filter((s) => /^\p{Lu}\p{Ll}{3,}$/u.test(s)));
    return [...set];
  });
  const articles: Article[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % texts.length;
    const variant = Math.floor(i / texts.length) % 30;
    let text = texts[k];
    for (const s of surnames[k]) text = text.replace(new RegExp(`\\b${escape(s)}\\b`, 'g'), s + ENDINGS[variant % 10] + (variant >= 10 ? SYL[variant % 12] : ''));
    text = text.replace(/\b(\d{1,2})(?= (?:people|civilians|soldiers|prisoners|drones|missiles|killed|wounded))/g, (d) => String((Number(d) + i) % 50));
    text = `${text.trimEnd()}\n${inventedParagraph(i)}\n`;
    articles.push({ id: `limits-${i}`, title: `Article ${i}`, outlet: null, published: '2026-10-12', byline: null, text, origin: { kind: 'paste' } });
  }
  return articles;
}

const counts = (f: Findings): Record<string, number> => ({
  people: f.people.length,
  delegations: f.delegations.length,
  positions: f.positions.length,
  outlook: f.outlook.length,
  attacks: f.attacks.length,
});

async function main(): Promise<void> {
  const at = process.argv.indexOf('--articles');
  const n = at > 0 ? Number(process.argv[at + 1]) : 2000;
  if (!Number.isInteger(n) || n < 2) throw new Error('--articles takes a whole number of at least 2');
  const articles = buildLimitsCorpus(n);
  let peak = process.memoryUsage().rss;
  let last = -1;
  let monotonic = true;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let mergeStart = 0;
  const findings = extractAll(articles, {
    progress: ({ done, total, label }) => {
      if (label === 'merging') mergeStart = performance.now();
      if (done < last || total !== n) monotonic = false;
      last = done;
      if (done % 100 === 0) {
        peak = Math.max(peak, process.memoryUsage().rss);
        if (done % 500 === 0) process.stderr.write(`  ${done}/${total}\n`);
      }
    },
  });
  const mergeSeconds = (performance.now() - mergeStart) / 1000;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  peak = Math.max(peak, process.memoryUsage().rss);

  // cancel halfway: the token flips from the progress callback, as a Cancel click would between articles
  const token = { cancelled: false };
  let stoppedAt = -1;
  let cancelOk = false;
  try {
    extractAll(articles, {
      cancel: token,
      progress: ({ done }) => {
        if (done >= n / 2) token.cancelled = true;
        stoppedAt = done;
      },
    });
  } catch (e) {
    cancelOk = e instanceof BriefsmithError && e.code === 'cancelled';
  }
  const report = {
    articles: n,
    seconds: Math.round(seconds * 10) / 10,
    merge_seconds: Math.round(mergeSeconds * 100) / 100,
    cpu_seconds: Math.round(((cpu.user + cpu.system) / 1e6) * 10) / 10,
    peak_rss_mb: Math.round(peak / 1e5) / 10,
    progress_monotonic: monotonic && last === n,
    findings: counts(findings),
    cancel: { ok: cancelOk && stoppedAt < n, stopped_at: stoppedAt },
  };
  console.log(JSON.stringify(report, null, 2));
  if (!report.progress_monotonic || !report.cancel.ok) process.exitCode = 1;
}

if (/limits-extract\.ts$/.test(process.argv[1] ?? '') && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
