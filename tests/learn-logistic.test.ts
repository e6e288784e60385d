import { describe, expect, it } from 'vitest';
import { foldsByGroup, predict, train, type Example } from '../src/extract/learn/logistic';

// An invented toy problem: "cue" signals the positive class, "noise" appears on both sides.
const examples: Example[] = [
  ...Array.from({ length: 20 }, (_, i): Example => ({ features: ['cue', i % 2 ? 'noise' : 'other'], label: 1 })),
  ...Array.from({ length: 20 }, (_, i): Example => ({ features: [i % 2 ? 'noise' : 'other', 'plain'], label: 0 })),
];

describe('logistic regression', () => {
  it('learns a separating feature and puts the two sides of 0.5 apart', () => {
    const m = train(examples, { l2: 0.01 });
    expect(predict(m, ['cue', 'noise'])).toBeGreaterThan(0.8);
    expect(predict(m, ['plain', 'noise'])).toBeLessThan(0.2);
    expect(m.weights['cue']!).toBeGreaterThan(Math.abs(m.weights['noise'] ?? 0));
  });

  it('is deterministic: the same data gives the same weights', () => {
    expect(train(examples, { l2: 0.01, epochs: 50 })).toEqual(train(examples, { l2: 0.01, epochs: 50 }));
  });

  it('shrinks weights as the L2 penalty grows', () => {
    const loose = train(examples, { l2: 0.001 });
    const tight = train(examples, { l2: 1 });
    expect(Math.abs(tight.weights['cue'] ?? 0)).toBeLessThan(Math.abs(loose.weights['cue']!));
  });

  it('reads a map of feature values and counts a repeated name once', () => {
    const m = { bias: 0, weights: { a: 2, b: -1 } };
    expect(predict(m, ['a', 'a'])).toBeCloseTo(predict(m, ['a']));
    expect(predict(m, new Map([['a', 0.5], ['b', 1]]))).toBeCloseTo(0.5);
  });

  it('deals groups into folds without splitting a group', () => {
    const folds = foldsByGroup(['x', 'y', 'x', 'z', 'w'], 3);
    expect(folds).toHaveLength(3);
    expect(folds.flatMap((f) => [...f]).sort()).toEqual(['w', 'x', 'y', 'z']);
  });
});
