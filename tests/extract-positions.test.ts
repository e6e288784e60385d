import { describe, expect, it } from 'vitest';
import { detectPositions } from '../src/extract/positions';
import type { AnalysedArticle } from '../src/extract/types';
import { buildAnalysed } from './fixtures/analysed-article';
import { PositionSchema } from '../src/model';

const build = (text: string, people: Array<[string, string | null, string[]]> = [], published: string | null = '2024-05-14') =>
  buildAnalysed(text, people, published, 't1');

const brief = (a: AnalysedArticle) => detectPositions(a).map((p) => `${p.party} ${p.kind}: ${p.text}`);

describe('positions: kinds from cue phrases', () => {
  it('finds each kind and attributes it to the clause subject', () => {
    const a = build(
      [
        'Hamas demanded a full withdrawal of troops from the enclave.',
        'Israel rejected the proposal on Monday.',
        'Egypt offered to host the next round.',
        'Sudan’s army would agree to a truce only if the paramilitaries left the cities.',
        'Qatar’s goal is to secure the release of every hostage.',
        'Pakistan accused India of violating the ceasefire line.',
        'Officials in Kyiv have set out red lines: Ukraine will never accept the loss of its territory.',
      ].join('\n'),
    );
    expect(brief(a)).toEqual([
      'Hamas demand: demanded a full withdrawal of troops from the enclave',
      'Israel refusal: rejected the proposal on Monday',
      'Egypt offer: offered to host the next round',
      'Sudan condition: would agree to a truce only if the paramilitaries left the cities',
      'Qatar goal: goal is to secure the release of every hostage',
      'Pakistan accusation: accused India of violating the ceasefire line',
      'Ukraine red-line: will never accept the loss of its territory',
    ]);
  });

  it('gives every item a stable id, its sentence as source, a confidence and no conflicts', () => {
    const text = 'Israel rejected the proposal.\nEgypt offered to host the talks.';
    const first = detectPositions(build(text));
    const second = detectPositions(build(text));
    expect(first.map((p) => p.id)).toEqual(second.map((p) => p.id));
    expect(new Set(first.map((p) => p.id)).size).toBe(first.length);
    for (const p of first) {
      expect(() => PositionSchema.parse(p)).not.toThrow();
      expect(text.slice(p.sources[0].start, p.sources[0].end)).toBe(p.sources[0].sentence);
      expect(p.conflicts).toEqual([]);
      expect(p.confidence).toBeGreaterThan(0);
    }
  });
});

describe('positions: who holds them', () => {
  it('follows "X said it ..." and a quotation to its speaker', () => {
    const a = build(
      [
        'Kyiv said it was ready to accept an unconditional truce.',
        '“Russia must pay for every attack on our cities,” said Foreign Minister Olena Marchuk.',
      ].join('\n'),
      [['Olena Marchuk', 'Ukraine', ['Ms. Marchuk', 'Marchuk']]],
    );
    const ps = detectPositions(a);
    expect(ps.map((p) => [p.party, p.kind])).toEqual([
      ['Ukraine', 'offer'],
      ['Ukraine', 'demand'],
    ]);
    expect(ps[1].speaker).toBe('Olena Marchuk');
    expect(ps[1].text).not.toMatch(/said/);
  });

  it('resolves "he" to the speaker of the sentence before and a passive agent after "by"', () => {
    const a = build(
      [
        'President Arkady Volkov spoke to reporters in the capital.',
        'He said that Russia would never accept foreign troops in Ukraine.',
        'The plan was not backed by Volkov, who told the envoy that he was only prepared to pause air strikes.',
      ].join('\n'),
      [['Arkady Volkov', 'Russia', ['Volkov']]],
    );
    expect(brief(a)).toEqual([
      'Russia red-line: would never accept foreign troops in Ukraine',
      'Russia refusal: was not backed by Volkov',
      'Russia offer: prepared to pause air strikes',
    ]);
  });

  it('takes the possessor of a goal and splits coordinated subjects', () => {
    const a = build(['Washington’s goal in the talks was a lasting truce, the envoy said.', 'Britain and France would lead any such force.'].join('\n'));
    expect(detectPositions(a).map((p) => `${p.party} ${p.kind}`)).toEqual(['United States goal', 'United Kingdom offer', 'France offer']);
  });

  it('finds a new main clause after a subordinate one', () => {
    const a = build('After Moscow said that it would support only a partial truce, Kyiv agreed to the limited deal.');
    expect(detectPositions(a).map((p) => `${p.party} ${p.kind}`)).toEqual(['Russia offer', 'Ukraine offer']);
  });
});

