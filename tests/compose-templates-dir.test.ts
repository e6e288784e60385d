import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { templateSummaries } from '../src/compose/templates-dir';
import { loadTemplates } from '../src/compose/templates-node';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function folder(files: Record<string, string>): string {
  const d = mkdtempSync(path.join(tmpdir(), 'bs-templates-'));
  dirs.push(d);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(d, name), text);
  return d;
}

describe('templateSummaries (the list `briefsmith templates` prints, without the schema library)', () => {
  it('gives the id, name and description the full validation gives, for every shipped template', () => {
    expect(templateSummaries()).toEqual(loadTemplates().map((t) => ({ id: t.id, name: t.name, description: t.description })));
  });

  it('names a template file that is not JSON, or whose id or name is wrong', () => {
    expect(() => templateSummaries(folder({ 'a.json': '{ "id": "a", ' }))).toThrow(/Template "a" is not valid JSON/);
    expect(() => templateSummaries(folder({ 'b.json': '{ "id": "c", "name": "B" }' }))).toThrow(/Template "b" declares the id "c"/);
    expect(() => templateSummaries(folder({ 'd.json': '{ "id": "d", "name": 4 }' }))).toThrow(/Template "d" is not a valid Briefsmith template: name/);
  });

  it('lists only files named like template ids, sorted, with an empty description when none is given', () => {
    const d = folder({ 'z.json': '{ "id": "z", "name": "Zed" }', 'a-b.json': '{ "id": "a-b", "name": "Ab", "description": "x" }', 'Bad Name.json': '{}', 'notes.txt': 'x' });
    expect(templateSummaries(d)).toEqual([
      { id: 'a-b', name: 'Ab', description: 'x' },
      { id: 'z', name: 'Zed', description: '' },
    ]);
  });
});
