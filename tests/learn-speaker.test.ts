import { describe, expect, it } from 'vitest';
import { expectNoHeldOutIds } from './fixtures/training-ids';
import { analyseArticle } from '../src/extract/analyse';
import { OUTLOOK_SPEAKER_MODEL } from '../src/extract/learn/speaker-model';
import { outlookByRules, speakerCandidatesOf, withLearnedSpeakers } from '../src/extract/outlook';
import type { Article } from '../src/model';
import model from '../src/extract/models/outlook-speaker.json';

/** The learned outlook speaker chooser: the committed model on invented articles. */
const article = (text: string): Article => ({ id: 'a1', text, title: 'Talks', published: '2024-03-01' }) as Article;
/** Each outlook item's text with its speaker by the rules alone and with the chooser. */
function speakers(text: string): Array<{ text: string; rules: string | null; learned: string | null }> {
  const a = analyseArticle(article(text));
  const rules = outlookByRules(a);
  const learned = withLearnedSpeakers(a, rules, OUTLOOK_SPEAKER_MODEL);
  return rules.map((o, k) => ({ text: o.text, rules: o.who, learned: learned[k]!.who }));
}
const find = (xs: ReturnType<typeof speakers>, words: string) => {
  const x = xs.find((o) => o.text.includes(words));
  if (!x) throw new Error(`no outlook item with «${words}»`);
  return x;
};

const ENVOY = `Talks in Lisbon

Chilean Foreign Minister Ana Rivas met her Peruvian counterpart on Monday. The UN special envoy for the region, Tomas Berg, said talks were stuck.
The envoy said he plans to travel to Lima next week. "We will meet again in March," the minister said.`;

const QUOTES = `Border talks stall

Negotiators from Chile and Peru ended a third day of talks in Quito without agreement on Tuesday. The next round is scheduled for May 12.
"The gaps remain wide, but we will return," Chilean negotiator Pablo Soto told reporters. "Both teams will hold technical meetings next week."
Analysts said the talks could drag on for months.`;

describe('learned outlook speaker chooser', () => {
  it('is a trained model whose training ids hold no check-half or blind article', () => {
    expect(OUTLOOK_SPEAKER_MODEL).not.toBeNull();
    expect(model.cv.modelAccuracy).toBeGreaterThan(model.cv.rulesAccuracy);
    expectNoHeldOutIds(model.trainingIds);
  });

  it('gives a role word the person the article names in that role, where the rules keep the role word', () => {
    const xs = speakers(ENVOY);
    expect(find(xs, 'plans to travel').rules).toBe('envoy');
    expect(find(xs, 'plans to travel').learned).toBe('Tomas Berg');
  });

  it('offers the person a role word stands for as a candidate, in place of the bare role word', () => {
    const a = analyseArticle(article(ENVOY));
    const item = outlookByRules(a).find((o) => o.text.includes('meet again in March'))!;
    const cands = speakerCandidatesOf(a, item);
    expect(cands.find((c) => c.name === 'Ana Rivas')?.features).toContain('sent:role-ref:last:unique');
    const envoy = speakerCandidatesOf(a, outlookByRules(a).find((o) => o.text.includes('plans to travel'))!);
    expect(envoy.map((c) => c.name)).not.toContain('envoy');
    expect(envoy.find((c) => c.name === 'Tomas Berg')?.features).toEqual(expect.arrayContaining(['rule', 'role-resolved']));
  });

  it('carries a quote on to its speaker in the sentence before, and keeps the article voice without one', () => {
    const xs = speakers(QUOTES);
    expect(find(xs, 'technical meetings').learned).toBe('Pablo Soto');
    expect(find(xs, 'scheduled for May 12').learned).toBeNull();
    expect(find(xs, 'drag on for months').learned).toBe('Analysts');
  });

  it('offers the article voice as a candidate beside the people named', () => {
    const a = analyseArticle(article(QUOTES));
    const item = outlookByRules(a).find((o) => o.text.includes('technical meetings'))!;
    const names = speakerCandidatesOf(a, item).map((c) => c.name);
    expect(names).toContain(null);
    expect(names).toContain('Pablo Soto');
  });
});
