// The project format (pure): new project, stable serialisation, parse errors, migration.
import { describe, expect, it } from 'vitest';
import { BriefsmithError } from '../src/model/result';
import { PROJECT_VERSION, ProjectSchema, type Project } from '../src/model/project';
import { MIGRATIONS, newProject, parseProject, projectFromCheckedText, serializeProject } from '../src/project/project';

const NOW = new Date('2026-03-04T10:00:00Z');

function sample(): Project {
  const p = newProject({ now: NOW, templateId: 'situation' });
  p.briefing.title = 'Weekly talks briefing';
  p.articles.push({
    id: 'a1',
    title: 'Talks resume',
    outlet: 'Example Wire',
    published: '2026-03-03',
    byline: 'A. Writer',
    text: 'Négociations reprennent. Talks resumed on Monday — “slowly”.',
    origin: { kind: 'file', path: '/tmp/a1.txt', format: 'txt' },
  });
  p.findings.outlook.push({ id: 'o1', sources: [{ article: 'a1', sentence: 'Talks resumed on Monday — “slowly”.', start: 25, end: 60 }], confidence: 0.7, conflicts: [], text: 'Talks resumed', who: null, horizon: 'on Monday', date: '2026-03-02' });
  p.overlay.decisions = { o1: { status: 'accepted' }, zz: { status: 'rejected' }, aa: { status: 'edited', fields: { text: 'x', b: 1, a: 2 } } };
  p.overlay.personMerges = [['p2', 'p1']];
  return p;
}

function errorOf(fn: () => unknown): BriefsmithError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BriefsmithError) return e;
    throw e;
  }
  throw new Error('expected a BriefsmithError');
}

describe('newProject', () => {
  it('is valid against the schema and dated by the clock passed in', () => {
    const p = newProject({ now: NOW });
    expect(ProjectSchema.safeParse(p).success).toBe(true);
    expect(p.briefing.date).toBe('2026-03-04');
    expect(p.version).toBe(PROJECT_VERSION);
    expect(newProject({ now: NOW, templateId: 'memo' }).briefing.templateId).toBe('memo');
  });
});

describe('serializeProject / parseProject', () => {
  it('round-trips exactly', () => {
    const p = sample();
    const text = serializeProject(p);
    const { project, migratedFrom } = parseProject(text, 'x.briefsmith');
    expect(migratedFrom).toBeNull();
    expect(project).toEqual(p);
    expect(serializeProject(project)).toBe(text);
  });

  it('is stable: the same project in any key order gives the same bytes, keys sorted, one line, newline-terminated', () => {
    const p = sample();
    const shuffled = JSON.parse(JSON.stringify(p), function (this: unknown, _k, v) {
      if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).reverse());
      return v;
    }) as Project;
    expect(Object.keys(shuffled)[0]).not.toBe(Object.keys(p)[0]);
    const a = serializeProject(p);
    expect(serializeProject(shuffled)).toBe(a);
    expect(a.endsWith('}\n')).toBe(true);
    expect(a.split('\n')).toEqual([expect.stringMatching(/^\{"articles":\[/), '']);
    const top = Object.keys(JSON.parse(a));
    expect(top).toEqual([...top].sort());
    expect(Object.keys(JSON.parse(a).overlay.decisions.aa.fields)).toEqual(['a', 'b', 'text']);
  });

  it('leaves out a source sentence where its article holds it at its place, and puts it back on reading', () => {
    const p = sample();
    const elsewhere = { article: 'a9', sentence: 'Not in this project.', start: 0, end: 20 };
    const moved = { article: 'a1', sentence: 'Talks resumed on Tuesday.', start: 25, end: 50 };
    p.findings.outlook[0]!.sources.push(elsewhere, moved);
    const text = serializeProject(p);
    const refs = (JSON.parse(text) as Project).findings.outlook[0]!.sources;
    expect(refs[0]).toEqual({ article: 'a1', start: 25, end: 60 });
    expect(refs.slice(1)).toEqual([elsewhere, moved]);
    expect(text.split('slowly').length).toBe(2); // in the article's text only
    expect(parseProject(text, null).project).toEqual(p);
    // The window's read of the project worker's reply (the same text, checked there) puts them back too.
    expect(projectFromCheckedText(text)).toEqual(p);
  });

  it('reads a file written the old way (indented, every sentence repeated) as the same project', () => {
    const p = sample();
    const old = JSON.stringify(p, null, 2) + '\n';
    const { project, migratedFrom } = parseProject(old, 'old.briefsmith');
    expect(migratedFrom).toBeNull();
    expect(project).toEqual(p);
    expect(serializeProject(project).length).toBeLessThan(old.length);
  });

  it('passes the file text on only when the check gives back what the file holds', () => {
    const text = serializeProject(sample());
    expect(parseProject(text, null).text).toBe(text);
    const doc = JSON.parse(text) as { findings: { outlook: Array<Record<string, unknown>> } };
    delete doc.findings.outlook[0]!.conflicts; // the check puts in []
    const changed = parseProject(JSON.stringify(doc), null);
    expect(changed.text).toBeNull();
    expect(changed.project.findings.outlook[0]!.conflicts).toEqual([]);
    const v0 = JSON.parse(text) as Record<string, unknown>;
    v0.version = 0;
    expect(parseProject(JSON.stringify(v0), null).text).toBeNull();
  });

  it('reports a source without a sentence whose place is not in its article as damage', () => {
    const doc = JSON.parse(serializeProject(sample())) as { findings: { outlook: Array<{ sources: Array<{ end: number }> }> } };
    doc.findings.outlook[0]!.sources[0]!.end = 999;
    const e = errorOf(() => parseProject(JSON.stringify(doc), 'cut.briefsmith'));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/findings\.outlook\[0\]\.sources\[0\]\.sentence/);
  });

  it('refuses to serialise an invalid project (so it never writes a file it cannot open)', () => {
    const p = sample() as unknown as { briefing: { title: string } };
    p.briefing.title = '';
    expect(errorOf(() => serializeProject(p as unknown as Project)).code).toBe('invalid-input');
  });

  it('accepts a UTF-8 BOM', () => {
    expect(parseProject('\ufeff' + serializeProject(sample()), 'b.briefsmith').project.briefing.title).toBe('Weekly talks briefing');
  });
});

