/**
 * L2-regularised logistic regression over sparse named features: train and predict.
 *
 * Deterministic by construction: full-batch gradient steps (AdaGrad step sizes) over the
 * examples in the order given, a fixed number of epochs, no randomness, features visited in
 * sorted order. The same examples give the same weights, bit for bit, on every machine.
 *
 * A feature vector is a list of feature names (each worth 1; a repeated name counts once) or
 * a map from name to value. A trained model is plain data ({ bias, weights }) that a model
 * file under src/extract/models stores as JSON; predicting is one sparse dot product.
 */

/** Feature names (value 1) or names with values. */
export type Features = readonly string[] | ReadonlyMap<string, number>;

export interface Example {
  readonly features: Features;
  /** 1 for a positive example, 0 for a negative one. */
  readonly label: 0 | 1;
  /** Weight of this example in the loss (default 1). */
  readonly weight?: number;
}

export interface LogisticModel {
  readonly bias: number;
  /** Feature name → weight; features absent here weigh 0. */
  readonly weights: Readonly<Record<string, number>>;
}

export interface TrainOptions {
  /** L2 penalty on the weights (not the bias), as λ in λ/2·‖w‖² added to the mean loss. */
  readonly l2: number;
  /** Full passes over the data (default 300). */
  readonly epochs?: number;
  /** AdaGrad base step (default 0.5). */
  readonly rate?: number;
  /** Weight given to every positive example, e.g. to balance rare positives (default 1). */
  readonly positiveWeight?: number;
}

/** Pairs [name, value] of a feature vector, each name once (the last value wins in a map; 1 in a list). */
const entriesOf = (f: Features): [string, number][] => {
  if (f instanceof Map) return [...f.entries()];
  return [...new Set(f as readonly string[])].map((n) => [n, 1]);
};

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * A model's weights as a Map, built once per model object: a model read from JSON holds
 * thousands of weights in a dictionary-mode object, where looking up a feature name built at run
 * time costs about 2 µs (the name is interned first); a Map hashes it once. Only the model's own
 * names are in it, as in `weights`. Derived from the model alone, never from an article.
 */
const WEIGHT_MAPS = new WeakMap<LogisticModel, ReadonlyMap<string, number>>();
function weightMap(model: LogisticModel): ReadonlyMap<string, number> {
  let m = WEIGHT_MAPS.get(model);
  if (!m) WEIGHT_MAPS.set(model, (m = new Map(Object.entries(model.weights))));
  return m;
}

/** Probability of the positive class for a feature vector. */
export function predict(model: LogisticModel, features: Features): number {
  let z = model.bias;
  const weights = weightMap(model);
  if (features instanceof Map) {
    for (const [n, v] of features) z += (weights.get(n) ?? 0) * v;
  } else {
    // Only names the model weighs change the sum, so only those are checked for repeats (most
    // names of a sentence are unknown to the model); the sum runs in the same order as before.
    let seen: Set<string> | null = null;
    for (const n of features as readonly string[]) {
      const weight = weights.get(n);
      if (weight === undefined) continue;
      if (seen?.has(n)) continue;
      (seen ??= new Set()).add(n);
      z += weight;
    }
  }
  return sigmoid(z);
}

/** Train a model; the features it knows are exactly those seen in the examples. */
export function train(examples: readonly Example[], options: TrainOptions): LogisticModel {
  const epochs = options.epochs ?? 300;
  const rate = options.rate ?? 0.5;
  const posW = options.positiveWeight ?? 1;
  const names = [...new Set(examples.flatMap((e) => entriesOf(e.features).map(([n]) => n)))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = examples.map((e) => {
    const pairs = entriesOf(e.features).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return {
      idx: Int32Array.from(pairs.map(([n]) => index.get(n)!)),
      val: Float64Array.from(pairs.map(([, v]) => v)),
      y: e.label,
      w: (e.weight ?? 1) * (e.label === 1 ? posW : 1),
    };
  });
  const total = rows.reduce((s, r) => s + r.w, 0) || 1;
  const w = new Float64Array(names.length);
  const g2 = new Float64Array(names.length);
  const grad = new Float64Array(names.length);
  let bias = 0;
  let b2 = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    grad.fill(0);
    let gb = 0;
    for (const r of rows) {
      let z = bias;
      for (let k = 0; k < r.idx.length; k++) z += w[r.idx[k]!]! * r.val[k]!;
      const err = (sigmoid(z) - r.y) * r.w;
      gb += err;
      for (let k = 0; k < r.idx.length; k++) grad[r.idx[k]!]! += err * r.val[k]!;
    }
    gb /= total;
    b2 += gb * gb;
    bias -= (rate * gb) / (Math.sqrt(b2) + 1e-8);
    for (let j = 0; j < w.length; j++) {
      const g = grad[j]! / total + options.l2 * w[j]!;
      g2[j]! += g * g;
      w[j]! -= (rate * g) / (Math.sqrt(g2[j]!) + 1e-8);
    }
  }
  const weights: Record<string, number> = {};
  names.forEach((n, j) => {
    const v = Math.round(w[j]! * 1e4) / 1e4;
    if (v !== 0) weights[n] = v;
  });
  return { bias: Math.round(bias * 1e4) / 1e4, weights };
}

/**
 * Folds by group (e.g. by article), for cross-validation: group keys sorted, then dealt
 * round-robin into k folds, so a group's examples never straddle train and test.
 * Returns, per fold, the set of group keys held out.
 */
export function foldsByGroup(groups: readonly string[], k: number): Set<string>[] {
  const keys = [...new Set(groups)].sort();
  const folds = Array.from({ length: Math.min(k, keys.length) }, () => new Set<string>());
  keys.forEach((key, i) => folds[i % folds.length]!.add(key));
  return folds;
}
