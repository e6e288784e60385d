// The autosave's patches (src/services/project-patch.ts): whatever the window's project went
// through, the steps planned from what the autosave holds rebuild exactly that project, each
// step stays within its budget, and a patch built on something not held is refused.
import { describe, expect, it } from 'vitest';
import { emptyFindings, emptyOverlay, type Article, type Findings, type Person, type Position, type Project } from '../src/model';
import { serializeCheckedProject, serializeProject } from '../src/project/project';
import { applyProjectPatch, MissingBase, planProjectPatches, type HeldProject, type PatchBudget, type PatchStep, type SentProject } from '../src/services/project-patch';

const article = (i: number, words = 20): Article => ({
  id: `a${i}`,
  title: `Harbour talks, round ${i}`,
  outlet: 'The Example Gazette',
  published: '2026-01-02',
  byline: null,
  text: `Round ${i}. ${'Negotiators met again on the ferry crossing. '.repeat(words)}`,
  origin: { kind: 'paste' },
});
const src = (a: string) => [{ article: a, sentence: 'Negotiators met again.', start: 0, end: 22 }];
const person = (i: number): Person => ({ id: `p${i}`, sources: src(`a${i % 7}`), confidence: 0.7, conflicts: [], name: `Ilse Varga ${i}`, variants: [], roles: [], party: null });
const position = (i: number): Position => ({ id: `q${i}`, sources: src(`a${i % 5}`), confidence: 0.6, conflicts: [], party: 'Ostria', kind: 'demand', text: `Ostria demands point ${i}`, speaker: null });

const project = (articles: Article[], findings: Findings, notes = ''): Project => ({
  format: 'briefsmith',
  version: 2,
  articles,
  findings,
  overlay: emptyOverlay(),
  briefing: { title: 'Ferry talks', subtitle: null, date: '2026-01-02', author: '', marking: '', sections: ['bluf'], templateId: 'situation', notes, options: { citations: null, language: 'en-GB' } },
});

/** The receiver: takes the steps in order, as the autosave worker does. */
const receive = (held: HeldProject | null, steps: readonly PatchStep[]): HeldProject => steps.reduce<HeldProject | null>((h, s) => applyProjectPatch(h, s.patch), held)!;

const fullArticles = (s: PatchStep) => s.patch.articles.filter((a): a is Article => !('ref' in a));
const newItems = (s: PatchStep) => Object.values(s.patch.findings.items).reduce((n, l) => n + l.length, 0);

