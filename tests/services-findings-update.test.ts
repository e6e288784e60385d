import { describe, expect, it } from 'vitest';
import { emptyFindings, type Findings, type Position } from '../src/model';
import { applyFindingsUpdate, diffFindings } from '../src/services/findings-update';

/** Findings sent as what changed must rebuild exactly the new findings from the old ones. */
const position = (id: string, text: string): Position => ({ id, sources: [{ article: 'a', sentence: 's', start: 0, end: 1 }], confidence: 0.7, conflicts: [], party: 'Ruritania', kind: 'demand', text, speaker: null });

describe('findings updates', () => {
  const p1 = position('p1', 'one');
  const p2 = position('p2', 'two');
  const p3 = position('p3', 'three');
  const old: Findings = { ...emptyFindings(), positions: [p1, p2, p3] };

  it('sends only new and changed items, and rebuilds the new order from the old findings', () => {
    const changed = { ...p2, confidence: 0.9 };
    const p4 = position('p4', 'four');
    const next: Findings = { ...emptyFindings(), positions: [p3, changed, p4, p1] };
    const u = diffFindings(old, next, 'v2', 'v1');
    expect(u.base).toBe('v1');
    expect(u.items.positions).toEqual([changed, p4]);
    expect(u.order.positions).toEqual([2, -1, -2, 0]);
    // Through a copy, as IPC delivers it: the window's old findings are its own objects.
    const copy = structuredClone(old);
    const rebuilt = applyFindingsUpdate(copy, structuredClone(u));
    expect(rebuilt).toEqual(next);
    expect(rebuilt.positions[0]).toBe(copy.positions[2]);
  });

  it('is a full copy without a base, and refuses to apply to nothing', () => {
    const u = diffFindings(null, old, 'v1', null);
    expect(u.base).toBeNull();
    expect(applyFindingsUpdate(null, u)).toEqual(old);
    expect(() => applyFindingsUpdate(null, diffFindings(old, old, 'v2', 'v1'))).toThrow(/v1/);
  });
});
