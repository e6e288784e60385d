// The window's store without a browser: the pure transitions of `renderer/state/app.ts`, and the
// workflow's commands of `renderer/state/store.ts` driven against a stand-in API (saves, the
// Save / Don't save / Cancel question, imports with duplicates and failures, a cancelled
// extraction, a damaged project with a backup). Timers are a manual clock.
import { describe, expect, it } from 'vitest';
import { emptyFindings, emptyOverlay, type Article, type Findings, type Position, type Project, type Result } from '../src/model';
import type { BriefsmithBridge, ImportReport, OpenedProject, ProjectReply } from '../src/services/api';
import { appReducer, initialAppState, MAX_LASTING_NOTICES, type AppAction, type AppState } from '../renderer/state/app';
import { createAppStore } from '../renderer/state/store';
import { diffFindings } from '../src/services/findings-update';
import { applyProjectPatch, MissingBase, type HeldProject, type ProjectPatch } from '../src/services/project-patch';
import { articleKey } from '../src/services/article-key';
import { HeldTexts } from '../src/services/reply-text';

const project = (title = 'T'): Project => ({
  format: 'briefsmith',
  version: 2,
  articles: [],
  findings: emptyFindings(),
  overlay: emptyOverlay(),
  briefing: { title, subtitle: null, date: '2026-01-02', author: '', marking: '', sections: ['bluf'], templateId: 'situation', notes: '', options: { citations: null, language: 'en-GB' } },
});
const opened = (p: Project = project(), path: string | null = null): OpenedProject => ({ project: p, path, migratedFrom: null });
/** A project as main sends it: its JSON text (the window parses it). */
const reply = (p: Project = project(), path: string | null = null, held: string | null = null): ProjectReply => ({ projectText: { inline: JSON.stringify(p) }, path, migratedFrom: null, held });
const article = (id: string): Article => ({ id, title: `Title ${id}`, outlet: null, published: null, byline: null, text: `Words of ${id}.`, origin: { kind: 'file', path: `/in/${id}.txt`, format: 'txt' } });
const position = (id: string, a: string): Position => ({ id, sources: [{ article: a, sentence: 's', start: 0, end: 1 }], confidence: 0.9, conflicts: [], party: 'Ruritania', kind: 'demand', text: `position ${id}`, speaker: null });
const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
const fail = (code: string, message: string, extra: Record<string, unknown> = {}): Promise<Result<never>> => Promise.resolve({ ok: false, error: { code, message, file: null, ...extra } } as Result<never>);

/** A stand-in bridge: the start-up calls answer plainly, the rest as the test says. */
function fakeApi(over: Partial<BriefsmithBridge> = {}): BriefsmithBridge & { calls: string[] } {
  const calls: string[] = [];
  const base: Partial<BriefsmithBridge> = {
    newProject: () => ok(reply(project('Fresh'))),
    recentProjects: () => ok([]),
    listTemplates: () => ok([]),
    recover: () => ok(null),
    discardRecovery: () => ok(null),
    autosave: () => ok({ kind: 'saved' as const, savedAt: '2026-01-02T00:00:00Z' }),
    cancelJob: () => ok({ cancelled: true }),
    onProgress: () => () => undefined,
    ...over,
  };
  return new Proxy(base, {
    get(t, k: string) {
      if (k === 'calls') return calls;
      const f = (t as Record<string, unknown>)[k];
      if (typeof f !== 'function') throw new Error(`the test's API has no ${k}`);
      return (...args: unknown[]) => {
        calls.push(k);
        return (f as (...a: unknown[]) => unknown)(...args);
      };
    },
  }) as BriefsmithBridge & { calls: string[] };
}

/** A store on a manual clock: `tick()` runs the timers that are due. */
function storeWith(api: BriefsmithBridge) {
  let now = 0;
  let jobs = 0;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const store = createAppStore({ api, newJobId: (k) => `${k}-${++jobs}`, setTimer: (fn, ms) => timers.push({ at: now + ms, fn }) });
  const tick = (ms: number) => {
    now += ms;
    for (const t of timers.splice(0).filter((x) => (x.at <= now ? (x.fn(), false) : true))) timers.push(t);
  };
  return { store, tick };
}