describe('positions: one item per position', () => {
  it('splits a list after "including" and coordinated infinitives', () => {
    const a = build(
      [
        'Moscow continues to insist on sweeping terms, including about annexing four regions and keeping Ukraine out of NATO.',
        'Ukraine will not agree to be barred from alliances or to shrink its army.',
      ].join('\n'),
    );
    expect(brief(a)).toEqual([
      'Russia demand: insist on annexing four regions',
      'Russia demand: insist on keeping Ukraine out of NATO',
      'Ukraine refusal: will not agree to be barred from alliances',
      'Ukraine refusal: will not agree to shrink its army',
    ]);
  });

  it('makes every clause after "red lines" a red line, and resolves "it" to the earlier subject', () => {
    const a = build('Officials have set out red lines: Kyiv will never accept occupation, it will not agree to cap its army, and it must have security guarantees.');
    const ps = detectPositions(a);
    expect(ps).toHaveLength(3);
    expect(ps.every((p) => p.kind === 'red-line' && p.party === 'Ukraine')).toBe(true);
  });

  it('keeps the stronger kind when two cues share a clause', () => {
    const a = build('Russia would agree to a ceasefire only if Ukraine stopped mobilising troops.');
    expect(brief(a)).toEqual(['Russia condition: would agree to a ceasefire only if Ukraine stopped mobilising troops']);
    const b = build('“One has to be truly cynical to talk of peace and bomb cities at the same time,” said Prime Minister Jan Novak of the Czech Republic.', [['Jan Novak', 'Czech Republic', ['Novak']]]);
    expect(detectPositions(b).map((p) => `${p.party} ${p.kind}`)).toEqual(['Czech Republic accusation']);
  });
});

describe('positions: other phrasings', () => {
  it('reads calls on, only-if, demands that include, seeking and relative acceptance', () => {
    const a = build(
      [
        'Hamas called on mediators to pressure Israel.',
        'Iran said it would only resume talks if the United States lifted sanctions first.',
        'Russia’s demands include the recognition of Crimea as Russian territory.',
        'Ukraine is seeking security guarantees from its allies.',
        'Washington proposed a 30-day ceasefire, which Kyiv accepted.',
        'Israel will not withdraw from the border corridor.',
      ].join('\n'),
    );
    expect(detectPositions(a).map((p) => `${p.party} ${p.kind}`)).toEqual([
      'Hamas demand',
      'Iran condition',
      'Russia demand',
      'Ukraine goal',
      'United States offer',
      'Ukraine offer',
      'Israel refusal',
    ]);
    expect(detectPositions(a)[6].text).toBe('will not withdraw from the border corridor');
  });
  it('lets a side’s institutions speak for it, but not the things it owns', () => {
    const a = build(["Ukraine's economy needs to grow faster.", "Russia's foreign ministry rejected the plan.", 'Israel’s war cabinet agreed to send a team.'].join('\n'));
    expect(detectPositions(a).map((p) => `${p.party} ${p.kind}`)).toEqual(['Russia refusal', 'Israel offer']);
  });
  it('reads wants-X-to demands, responsibility accusations, readiness offers and pushing-for demands', () => {
    const a = build(
      [
        'Russia wants Ukraine to cede the rest of the region.',
        'Kyiv said Moscow was responsible for the attack on the hospital.',
        'The Houthis signalled their readiness to halt attacks on shipping.',
        'Ukraine is pushing for tougher sanctions.',
      ].join('\n'),
    );
    expect(detectPositions(a).map((p) => `${p.party} ${p.kind}`)).toEqual(['Russia demand', 'Ukraine accusation', 'Houthis offer', 'Ukraine demand']);
  });
  it('resolves "the group" to the armed group named last, and reads "insisted that X must" as one demand', () => {
    const a = build(['Hamas said it had agreed to the first phase of the deal.', 'But the group has refused to disarm.', 'Israel has insisted that Hamas must give up its weapons.'].join('\n'));
    expect(brief(a)).toEqual(['Hamas offer: agreed to the first phase of the deal', 'Hamas refusal: refused to disarm', 'Israel demand: insisted that Hamas must give up its weapons']);
  });
  it('does not read a phone call on a weekday as a demand', () => {
    expect(detectPositions(build('The leaders spoke in a phone call on Tuesday.'))).toEqual([]);
  });
});

describe('positions: what is not a position', () => {
  it('ignores sentences without a party, comments declined, glosses and noun uses of "demands"', () => {
    const a = build(
      [
        'The two sides agreed to a prisoner exchange last year.',
        'The ministry declined to comment on the report.',
        'A spokesman, speaking on condition of anonymity, described the meeting.',
        'The weather in the region has been mild.',
        'The proposed truce would cover the ports.',
        'Russia offered no details about the talks.',
        'Egypt offered condolences to the families.',
        'It is widely accepted that the war will go on.',
        'Israel and Hamas have agreed to the first phase of the deal.',
        'Russia and Ukraine both agreed to halt strikes on ports.',
        'Russia and Ukraine accused each other of violating the truce.',
      ].join('\n'),
    );
    expect(detectPositions(a)).toEqual([]);
  });
});