describe('parseProject errors name the file and the problem', () => {
  const good = serializeProject(sample());
  const cases: Array<[string, string, RegExp]> = [
    ['empty', '', /is empty/],
    ['whitespace only', '  \n\t', /is empty/],
    ['truncated JSON', good.slice(0, Math.floor(good.length / 2)), /cut short/],
    ['truncated after a comma', good.slice(0, good.indexOf(',') + 1), /cut short/],
    ['not JSON', 'hello, this is a letter', /not valid JSON/],
    ['binary', '\u0000\u0001PK\u0003\u0004\u0000garbage', /binary file/],
    ['JSON but not a project', '{"hello": 1}', /not a Briefsmith project/],
    ['a JSON array', '[1,2,3]', /not a Briefsmith project/],
    ['bad version', good.replace('"version":2', '"version":"one"'), /version/],
  ];
  for (const [name, text, re] of cases) {
    it(name, () => {
      const e = errorOf(() => parseProject(text, '/work/projects/talks.briefsmith'));
      expect(e.code).toBe('corrupt');
      expect(e.file).toBe('/work/projects/talks.briefsmith');
      expect(e.message).toContain('"/work/projects/talks.briefsmith"');
      expect(e.message).toMatch(re);
    });
  }

  it('wrong schema: names the first problem with its path', () => {
    const doc = JSON.parse(good);
    doc.articles[0].published = 'yesterday';
    const e = errorOf(() => parseProject(JSON.stringify(doc), 'p.briefsmith'));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/"p\.briefsmith" is damaged: articles\[0\]\.published: /);
  });

  it('missing section: names it', () => {
    const doc = JSON.parse(good);
    delete doc.findings;
    const e = errorOf(() => parseProject(JSON.stringify(doc), 'p.briefsmith'));
    expect(e.message).toMatch(/findings/);
  });

  it('a newer version is refused with both versions named', () => {
    const doc = JSON.parse(good);
    doc.version = 3;
    doc.somethingNew = { x: 1 };
    const e = errorOf(() => parseProject(JSON.stringify(doc), 'new.briefsmith'));
    expect(e.code).toBe('newer-version');
    expect(e.message).toContain('made by a newer Briefsmith (v3); this app reads up to v2');
    expect(e.message).toContain('"new.briefsmith"');
  });

  it('without a file name, the message still reads well', () => {
    expect(errorOf(() => parseProject('', null)).message).toMatch(/^The project is empty/);
  });
});

describe('migration v0 → v1', () => {
  // What a version-0 file looked like: no person merges/splits, no briefing options,
  // the template under `template`.
  function v0(): Record<string, unknown> {
    const p = JSON.parse(serializeProject(sample()));
    delete p.overlay.personMerges;
    delete p.overlay.personSplits;
    p.briefing.template = p.briefing.templateId;
    delete p.briefing.templateId;
    delete p.briefing.options;
    p.version = 0;
    return p;
  }

  it('opens a v0 file as the current version and reports the version it came from', () => {
    const { project, migratedFrom } = parseProject(JSON.stringify(v0()), 'old.briefsmith');
    expect(migratedFrom).toBe(0);
    expect(project.version).toBe(2);
    expect(project.briefing.templateId).toBe('situation');
    expect('template' in project.briefing).toBe(false);
    expect(project.briefing.options).toEqual({ citations: null, language: 'en-GB' });
    expect(project.overlay.personMerges).toEqual([]);
    expect(project.overlay.personSplits).toEqual([]);
    expect(project.overlay.decisions.o1).toEqual({ status: 'accepted' });
    expect(project.articles).toEqual(sample().articles);
  });

  it('opens a v1 file (every sentence written out) as v2, and reports it came from v1', () => {
    const v1 = { ...sample(), version: 1 };
    const { project, migratedFrom, text } = parseProject(JSON.stringify(v1, null, 2), 'v1.briefsmith');
    expect(migratedFrom).toBe(1);
    expect(project).toEqual(sample());
    expect(text).toBeNull(); // written out again in the current version, never passed on as it was
  });

  it('is pure: the input document is not changed', () => {
    const doc = v0();
    const before = JSON.stringify(doc);
    MIGRATIONS[0](doc);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('a v0 file that is damaged after migration is still reported as corrupt', () => {
    const doc = v0();
    delete (doc.briefing as Record<string, unknown>).template;
    const e = errorOf(() => parseProject(JSON.stringify(doc), 'old.briefsmith'));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/briefing\.templateId/);
  });

  it('there is one migration per version step', () => {
    expect(MIGRATIONS.length).toBe(PROJECT_VERSION);
  });
});