const run = (s: AppState, ...actions: AppAction[]): AppState => actions.reduce(appReducer, s);
const started = (p: Project = project()): AppState => run(initialAppState, { type: 'started', opened: opened(p), recent: [], templates: [], recovery: null });

describe('app state: pure transitions', () => {
  it('a change says what it did with Undo; undo says so with Redo', () => {
    const s1 = run(started(), { type: 'doc', action: { type: 'setBriefing', patch: { title: 'New title' }, label: "Renamed to 'New title'" } });
    expect(s1.notices.map((n) => [n.kind, n.text, n.offer])).toEqual([['info', "Renamed to 'New title'.", 'undo']]);
    const s2 = run(s1, { type: 'doc', action: { type: 'undo' } });
    expect(s2.doc?.project.briefing.title).toBe('T');
    expect(s2.notices.map((n) => [n.text, n.offer])).toEqual([["Undone: Renamed to 'New title'.", 'redo']]);
    // An action that changes nothing says nothing.
    expect(run(s2, { type: 'doc', action: { type: 'setBriefing', patch: { title: 'T' } } })).toBe(s2);
  });

  it('information notices replace each other; errors and warnings stay, the last few', () => {
    let s = started();
    for (let i = 0; i < 5; i++) s = run(s, { type: 'notify', kind: i % 2 ? 'warning' : 'error', text: `problem ${i}` });
    s = run(s, { type: 'notify', kind: 'info', text: 'one' }, { type: 'notify', kind: 'info', text: 'two' });
    expect(s.notices.map((n) => n.text)).toEqual(['problem 3', 'problem 4', 'two']);
    expect(s.notices.filter((n) => n.kind !== 'info').length).toBe(MAX_LASTING_NOTICES - 1);
    const id = s.notices[0]!.id;
    expect(run(s, { type: 'dismiss', id }).notices.map((n) => n.text)).toEqual(['problem 4', 'two']);
  });

  it('progress moves only its own job; idle of another job leaves the bar', () => {
    const s = run(started(), { type: 'busy', job: 'extract-1', label: 'Extracting' });
    const moved = run(s, { type: 'progress', event: { job: 'extract-1', done: 2, total: 5, label: 'Extracting 2 of 5' } });
    expect(moved.busy).toEqual({ job: 'extract-1', label: 'Extracting 2 of 5', done: 2, total: 5 });
    expect(run(moved, { type: 'progress', event: { job: 'other', done: 9, total: 9, label: 'x' } })).toBe(moved);
    expect(run(moved, { type: 'idle', job: 'other' }).busy).not.toBeNull();
    expect(run(moved, { type: 'idle', job: 'extract-1' }).busy).toBeNull();
  });

  it('opening a project resets the window: failures, last export, targets; Review when it has articles', () => {
    const withArticles = { ...project(), articles: [article('a1')] };
    const s = run(
      started(),
      { type: 'failures', failures: [{ file: 'bad.txt', code: 'unreadable', message: 'bad.txt: unreadable' }] },
      { type: 'exported', file: { path: '/out/b.pdf', bytes: 10, format: 'pdf' } },
      { type: 'openArticle', id: 'a9' },
    );
    expect([s.failures.length, s.lastExport?.path, s.step, s.articleTarget]).toEqual([1, '/out/b.pdf', 'articles', 'a9']);
    const o = run(s, { type: 'opened', opened: opened(withArticles, '/p/x.briefsmith') });
    expect([o.failures.length, o.lastExport, o.step, o.articleTarget, o.doc?.path]).toEqual([0, null, 'review', null, '/p/x.briefsmith']);
    // A restored project is unsaved until saved.
    expect(run(s, { type: 'opened', opened: opened(withArticles), dirty: true }).doc!.rev).not.toBe(0);
  });

  it("a re-import's failures replace that file's old ones", () => {
    const s = run(started(), { type: 'failures', failures: [{ file: 'a.txt', code: 'unreadable', message: 'a.txt: old' }, { file: 'b.txt', code: 'unreadable', message: 'b.txt' }] });
    expect(run(s, { type: 'failures', failures: [], clearFiles: ['a.txt'] }).failures.map((f) => f.file)).toEqual(['b.txt']);
  });
});

