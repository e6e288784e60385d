import { describe, expect, it } from 'vitest';
import { anchorOf } from '../src/extract/learn/item-anchor';
import { isKindLexical, kindContext, kindFeatures } from '../src/extract/learn/kind-features';
import { KIND_MODEL, kindOf, type KindModelFile } from '../src/extract/learn/kind-model';
import { expectNoHeldOutIds } from './fixtures/training-ids';
import { buildAnalysed } from './fixtures/analysed-article';

// Invented sentences, none from any article.
describe('the learned kind model reads the item’s sentence', () => {
  it('finds an item’s own words in its sentence, across the quotation marks item texts drop', () => {
    const a = buildAnalysed('The Togolese envoy said on Monday that Ghana “must withdraw its patrols” from the border.');
    const s = a.sentences[0]!;
    expect(a.article.text.slice(anchorOf(s, 'must withdraw its patrols from the border'))).toMatch(/^must withdraw/);
    expect(a.article.text.slice(anchorOf(s, 'Ghana must withdraw its patrols'))).toMatch(/^Ghana “must/);
    // words the sentence does not hold: its first verb
    expect(a.article.text.slice(anchorOf(s, 'zzz qqq'))).toMatch(/^said/);
  });

  it('gives the sentence’s tags, its first verb and the words before the item as context', () => {
    const a = buildAnalysed('Ghana accused Togo on Friday of shelling the market, and demanded that the shelling stop.');
    const s = a.sentences[0]!;
    const c = kindContext(a, s, 'demanded that the shelling stop');
    expect(c).toContain('c:tag:stance:accusation');
    expect(c).toContain('c:v:accused');
    expect(c).toEqual(expect.arrayContaining(['c:pre:market', 'c:pre:and']));
    expect(c).not.toContain('c:in-quote');
    // no proper noun and no number is ever a context feature
    for (const f of c) expect(f).not.toMatch(/[A-Z]|\d/);
  });

  it('marks an item whose words stand in a quotation', () => {
    const a = buildAnalysed('“We will never accept foreign troops on our soil,” the Togolese minister said.');
    expect(kindContext(a, a.sentences[0]!, 'We will never accept foreign troops on our soil')).toContain('c:in-quote');
  });

  it('adds the context to the item’s own features, and counts its words as lexical', () => {
    const f = kindFeatures({ kind: 'demand', rules: ['demand-verb'], text: 'demanded a truce', context: ['c:tag:stance:demand', 'c:pre:and'] });
    expect(f).toEqual(expect.arrayContaining(['cue:demand', 't:demanded', 'c:tag:stance:demand', 'c:pre:and']));
    expect(isKindLexical('c:pre:and')).toBe(true);
    expect(isKindLexical('c:v:accused')).toBe(true);
    expect(isKindLexical('c:tag:stance:demand')).toBe(false);
    expect(isKindLexical('cue:demand')).toBe(false);
  });

  it('the committed model weighs context, keeps words out of names and numbers, and saw no held-out article', () => {
    const weights = Object.values(KIND_MODEL.models).flatMap((m) => Object.keys(m.weights));
    expect(weights.some((f) => f.startsWith('c:tag:stance:'))).toBe(true);
    for (const f of weights) if (isKindLexical(f)) expect(f).not.toMatch(/[A-Z]|\d/);
    expectNoHeldOutIds((KIND_MODEL as KindModelFile).trainingIds);
  });

  it('reads an invented accusation stated with an attack verb as an accusation', () => {
    const a = buildAnalysed('The Togolese army said rebels shelled the market on Friday and killed civilians in an attack on the town.');
    const text = 'rebels shelled the market on Friday and killed civilians in an attack on the town';
    const item = { kind: 'demand' as const, rules: ['learned-positions'], text, context: kindContext(a, a.sentences[0]!, text) };
    expect(kindOf(KIND_MODEL, item, true)).toBe('accusation');
  });
});