describe('autosave patches', () => {
  let n = 0;
  const version = () => `v${++n}`;

  it('a whole project goes in steps within the budget, and comes out byte for byte', () => {
    const articles = Array.from({ length: 23 }, (_, i) => article(i, i === 5 ? 400 : 20));
    const findings = { ...emptyFindings(), people: Array.from({ length: 17 }, (_, i) => person(i)), positions: Array.from({ length: 31 }, (_, i) => position(i)) };
    const p = project(articles, findings);
    const budget: PatchBudget = { articles: 4, chars: 5_000, items: 7 };
    const steps = planProjectPatches(null, p, version, budget);
    expect(steps.length).toBeGreaterThanOrEqual(Math.ceil(48 / 7));
    for (const s of steps) {
      expect(fullArticles(s).length).toBeLessThanOrEqual(budget.articles);
      // An article longer than the budget goes alone.
      const chars = fullArticles(s).reduce((k, a) => k + a.text.length, 0);
      expect(chars <= budget.chars || fullArticles(s).length === 1).toBe(true);
      expect(newItems(s)).toBeLessThanOrEqual(budget.items);
    }
    expect(steps[0]!.patch.base).toBeNull();
    steps.slice(1).forEach((s, i) => expect(s.patch.base).toBe(steps[i]!.patch.version));
    const held = receive(null, steps);
    expect(serializeCheckedProject(held.project)).toBe(serializeProject(p));
  });

  it('after changes, one patch with references and the changed items only, however the project changed', () => {
    const budget: PatchBudget = { articles: 3, chars: 100_000, items: 5 };
    let p = project(Array.from({ length: 8 }, (_, i) => article(i)), { ...emptyFindings(), people: Array.from({ length: 9 }, (_, i) => person(i)) });
    let steps = planProjectPatches(null, p, version, budget);
    let held = receive(null, steps);
    let sent: SentProject = steps.at(-1)!.after;
    // Each change as the window makes them: new objects for what changed, the same objects for the rest.
    const changes: Array<(q: Project) => Project> = [
      (q) => ({ ...q, articles: [...q.articles, article(8)], findings: { ...q.findings, people: [...q.findings.people, person(9)] } }),
      (q) => ({ ...q, overlay: { ...q.overlay, decisions: { p1: { status: 'rejected' } } } }),
      (q) => ({ ...q, articles: q.articles.map((a) => (a.id === 'a3' ? { ...a, title: 'Corrected title' } : a)) }),
      // The link is not part of an article's key: the reference carries it, set and cleared.
      (q) => ({ ...q, articles: q.articles.map((a) => (a.id === 'a4' ? { ...a, url: 'https://example.org/round-4' } : a)) }),
      (q) => ({ ...q, articles: q.articles.map((a) => (a.id === 'a4' ? { ...a, url: null } : a)) }),
      (q) => ({ ...q, articles: q.articles.filter((a) => a.id !== 'a0'), findings: { ...q.findings, people: q.findings.people.slice(1) } }),
      (q) => ({ ...q, findings: { ...q.findings, people: [...q.findings.people].reverse(), positions: [position(1)] } }),
      (q) => project(q.articles, q.findings, 'A note for the reader.'),
    ];
    for (const change of changes) {
      p = change(p);
      steps = planProjectPatches(sent, p, version, budget);
      expect(steps.length).toBe(1);
      expect(steps[0]!.patch.base).toBe(sent.version);
      expect(fullArticles(steps[0]!).length).toBeLessThanOrEqual(1);
      expect(newItems(steps[0]!)).toBeLessThanOrEqual(1);
      held = receive(held, steps);
      sent = steps[0]!.after;
      expect(serializeCheckedProject(held.project)).toBe(serializeProject(p));
    }
  });

  it('too much changed: the whole project again, in steps', () => {
    const budget: PatchBudget = { articles: 3, chars: 100_000, items: 4 };
    const p = project(Array.from({ length: 5 }, (_, i) => article(i)), { ...emptyFindings(), people: Array.from({ length: 6 }, (_, i) => person(i)) });
    const first = planProjectPatches(null, p, version, budget);
    // Re-extracted: every item a new object.
    const q = { ...p, findings: { ...p.findings, people: p.findings.people.map((x) => ({ ...x })) } };
    const steps = planProjectPatches(first.at(-1)!.after, q, version, budget);
    expect(steps.length).toBeGreaterThan(1);
    expect(steps[0]!.patch.base).toBeNull();
    expect(serializeCheckedProject(receive(receive(null, first), steps).project)).toBe(serializeProject(q));
  });

  it('a patch built on a version or an article not held is refused as missing', () => {
    const p = project([article(0), article(1)], emptyFindings());
    const [whole] = planProjectPatches(null, p, version);
    const held = applyProjectPatch(null, whole!.patch);
    const [next] = planProjectPatches(whole!.after, { ...p, articles: [...p.articles, article(2)] }, version);
    expect(() => applyProjectPatch(null, next!.patch)).toThrow(MissingBase);
    expect(() => applyProjectPatch({ ...held, version: 'other' }, next!.patch)).toThrow(MissingBase);
    expect(() => applyProjectPatch({ ...held, byKey: new Map() }, next!.patch)).toThrow(MissingBase);
    expect(applyProjectPatch(held, next!.patch).project.articles.map((a) => a.id)).toEqual(['a0', 'a1', 'a2']);
  });
});
