import { describe, expect, it } from 'vitest';
import { splitSentences, sentenceAt } from '../src/extract/sentences';
import { canonicalParty, findPartyMentions } from '../src/extract/parties';

describe('splitSentences', () => {
  it('keeps honorifics, middle initials and dotted acronyms inside one sentence', () => {
    const text = 'Mr. Lukin met Anna B. Petrova of the F.S.B. in the U.S. capital on Monday. Then he left.';
    const ss = splitSentences(text);
    expect(ss.map((s) => s.text)).toEqual([
      'Mr. Lukin met Anna B. Petrova of the F.S.B. in the U.S. capital on Monday.',
      'Then he left.',
    ]);
  });

  it('makes a line without final punctuation its own heading sentence', () => {
    const text = 'The northern front\nTroops advanced on Tuesday. Officials said so.\n';
    const ss = splitSentences(text);
    expect(ss[0]).toMatchObject({ text: 'The northern front', heading: true, paragraph: 0 });
    expect(ss[1]).toMatchObject({ text: 'Troops advanced on Tuesday.', heading: false, paragraph: 1 });
    expect(ss).toHaveLength(3);
  });

  it('joins a quotation that spans sentences with its speaker', () => {
    const text = '“We will not give up. We have been here before,” the mayor said. Rain fell.';
    const ss = splitSentences(text);
    expect(ss.map((s) => s.text)).toEqual(['“We will not give up. We have been here before,” the mayor said.', 'Rain fell.']);
  });

  it('gives exact offsets, also with odd spacing and blank lines', () => {
    const text = '  First  one here.   Second one!\n\n\r\nThird — with a dash…  \nLast line.';
    const ss = splitSentences(text);
    expect(ss.length).toBeGreaterThanOrEqual(4);
    for (const s of ss) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toBe(s.text.trim());
      for (const t of s.tokens ?? []) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
    expect(sentenceAt(ss, text.indexOf('Second'))?.text).toBe('Second one!');
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('  \n \n')).toEqual([]);
  });
});

describe('parties', () => {
  it('maps names, demonyms, possessives, capitals and metonyms to canonical names', () => {
    expect(canonicalParty('Kyiv')).toBe('Ukraine');
    expect(canonicalParty('Ukraine’s')).toBe('Ukraine');
    expect(canonicalParty('Russian')).toBe('Russia');
    expect(canonicalParty('the Kremlin')).toBe('Russia');
    expect(canonicalParty('U.S.')).toBe('United States');
    expect(canonicalParty('the White House')).toBe('United States');
    expect(canonicalParty('Downing Street')).toBe('United Kingdom');
    expect(canonicalParty('Czech')).toBe('Czech Republic');
    expect(canonicalParty('the Élysée')).toBe('France');
    expect(canonicalParty('RSF')).toBe('Rapid Support Forces');
    expect(canonicalParty('us')).toBeNull();
    expect(canonicalParty('Tuesday')).toBeNull();
  });

  it('finds mentions in text with their sentence, longest form first', () => {
    const text = 'The United States and Britain met. Kyiv’s envoy and the National Security Council spoke.';
    const ss = splitSentences(text);
    const ms = findPartyMentions(text, ss);
    expect(ms.map((m) => [m.text, m.party, m.sentence])).toEqual([
      ['United States', 'United States', 0],
      ['Britain', 'United Kingdom', 0],
      ['Kyiv', 'Ukraine', 1],
    ]);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('splitSentences: run-on text', () => {
  it('keeps every sentence under 800 characters, with exact offsets', () => {
    const list = Array.from({ length: 120 }, (_, i) => `item number ${i}`).join(', ');
    const text = `The list reads ${list} and nothing more\nA short line.`;
    const ss = splitSentences(text);
    expect(ss.length).toBeGreaterThan(2);
    for (const s of ss) {
      expect(s.text.length).toBeLessThanOrEqual(800);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  });
});

describe('splitSentences and extraction on arbitrary text', () => {
  it('never throws and always gives exact, ordered offsets', async () => {
    const fc = (await import('fast-check')).default;
    const { extractArticle } = await import('../src/extract');
    const words = fc.constantFrom('Mr.', 'Putin', 'said', '“We', 'will', 'not.”', 'U.S.', 'delegation', 'led by', 'Anna B. Lee,', 'the', 'Kyiv’s', '\n', '  ', '—', '"', '(', ')', 'é', '.', '?', 'Talks');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 80 }), (ws) => {
        const text = ws.join(' ');
        const ss = splitSentences(text);
        let last = -1;
        for (const s of ss) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThan(last);
          last = s.end - 1;
        }
        const f = extractArticle({ id: 'x', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
        for (const r of [...f.people, ...f.delegations].flatMap((i) => i.sources)) expect(text.slice(r.start, r.end)).toBe(r.sentence);
      }),
      { numRuns: 150, seed: 42 },
    );
  });
});

describe('splitSentences: headlines', () => {
  it('takes a long Title Case line as a heading', () => {
    const text = 'Trump Meets Putin In Alaska As Ukraine Waits For Word On A Ceasefire Deal That Could Reshape Europe\nThe talks began.';
    const ss = splitSentences(text);
    expect(ss[0]).toMatchObject({ heading: true, paragraph: 0 });
    expect(ss[1]).toMatchObject({ text: 'The talks began.', heading: false });
  });
});

describe('tickBudget: the deadline check inside one stage', () => {
  it('stops a long loop once the budget is spent, reading the clock every TICKS_PER_CHECK ticks', async () => {
    const { TICKS_PER_CHECK, tickBudget, withBudget } = await import('../src/extract/budget');
    let steps = 0;
    const spent = () =>
      withBudget('long.txt', 'text', { budgetMs: -1 }, () => {
        for (;;) {
          steps++;
          tickBudget();
        }
      });
    expect(spent).toThrow(/long\.txt: extraction took more than/);
    expect(steps).toBeLessThanOrEqual(TICKS_PER_CHECK);
    // within the budget it never throws, and outside any article there is no deadline
    expect(withBudget('ok.txt', 'text', {}, () => {
      for (let i = 0; i < 10 * TICKS_PER_CHECK; i++) tickBudget();
      return 'done';
    })).toBe('done');
    for (let i = 0; i < 10 * TICKS_PER_CHECK; i++) tickBudget();
  });
});
