import { describe, expect, it } from 'vitest';
import { detectOutlook } from '../src/extract/outlook';
import { buildAnalysed } from './fixtures/analysed-article';
import { OutlookSchema } from '../src/model';

const build = (text: string, people: Array<[string, string | null, string[]]> = [], published: string | null = '2024-05-14') =>
  buildAnalysed(text, people, published, 't2');

// 2024-05-14 is a Tuesday.
describe('outlook: what comes next', () => {
  it('finds planned meetings, forecasts and doubts, one per sentence', () => {
    const a = build(
      [
        'Negotiators are expected to meet in Doha on Thursday.',
        'The first round will be followed by a second one next week.',
        'Analysts said a deal remains unlikely before the end of the year.',
        'Many officials and diplomats express doubt that the truce will hold for long.',
        'The two delegations were still far from each other on the question of borders.',
        'The ministers met in Cairo on Sunday.',
        'The ceasefire took effect at midnight.',
      ].join('\n'),
    );
    const out = detectOutlook(a);
    expect(out.map((o) => o.text.slice(0, 25))).toEqual([
      'Negotiators are expected ',
      'The first round will be f',
      'Analysts said a deal rema',
      'Many officials and diplom',
      'The two delegations were ',
    ]);
    expect(out[0]).toMatchObject({ who: null, horizon: 'Thursday', date: '2024-05-16' });
    expect(out[1]).toMatchObject({ horizon: 'next week', date: null });
    expect(out[2].who).toBe('Analysts');
    expect(out[3].who).toBe('officials and diplomats');
    for (const o of out) expect(() => OutlookSchema.parse(o)).not.toThrow();
  });

  it('names the speaker: a person, an unnamed source, a party, or null for the article', () => {
    const a = build(
      [
        'Envoy Laura Pike said on Monday that the two leaders were “likely” to meet within weeks.',
        'A Sudanese official, speaking on condition of anonymity, said the talks might resume in Jeddah.',
        'Moscow portrays the upcoming talks as a technical meeting that will focus on shipping.',
        'The talks could be a first step toward a wider settlement.',
      ].join('\n'),
      [['Laura Pike', 'United States', ['Ms. Pike', 'Pike']]],
    );
    const out = detectOutlook(a);
    expect(out.map((o) => o.who)).toEqual(['Laura Pike', 'Sudanese official', 'Russia', null]);
    // "said on Monday" dates the statement, not the meeting.
    expect(out[0]).toMatchObject({ horizon: 'within weeks', date: null });
  });

  it('carries the speaker into reported speech that goes on with "would"', () => {
    const a = build('The talks would first cover shipping, adviser Tom Reyes said.\nLater rounds would focus on the front line.', [['Tom Reyes', 'United States', ['Reyes']]]);
    expect(detectOutlook(a).map((o) => o.who)).toEqual(['Tom Reyes', 'Tom Reyes']);
  });

  it('does not take positions, past meetings or hedged asides for outlook', () => {
    const a = build(
      [
        'Britain and France would lead any such force.',
        'Russia would agree to a truce only if Ukraine stopped mobilising.',
        'A first round of talks took place in Jeddah on March 11.',
        'Its delegation will comprise two diplomats.',
        'The list could be included in the agreement.',
      ].join('\n'),
    );
    expect(detectOutlook(a)).toEqual([]);
  });

  it('reads schedules, plans and moods in other words', () => {
    const a = build(
      [
        'The envoy plans to travel to Moscow next month.',
        'A second phase of the truce is due to begin on June 1.',
        'Officials were optimistic that a deal was within reach.',
        'The ceasefire is unlikely to hold, a senior Western diplomat said.',
        'The talks ended without a breakthrough on Monday.',
      ].join('\n'),
    );
    const out = detectOutlook(a);
    expect(out.map((o) => [o.who, o.horizon, o.date])).toEqual([
      [null, 'next month', null],
      [null, 'June 1', '2024-06-01'],
      ['Officials', null, null],
      ['senior Western diplomat', null, null],
    ]);
  });

  it('finds a meeting named by its day without a publication date, and no dates', () => {
    const a = build('Moscow portrays the Monday talks as a technical meeting.\nThe talks on Sunday had ended late.', [], null);
    const out = detectOutlook(a);
    expect(out.map((o) => [o.who, o.horizon, o.date])).toEqual([['Russia', 'Monday', null]]);
  });

  it('gives stable ids', () => {
    const text = 'Negotiators are expected to meet on Thursday.';
    expect(detectOutlook(build(text)).map((o) => o.id)).toEqual(detectOutlook(build(text)).map((o) => o.id));
  });

  it('reads assessments in reported speech and quotes, plans with hope and fear (general cues)', () => {
    const cases: Array<[string, boolean]> = [
      ['Lina Osei, an analyst in Accra, said a final accord was unlikely before the rainy season.', true],
      ['“I would be surprised to see a signed treaty before the summer,” said Tomas Brel.', true],
      ['Negotiators from both sides expected the truce to hold for several weeks.', true],
      ['Diplomats cautioned that the lull in the fighting was provisional.', true],
      ['Others were less sanguine about the talks.', true],
      ['The shelling raised doubts over whether the rebels are ready to stop.', true],
      ['The clashes underscored how fragile the process remains.', true],
      ['Relatives feared the government would once again delay the exchange.', true],
      ['The mediators hope to convene a second track on aid in Geneva.', true],
      ['Few in the capital are predicting a quick settlement.', true],
      ['Engineers said technical teams would stay on through the weekend.', true],
      // negatives: plain past facts and descriptions are not outlook
      ['The ministers met in Lagos and signed a trade protocol.', false],
      ['Mr. Brel said the convoy had reached the border crossing.', false],
      ['The delegation was led by the foreign minister.', false],
    ];
    for (const [text, expected] of cases) {
      expect(detectOutlook(build(text)).length > 0, text).toBe(expected);
    }
  });
});
