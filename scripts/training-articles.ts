/**
 * The articles the learned detectors are trained on, read once for every training script
 * (train-statements, train-kind, train-side, train-delegations): the development seeds
 * (../shared/seeds with ../shared/eval/gold), tests/fixtures/heldout, the tuning half of the
 * real corpus (tests/fixtures/real, texts in corpus/texts) and the training-only set
 * (tests/fixtures/train, texts in corpus/train). Never the check half (its id decides, before its
 * gold is read) nor the blind sets. A real or train text whose sha256 differs from its gold's is
 * left out.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');

export type TrainingSet = 'seeds' | 'heldout' | 'tune' | 'train';

/** One training article: its id (prefixed by set, except the tuning half), the path of its text and its gold. */
export interface TrainingArticle<G> {
  readonly id: string;
  readonly set: TrainingSet;
  readonly text: string;
  readonly gold: G;
}

/** The same split as scripts/eval.ts (halfOf): a hash of the id. */
export const halfOf = (id: string): 'tune' | 'check' => (createHash('sha256').update(id).digest()[0]! % 2 === 0 ? 'tune' : 'check');

const sha256Of = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const goldFiles = (dir: string, ending: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ending)).sort() : []);
const readGold = <G>(file: string): G => JSON.parse(readFileSync(file, 'utf8')) as G;

/** Every training article present on this machine, by set in the order given (each set sorted by file name). */
export function trainingArticles<G>(order: readonly TrainingSet[] = ['seeds', 'heldout', 'tune', 'train']): Array<TrainingArticle<G>> {
  return order.flatMap((set) => articlesOf<G>(set));
}

function articlesOf<G>(set: TrainingSet): Array<TrainingArticle<G>> {
  const out: Array<TrainingArticle<G>> = [];
  switch (set) {
    case 'seeds': {
      const dir = path.join(shared, 'eval', 'gold');
      for (const f of goldFiles(dir, '.json')) {
        const gold = readGold<G & { url: string }>(path.join(dir, f));
        const text = path.join(shared, 'seeds', gold.url);
        if (existsSync(text)) out.push({ id: `seed:${f.replace(/\.json$/, '')}`, set, text, gold });
      }
      return out;
    }
    case 'heldout': {
      const dir = path.join(root, 'tests', 'fixtures', 'heldout');
      for (const f of goldFiles(dir, '.gold.json')) {
        const id = f.replace(/\.gold\.json$/, '');
        out.push({ id: `heldout:${id}`, set, text: path.join(dir, `${id}.txt`), gold: readGold<G>(path.join(dir, f)) });
      }
      return out;
    }
    case 'tune': {
      const dir = path.join(root, 'tests', 'fixtures', 'real');
      for (const f of goldFiles(dir, '.gold.json')) {
        const id = f.replace(/\.gold\.json$/, '');
        // the check half is never opened: its id decides, before its gold is read
        if (halfOf(id) !== 'tune') continue;
        const gold = readGold<G & { id: string; sha256: string }>(path.join(dir, f));
        const text = path.join(root, 'corpus', 'texts', `${id}.txt`);
        if (gold.id !== id || !existsSync(text) || sha256Of(text) !== gold.sha256) continue;
        out.push({ id, set, text, gold });
      }
      return out;
    }
    case 'train': {
      const dir = path.join(root, 'tests', 'fixtures', 'train');
      for (const f of goldFiles(dir, '.gold.json')) {
        const gold = readGold<G & { id: string; sha256: string }>(path.join(dir, f));
        const text = path.join(root, 'corpus', 'train', `${gold.id}.txt`);
        if (!existsSync(text) || sha256Of(text) !== gold.sha256) continue;
        out.push({ id: `train:${gold.id}`, set, text, gold });
      }
      return out;
    }
    default: {
      const never: never = set;
      throw new Error(`unknown training set ${String(never)}`);
    }
  }
}
