/**
 * A project sent as what changed since a version the receiver holds, so that the autosave of
 * a 500-article project (about 16 MB) does not cross Electron's main process whole each time:
 * articles the receiver holds go as references (`articleRef`), findings as positions in the
 * held findings plus the new items (`diffFindings`), overlay and briefing whole (they are small).
 *
 * When there is no held version, or too much changed, the whole project goes in steps that each
 * add at most `PATCH_BUDGET` (a prefix of the articles and of each section's items), so that no
 * one message holds main up for long; only the last step is written.
 *
 * Pure: the window plans (`planProjectPatches`), the autosave worker applies (`applyProjectPatch`).
 */
import { ITEM_SECTIONS, PROJECT_FORMAT, PROJECT_VERSION, type Article, type Briefing, type Findings, type ItemOf, type ItemSection, type Overlay, type Project } from '../model';
import { articleKey, articleRef, type ArticleRef } from './article-key';
import { applyFindingsUpdate, diffFindings } from './findings-update';

/** The findings as positions in the base's lists and new items (a `FindingsUpdate` without its versions). */
export interface FindingsChange {
  readonly order: { [S in ItemSection]: number[] };
  readonly items: { [S in ItemSection]: Array<ItemOf<S>> };
}

export interface ProjectPatch {
  /** The version the receiver must hold (null: none, every article and item is in this patch). */
  readonly base: string | null;
  /** The version the project this patch makes is kept under (named by the sender). */
  readonly version: string;
  /** Every article in order; references name articles of the base. */
  readonly articles: Array<Article | ArticleRef>;
  readonly findings: FindingsChange;
  readonly overlay: Overlay;
  readonly briefing: Briefing;
}

/** What the sender knows the receiver holds: the version, its articles' keys and its findings (compared by identity). */
export interface SentProject {
  readonly version: string;
  readonly keys: ReadonlySet<string>;
  readonly findings: Findings;
}

/** One message, and what the receiver holds once it has taken it. */
export interface PatchStep {
  readonly patch: ProjectPatch;
  readonly after: SentProject;
}

/** The most one message adds: articles, characters of article text, findings items. */
export interface PatchBudget {
  readonly articles: number;
  readonly chars: number;
  readonly items: number;
}

/**
 * The budget of one message. Main's share of a message (copy in, validation, copy to the
 * worker) on the bench's 500-article project sent whole (scripts/bench-service.ts):
 * 60 articles / 600 items, up to 74 ms CPU;
 * 20 / 200, a median of 7 ms and up to 61 (43 messages); 10 / 100, a median of 8 and up to 87
 * (85 messages). The longest messages are the first (validation's code still cold) and those
 * a garbage collection lands in, whatever their size, so halving again gains nothing.
 */
export const PATCH_BUDGET: PatchBudget = { articles: 20, chars: 120_000, items: 200 };

const countItems = (items: FindingsChange['items']): number => ITEM_SECTIONS.reduce((n, s) => n + items[s].length, 0);

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/**
 * The messages that bring the receiver from `sent` (null: it holds nothing) to `project`: one
 * when the change fits the budget, else the whole project in budget-sized steps. `nextVersion`
 * names each version made.
 */
export function planProjectPatches(sent: SentProject | null, project: Project, nextVersion: () => string, budget: PatchBudget = PATCH_BUDGET): PatchStep[] {
  const keys = project.articles.map(articleKey);
  const { overlay, briefing } = project;
  if (sent) {
    const fresh = project.articles.filter((_, i) => !sent.keys.has(keys[i]!));
    const chars = fresh.reduce((n, a) => n + a.text.length, 0);
    // diffFindings builds fresh arrays: they are the patch's own.
    const { order, items } = diffFindings(sent.findings, project.findings, '', null) as unknown as FindingsChange;
    if (fresh.length <= budget.articles && chars <= budget.chars && countItems(items) <= budget.items) {
      const version = nextVersion();
      const articles = project.articles.map((a, i) => (sent.keys.has(keys[i]!) ? articleRef(a) : a));
      return [{ patch: { base: sent.version, version, articles, findings: { order, items }, overlay, briefing }, after: { version, keys: new Set(keys), findings: project.findings } }];
    }
  }
  // The whole project, a prefix at a time.
  const steps: PatchStep[] = [];
  const staged = Object.fromEntries(ITEM_SECTIONS.map((s) => [s, 0])) as Record<ItemSection, number>;
  let done = 0;
  let base: string | null = null;
  for (;;) {
    let end = done;
    let chars = 0;
    while (end < project.articles.length && end - done < budget.articles && (end === done || chars + project.articles[end]!.text.length <= budget.chars)) {
      chars += project.articles[end]!.text.length;
      end++;
    }
    let room = budget.items;
    const order = {} as Record<ItemSection, number[]>;
    const items = {} as Record<ItemSection, unknown[]>;
    const after = {} as Record<ItemSection, unknown[]>;
    for (const s of ITEM_SECTIONS) {
      const all = project.findings[s] as readonly unknown[];
      const take = Math.min(room, all.length - staged[s]);
      room -= take;
      items[s] = all.slice(staged[s], staged[s] + take);
      order[s] = [...range(staged[s]), ...range(take).map((k) => -1 - k)];
      staged[s] += take;
      after[s] = all.slice(0, staged[s]);
    }
    const last = end === project.articles.length && ITEM_SECTIONS.every((s) => staged[s] === project.findings[s].length);
    const version = nextVersion();
    const articles = project.articles.slice(0, end).map((a, i) => (i < done ? articleRef(a) : a));
    const findings = { order, items } as unknown as FindingsChange;
    steps.push({
      patch: { base, version, articles, findings, overlay, briefing },
      after: { version, keys: new Set(keys.slice(0, end)), findings: last ? project.findings : (after as unknown as Findings) },
    });
    if (last) return steps;
    base = version;
    done = end;
  }
}

/** The receiver does not hold the version or an article a patch builds on: send the whole project. */
export class MissingBase extends Error {}

/** What the receiver keeps: the project of one version and its articles by key. */
export interface HeldProject {
  readonly version: string;
  readonly project: Project;
  readonly byKey: ReadonlyMap<string, Article>;
  /**
   * Articles and findings without the window's overlay and briefing (taken from the extraction,
   * `adopt`): a base for the next patch only, never saved, rendered or handed on.
   */
  readonly partial?: true;
}

/** The project a patch makes from the held one; throws `MissingBase` when it builds on something not held. */
export function applyProjectPatch(held: HeldProject | null, patch: ProjectPatch): HeldProject {
  const base = patch.base === null ? null : held;
  if (patch.base !== null && held?.version !== patch.base) throw new MissingBase(`version ${patch.base} is not held`);
  const byKey = new Map<string, Article>();
  const articles = patch.articles.map((a): Article => {
    const key = articleKey(a);
    const got = 'ref' in a ? base?.byKey.get(key) : a;
    if (!got) throw new MissingBase(`article ${a.id} is not held`);
    // A reference brings the article's link, which the key leaves out (the analyst may correct it).
    const article = 'ref' in a && a.url !== undefined && (got.url ?? null) !== a.url ? { ...got, url: a.url } : got;
    byKey.set(key, article);
    return article;
  });
  const findings = applyFindingsUpdate(base?.project.findings ?? null, { version: patch.version, base: patch.base, ...patch.findings });
  const project: Project = { format: PROJECT_FORMAT, version: PROJECT_VERSION, articles, findings, overlay: patch.overlay, briefing: patch.briefing };
  return { version: patch.version, project, byKey };
}
