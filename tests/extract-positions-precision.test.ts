import { describe, expect, it } from 'vitest';
import { clip, detectPositions } from '../src/extract/positions';
import { buildAnalysed } from './fixtures/analysed-article';

const brief = (text: string, people: Array<[string, string | null, string[]]> = []) =>
  detectPositions(buildAnalysed(text, people, '2024-05-14', 'p1')).map((p) => `${p.party} ${p.kind}: ${p.text}`);
/** What the cue rules find (the learned detector, which may read a sentence as a statement, left out). */
const byRules = (text: string) =>
  detectPositions(buildAnalysed(text, [], '2024-05-14', 'p1')).filter((p) => !p.rules?.includes('learned-positions')).map((p) => `${p.party} ${p.kind}: ${p.text}`);

describe('positions: words that state no side’s position', () => {
  it('skips reporting formulas: asked for comment, a source asking not to be named', () => {
    expect(brief('Asked for comment, the Chilean navy said it was reviewing the footage.')).toEqual([]);
    expect(brief('Villagers buried the dead that night, one farmer said, asking not to be named for fear of reprisal.')).toEqual([]);
  });

  it('reads a judgement word inside the name of a past event as no accusation', () => {
    expect(byRules('Peru says its troops act against militias linked to the 1965 Andean genocide.')).toEqual([]);
    expect(brief('Peru says the shelling of the village was genocide.')).toEqual(['Peru accusation: genocide']);
  });

  it('takes an act verb as a refusal only when its object is a proposal, a deal or talks', () => {
    expect(brief('Chile’s chief prosecutor scrapped an arrest warrant for a rebel commander.')).toEqual([]);
    expect(brief('Bolivia vetoed the draft resolution on Friday.')).toEqual(['Bolivia refusal: vetoed the draft resolution on Friday']);
    expect(brief('Ecuador boycotted the talks in Lima.')).toEqual(['Ecuador refusal: boycotted the talks in Lima']);
  });

  it('leaves to go-betweens and onlookers what they ask for, even beside a side’s speaker', () => {
    expect(brief('Envoys met in Lima on Sunday, Chile’s foreign minister said, as international mediators pressed for an end to the fighting.')).toEqual([]);
    expect(brief('Residents demanded more shelters after the storm.')).toEqual([]);
    expect(brief('Chile pressed for an end to the fighting.')).toEqual(['Chile demand: pressed for an end to the fighting']);
  });

  it('does not join an object before the subject to it: "hosted by A, B and C signed"', () => {
    expect(brief('Under a process hosted by Norway, Peru and Bolivia signed a text in which they vowed to resume talks.')).toEqual([
      'Peru goal: vowed to resume talks',
      'Bolivia goal: vowed to resume talks',
    ]);
  });
});

describe('positions: criticism for a fault', () => {
  it('reads "criticised X for doing" as an accusation', () => {
    expect(brief('Peru criticised the Bolivian side for making contradictory promises, without giving details.')).toEqual([
      'Peru accusation: criticised the Bolivian side for making contradictory promises',
    ]);
  });
});

describe('positions: item texts', () => {
  it('ends a long text at a clause boundary, never mid-word and never with an ellipsis', () => {
    const long = `aims to secure the return of every detained fisherman taken during the raid on the northern coast last spring, with the help of the regional mediators and the church leaders who visited the camps in ${'several '.repeat(6)}towns`;
    const t = clip(long);
    expect(t).toBe('aims to secure the return of every detained fisherman taken during the raid on the northern coast last spring, with the help of the regional mediators');
    expect(long.startsWith(t)).toBe(true);
    const noBoundary = `demanded ${'very '.repeat(50)}much`;
    expect(clip(noBoundary)).not.toMatch(/…$|\s$/);
    expect(clip(noBoundary).split(' ').every((w) => w === 'demanded' || w === 'very')).toBe(true);
  });
});