describe('app store: commands against a stand-in API', () => {
  it('a save near the size limit shows its warning, which stays when the confirmation goes', async () => {
    const warning = '"/p/big.briefsmith" is 210 MB, near the 256 MB limit for opening a project';
    const api = fakeApi({ saveProjectAs: () => ok({ path: '/p/big.briefsmith', warning }), saveProject: () => ok({ path: '/p/big.briefsmith', warning: null }) });
    const { store, tick } = storeWith(api);
    await store.start();
    store.doc({ type: 'setBriefing', patch: { title: 'Changed' } });
    expect(await store.saveAs()).toBe(true);
    const s = store.getState();
    expect(s.doc?.path).toBe('/p/big.briefsmith');
    expect(s.doc!.rev).toBe(s.doc!.savedRev);
    expect(s.notices.map((n) => [n.kind, n.text])).toEqual([
      ['info', 'Saved big.briefsmith.'],
      ['warning', warning],
    ]);
    tick(60_000);
    expect(store.getState().notices.map((n) => n.kind)).toEqual(['warning']);
    // A save without a warning says only that it saved.
    expect(await store.save()).toBe(true);
    expect(store.getState().notices.map((n) => n.kind)).toEqual(['warning', 'info']);
  });

  it('New over unsaved changes asks; Cancel keeps the project, Save saves first, then starts anew', async () => {
    const api = fakeApi({ saveProject: () => ok({ path: '/p/a.briefsmith', warning: null }), openProject: () => ok(reply(project('Opened'), '/p/a.briefsmith')) });
    const { store } = storeWith(api);
    await store.start();
    await store.openProject();
    store.doc({ type: 'setBriefing', patch: { title: 'Edited' } });
    await store.newProject();
    expect(store.getState().unsavedAsk).toEqual({ action: 'starting a new project', then: { kind: 'new' } });
    await store.answerUnsaved('cancel');
    expect(store.getState().unsavedAsk).toBeNull();
    expect(store.getState().doc?.project.briefing.title).toBe('Edited');
    expect(api.calls.filter((c) => c === 'newProject').length).toBe(1); // only at start-up

    await store.newProject();
    await store.answerUnsaved('save');
    expect(api.calls.indexOf('saveProject')).toBeGreaterThan(-1);
    expect(api.calls.lastIndexOf('newProject')).toBeGreaterThan(api.calls.indexOf('saveProject'));
    expect(store.getState().doc?.project.briefing.title).toBe('Fresh');
    // Clean now: New goes ahead without asking.
    await store.newProject();
    expect(store.getState().unsavedAsk).toBeNull();
  });

  it('an import adds the new articles with their findings in one undo step, and names the duplicates', async () => {
    const a1 = article('a1');
    const a2 = article('a2');
    const findings: Findings = { ...emptyFindings(), positions: [position('p1', 'a1'), position('p2', 'a2')] };
    const reports: ImportReport[] = [
      { articles: [a1, a2, a1], failures: [{ file: 'bad.txt', code: 'unreadable', message: 'bad.txt: not a text file' }] },
      { articles: [a2], failures: [] },
    ];
    const extracted: string[][] = [];
    const api = fakeApi({
      importFiles: () => ok(reports.shift()!),
      extractUpdate: (req) => {
        extracted.push(req.articles.map((a) => a.id));
        return ok({ kind: 'update', update: diffFindings(null, findings, 'v1', null) });
      },
    });
    const { store } = storeWith(api);
    await store.start();
    expect(await store.importDialog()).toBe('a1');
    let s = store.getState();
    expect(s.doc?.project.articles.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(s.doc?.project.findings.positions.length).toBe(2);
    expect(s.doc?.past.length).toBe(1);
    expect(s.failures.map((f) => f.file)).toEqual(['bad.txt']);
    expect(s.notices.at(-1)?.text).toBe('Imported 2 new articles, 1 duplicate skipped.');
    expect(s.busy).toBeNull();
    expect(extracted).toEqual([['a1', 'a2']]);

    expect(await store.importDialog()).toBeNull();
    s = store.getState();
    expect(s.notices.at(-1)?.text).toBe('No new article: 1 duplicate skipped.');
    expect(extracted.length).toBe(1); // nothing new: nothing extracted
    // One undo takes the import back whole.
    store.doc({ type: 'undo' });
    expect(store.getState().doc?.project.articles).toEqual([]);
    expect(store.getState().doc?.project.findings.positions).toEqual([]);
  });

  it('sends known articles as references with the findings version, gets what changed, and resends all when the extraction lost them', async () => {
    const [a1, a2, a3] = [article('a1'), article('a2'), article('a3')];
    const p1 = position('p1', 'a1');
    const p2 = position('p2', 'a2');
    const p3 = position('p3', 'a3');
    const v1: Findings = { ...emptyFindings(), positions: [p1] };
    const v2: Findings = { ...emptyFindings(), positions: [p1, p2] };
    const v3: Findings = { ...emptyFindings(), positions: [p1, p2, p3] };
    const reports: ImportReport[] = [a1, a2, a3].map((a) => ({ articles: [a], failures: [] }));
    const requests: Array<{ base: string | null; sent: string[] }> = [];
    const replies = [
      { kind: 'update' as const, update: diffFindings(null, v1, 'v1', null) },
      { kind: 'update' as const, update: diffFindings(v1, v2, 'v2', 'v1') },
      { kind: 'missing' as const, ids: ['a1'] }, // the worker started again
      { kind: 'update' as const, update: diffFindings(null, v3, 'w1', null) },
    ];
    const api = fakeApi({
      importFiles: () => ok(reports.shift()!),
      extractUpdate: (req) => {
        requests.push({ base: req.base, sent: req.articles.map((a) => ('ref' in a ? `ref:${a.id}` : a.id)) });
        return ok(replies.shift()!);
      },
    });
    const { store } = storeWith(api);
    await store.start();
    await store.importDialog();
    await store.importDialog();
    // Only the new position travelled; the first stayed the window's own object.
    const second = diffFindings(v1, v2, 'v2', 'v1');
    expect(second.items.positions).toEqual([p2]);
    expect(store.getState().doc?.project.findings).toEqual(v2);
    await store.importDialog();
    expect(requests).toEqual([
      { base: null, sent: ['a1'] },
      { base: 'v1', sent: ['ref:a1', 'a2'] },
      { base: 'v2', sent: ['ref:a1', 'ref:a2', 'a3'] },
      { base: 'v2', sent: ['a1', 'a2', 'a3'] },
    ]);
    expect(store.getState().doc?.project.findings).toEqual(v3);
    expect(store.getState().doc?.project.articles.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it("an opened project's articles are extracted in the background; when the findings match, the next import gets only what changed", async () => {
    const [a1, a2, a3] = [article('a1'), article('a2'), article('a3')];
    const saved: Findings = { ...emptyFindings(), positions: [position('p1', 'a1'), position('p2', 'a2')] };
    // The extraction's own objects: the same content, keys in another order.
    const reordered = (p: Position): Position => Object.fromEntries(Object.entries(p).reverse()) as Position;
    for (const matches of [true, false]) {
      const mine: Findings = { ...emptyFindings(), positions: saved.positions.map(reordered).map((p, i) => (matches || i ? p : { ...p, confidence: 0.1 })) };
      const requests: Array<{ base: string | null; sent: string[] }> = [];
      const replies = [
        { kind: 'update' as const, update: diffFindings(null, mine, 'v1', null) },
        { kind: 'update' as const, update: diffFindings(matches ? mine : null, { ...mine, positions: [...mine.positions, position('p3', 'a3')] }, 'v2', matches ? 'v1' : null) },
      ];
      const api = fakeApi({
        openProject: () => ok(reply({ ...project('Opened'), articles: [a1, a2], findings: saved }, '/p/a.briefsmith')),
        importFiles: () => ok({ articles: [a3], failures: [] }),
        extractUpdate: (req) => {
          requests.push({ base: req.base, sent: req.articles.map((a) => ('ref' in a ? `ref:${a.id}` : a.id)) });
          return ok(replies.shift()!);
        },
      });
      const { store } = storeWith(api);
      await store.start();
      await store.openProject('/p/a.briefsmith');
      await new Promise((r) => setTimeout(r, 0));
      // Priming changes nothing in the project.
      expect(store.getState().doc?.project.findings).toEqual(saved);
      expect(store.getState().doc?.past.length).toBe(0);
      await store.importDialog();
      expect(requests).toEqual([
        { base: null, sent: ['a1', 'a2'] },
        { base: matches ? 'v1' : null, sent: ['ref:a1', 'ref:a2', 'a3'] },
      ]);
      expect(store.getState().doc?.project.findings.positions.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    }
  });

  it('a project the worker opened goes to the extraction worker to worker; the first import sends references on that version', async () => {
    const [a1, a2, a3] = [article('a1'), article('a2'), article('a3')];
    const saved: Findings = { ...emptyFindings(), positions: [position('p1', 'a1'), position('p2', 'a2')] };
    for (const primed of [true, false]) {
      const requests: Array<{ base: string | null; sent: string[] }> = [];
      const api = fakeApi({
        openProject: () => ok(reply({ ...project('Opened'), articles: [a1, a2], findings: saved }, '/p/a.briefsmith', 'opened:1')),
        primeExtraction: (req) => ok({ primed: primed && req.held === 'opened:1' }),
        importFiles: () => ok({ articles: [a3], failures: [] }),
        extractUpdate: (req) => {
          requests.push({ base: req.base, sent: req.articles.map((a) => ('ref' in a ? `ref:${a.id}` : a.id)) });
          const base = req.base === 'opened:1' ? saved : null;
          return ok({ kind: 'update' as const, update: diffFindings(base, { ...saved, positions: [...saved.positions, position('p3', 'a3')] }, `v${requests.length}`, base ? 'opened:1' : null) });
        },
      });
      const { store } = storeWith(api);
      await store.start();
      await store.openProject('/p/a.briefsmith');
      await new Promise((r) => setTimeout(r, 0));
      await store.importDialog();
      // Primed: nothing sent at open; not possible: the articles go as before.
      expect(requests[0]).toEqual(primed ? { base: 'opened:1', sent: ['ref:a1', 'ref:a2', 'a3'] } : { base: null, sent: ['a1', 'a2'] });
      expect(store.getState().doc?.project.findings.positions.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    }
  });

  it("a long project text is read in parts, all asked for at once; a part gone leaves the project that was open and says so", async () => {
    const texts = new HeldTexts('w', 64);
    const big = { ...project('Opened in parts'), articles: [article('a1'), article('a2')] };
    const asked: number[] = [];
    let ticket = '';
    const api = fakeApi({
      openProject: () => {
        const projectText = texts.keep(JSON.stringify(big));
        ticket = 'ticket' in projectText ? projectText.ticket : '';
        return ok({ projectText, path: '/p/a.briefsmith', migratedFrom: null, held: null });
      },
      readTextPart: async (req) => {
        asked.push(req.index);
        // Every part is asked for before the first answer comes.
        await new Promise((r) => setTimeout(r, 0));
        const text = req.index === 1 && ticket === 'w:2' ? null : texts.part(req.ticket, req.index);
        return ok(text === null ? { kind: 'missing' as const } : { text });
      },
      extractUpdate: () => new Promise(() => undefined),
    });
    const { store } = storeWith(api);
    await store.start();
    await store.openProject('/p/a.briefsmith');
    const parts = Math.ceil(JSON.stringify(big).length / 64);
    expect(parts).toBeGreaterThan(3);
    expect(asked).toEqual(Array.from({ length: parts }, (_, i) => i));
    expect(store.getState().doc?.project).toEqual(big);
    // The next open loses a part on the way: the open project stays, with an error.
    await store.openProject('/p/a.briefsmith');
    expect(store.getState().doc?.project).toEqual(big);
    expect(store.getState().notices.at(-1)).toMatchObject({ kind: 'error', text: expect.stringMatching(/lost on the way/) });
  });

  it('a cancelled extraction adds nothing, says so, and clears the progress bar', async () => {
    const api = fakeApi({ importFiles: () => ok({ articles: [article('a1')], failures: [] }), extractUpdate: () => fail('cancelled', 'Extraction cancelled.') });
    const { store } = storeWith(api);
    await store.start();
    expect(await store.importDialog()).toBeNull();
    const s = store.getState();
    expect(s.doc?.project.articles).toEqual([]);
    expect(s.busy).toBeNull();
    expect(s.notices.map((n) => [n.kind, n.text])).toEqual([['info', 'Extraction cancelled.']]);
  });

  it('a damaged project with a backup: the offer, without the sentence the button replaces; opening it leaves the project unsaved', async () => {
    const api = fakeApi({
      openProject: () => fail('corrupt', '"/p/x.briefsmith" is cut short. A backup from the previous save is available.', { file: '/p/x.briefsmith', backup: { path: '/p/x.briefsmith.bak', savedAt: '2025-03-21T16:45:00Z' } }),
      openProjectBackup: () => ok({ ...reply(project('From backup'), '/p/x.briefsmith'), backupPath: '/p/x.briefsmith.bak', savedAt: '2025-03-21T16:45:00Z' }),
    });
    const { store } = storeWith(api);
    await store.start();
    await store.openProject('/p/x.briefsmith');
    const offer = store.getState().backupOffer!;
    expect(offer).toEqual({ file: '/p/x.briefsmith', message: '"/p/x.briefsmith" is cut short.', savedAt: '2025-03-21T16:45:00Z' });
    await store.openBackup(offer);
    const s = store.getState();
    expect(s.backupOffer).toBeNull();
    expect(s.doc?.project.briefing.title).toBe('From backup');
    expect(s.doc!.rev).not.toBe(s.doc!.savedRev);
  });

  it('autosave sends what changed; after the autosave lost it, the whole project; one at a time', async () => {
    // A stand-in autosave that holds the project as the worker does, and can forget it.
    let held: HeldProject | null = null;
    let written: Project | null = null;
    const patches: Array<{ base: string | null; refs: number; write: boolean }> = [];
    let gate: Promise<void> | null = null;
    const api = fakeApi({
      autosave: async (req) => {
        if (gate) await gate;
        const { path: _path, write, ...patch } = req;
        patches.push({ base: patch.base, refs: patch.articles.filter((a) => 'ref' in a).length, write });
        try {
          held = applyProjectPatch(held, patch as ProjectPatch);
        } catch (e) {
          if (e instanceof MissingBase) return { ok: true, value: { kind: 'missing' as const } };
          throw e;
        }
        if (write) written = held.project;
        return { ok: true, value: write ? { kind: 'saved' as const, savedAt: 'now' } : { kind: 'staged' as const } };
      },
    });
    const { store } = storeWith(api);
    await store.start();
    const three = [article('a1'), article('a2'), article('a3')];
    store.doc({ type: 'addArticles', articles: three, findings: { ...emptyFindings(), positions: [position('q1', 'a1')] } });
    await store.autosave();
    expect(patches).toEqual([{ base: null, refs: 0, write: true }]);
    expect(written).toEqual(store.getState().doc!.project);

    // A decision: one patch on the version held, every article a reference.
    store.doc({ type: 'decide', id: 'q1', decision: { status: 'accepted' } });
    await store.autosave();
    expect(patches.slice(1)).toEqual([{ base: expect.any(String), refs: 3, write: true }]);
    expect(written).toEqual(store.getState().doc!.project);

    // The autosave forgot (its worker started again): `missing`, then the whole project.
    held = null;
    store.doc({ type: 'setBriefing', patch: { title: 'Renamed' } });
    await store.autosave();
    expect(patches.slice(2).map((p) => [p.base === null, p.refs])).toEqual([
      [false, 3],
      [true, 0],
    ]);
    expect(written).toEqual(store.getState().doc!.project);

    // Asked again while one runs: that one finishes, then one more with the latest project.
    let open!: () => void;
    gate = new Promise((r) => (open = r));
    store.doc({ type: 'setBriefing', patch: { title: 'Once' } });
    const first = store.autosave();
    store.doc({ type: 'setBriefing', patch: { title: 'Twice' } });
    const second = store.autosave();
    store.doc({ type: 'setBriefing', patch: { title: 'Thrice' } });
    void store.autosave();
    gate = null;
    open();
    await Promise.all([first, second]);
    expect(patches.length).toBe(6);
    expect(written!.briefing.title).toBe('Thrice');
  });

  it("a freshly imported project's first autosave: the project worker takes the extraction's copy, then one patch of references; preview and export ask for the held version", async () => {
    // More articles than one autosave message carries: without the extraction's copy, the whole project in steps.
    const many = Array.from({ length: 25 }, (_, i) => article(`a${i}`));
    const findings: Findings = { ...emptyFindings(), positions: many.map((a, i) => position(`q${i}`, a.id)) };
    let held: HeldProject | null = null;
    let written: Project | null = null;
    const patches: Array<{ base: string | null; full: number; items: number; write: boolean }> = [];
    const adopted: Array<{ extracted: string; version: string }> = [];
    const asked: string[] = [];
    let extractionLost = false;
    const api = fakeApi({
      importFiles: () => ok({ articles: many, failures: [] }),
      extractUpdate: () => ok({ kind: 'update' as const, update: diffFindings(null, findings, 'x:1', null) }),
      adoptExtraction: async (req) => {
        adopted.push(req);
        if (extractionLost) return ok({ held: false });
        // What the extraction holds: the articles and its findings, without the window's overlay and briefing.
        held = { version: req.version, project: { ...project('placeholder'), articles: many, findings }, byKey: new Map(many.map((a) => [articleKey(a), a])), partial: true };
        return ok({ held: true });
      },
      autosave: async (req) => {
        const { path: _path, write, ...patch } = req;
        patches.push({ base: patch.base, full: patch.articles.filter((a) => !('ref' in a)).length, items: Object.values(patch.findings.items).flat().length, write });
        try {
          held = applyProjectPatch(held, patch as ProjectPatch);
        } catch (e) {
          if (e instanceof MissingBase) return ok({ kind: 'missing' as const });
          throw e;
        }
        if (write) written = held.project;
        return ok(write ? { kind: 'saved' as const, savedAt: 'now' } : { kind: 'staged' as const });
      },
      preview: async (req) => {
        if (!('held' in req)) throw new Error('the window previews the held version, never the whole project');
        asked.push(`preview ${req.held}`);
        return ok(held && !held.partial && held.version === req.held ? { html: { inline: held.project.briefing.title } } : { kind: 'missing' as const });
      },
      exportDocument: async (req) => {
        if (!('held' in req)) throw new Error('the window exports the held version, never the whole project');
        asked.push(`export ${req.format} ${req.held}`);
        return ok({ path: '/out/brief.pdf', bytes: 10, format: req.format, warnings: [] });
      },
    });
    const { store } = storeWith(api);
    await store.start();
    await store.importDialog();
    store.doc({ type: 'decide', id: 'q3', decision: { status: 'accepted' } });
    await store.autosave();
    expect(adopted).toEqual([{ extracted: 'x:1', version: expect.any(String) }]);
    expect(patches).toEqual([{ base: adopted[0]!.version, full: 0, items: 0, write: true }]);
    expect(written).toEqual(store.getState().doc!.project);

    // Preview and export: of the version the worker holds, nothing more sent.
    store.doc({ type: 'setBriefing', patch: { title: 'Previewed' } });
    expect(await store.preview(store.getState().doc!.project)).toEqual({ html: 'Previewed' });
    await store.exportAs('pdf');
    expect(patches.slice(1)).toEqual([{ base: expect.any(String), full: 0, items: 0, write: false }]);
    expect(asked).toEqual([`preview ${held!.version}`, `export pdf ${held!.version}`]);
    expect(store.getState().lastExport?.path).toBe('/out/brief.pdf');

    // The project worker started again: the extraction's copy once more, then one patch.
    held = null;
    store.doc({ type: 'setBriefing', patch: { title: 'Restarted' } });
    await store.autosave();
    expect(adopted.length).toBe(2);
    expect(patches.slice(2).map((p) => [p.full, p.items, p.write])).toEqual([
      [0, 0, true], // on the version it lost: missing
      [0, 0, true],
    ]);
    expect(written).toEqual(store.getState().doc!.project);

    // Neither worker holds it any more: the whole project in steps, as before.
    extractionLost = true;
    held = null;
    store.doc({ type: 'setBriefing', patch: { title: 'Lost' } });
    await store.autosave();
    expect(adopted.length).toBe(3);
    const whole = patches.slice(5);
    expect(whole.length).toBeGreaterThan(1);
    expect(whole[0]!.base).toBeNull();
    expect(whole.map((p) => p.write)).toEqual([...whole.slice(1).map(() => false), true]);
    expect(written).toEqual(store.getState().doc!.project);
  });

  it('Save hands the project worker what changed and saves the version it holds; when the worker lost it, the whole project once more', async () => {
    let held: HeldProject | null = null;
    let written: Project | null = null;
    const autosaves: Array<{ base: string | null; write: boolean }> = [];
    const saves: string[] = [];
    let lose = false;
    const opened1 = project('Opened');
    const api = fakeApi({
      openProject: async () => {
        held = { version: 'opened:1', project: opened1, byKey: new Map() };
        return ok(reply(opened1, '/p/a.briefsmith', 'opened:1'));
      },
      autosave: async (req) => {
        const { path: _path, write, ...patch } = req;
        autosaves.push({ base: patch.base, write });
        try {
          held = applyProjectPatch(held, patch as ProjectPatch);
        } catch (e) {
          if (e instanceof MissingBase) return { ok: true, value: { kind: 'missing' as const } };
          throw e;
        }
        return { ok: true, value: write ? { kind: 'saved' as const, savedAt: 'now' } : { kind: 'staged' as const } };
      },
      saveProject: async (req) => {
        if (!('held' in req)) throw new Error('the window sends the version the worker holds, never the whole project');
        saves.push(req.held);
        if (lose || held?.version !== req.held) {
          lose = false;
          held = null;
          return ok({ kind: 'missing' as const, path: req.path });
        }
        written = held.project;
        return ok({ path: req.path, warning: null });
      },
    });
    const { store } = storeWith(api);
    await store.start();
    await store.openProject('/p/a.briefsmith');
    // What the worker opened it holds: nothing to send.
    expect(await store.save()).toBe(true);
    expect(autosaves).toEqual([]);
    expect(saves).toEqual(['opened:1']);

    // A change: one step on the opened version that writes no recovery copy, then that version saved.
    store.doc({ type: 'setBriefing', patch: { title: 'Edited' } });
    expect(await store.save()).toBe(true);
    expect(autosaves).toEqual([{ base: 'opened:1', write: false }]);
    expect(saves.length).toBe(2);
    expect(written).toEqual(store.getState().doc!.project);
    expect(store.getState().doc!.rev).toBe(store.getState().doc!.savedRev);

    // The worker lost it between the step and the save: the whole project, then saved.
    lose = true;
    store.doc({ type: 'setBriefing', patch: { title: 'Again' } });
    expect(await store.save()).toBe(true);
    expect(autosaves.slice(1).map((a) => [a.base === null, a.write])).toEqual([
      [false, false],
      [true, false],
    ]);
    expect(saves.length).toBe(4);
    expect(written!.briefing.title).toBe('Again');
  });
});
