import { describe, expect, it } from 'vitest';
import { formatFindingsText } from '../src/cli/format-text';
import { emptyFindings, type Article } from '../src/model';

describe('extract, printed for a terminal', () => {
  it('calls an article with no headline "Untitled article" and shows where it came from', () => {
    const a: Article = { id: 'a-1', title: null, outlet: null, published: null, byline: null, text: 'Talks resumed in Northport on Monday.', origin: { kind: 'file', path: '/tmp/notes/northport.txt', format: 'txt' } };
    const out = formatFindingsText([a], emptyFindings());
    expect(out).toContain('[1] Untitled article  /tmp/notes/northport.txt');
    expect(out).not.toContain('(untitled)');
  });
});
