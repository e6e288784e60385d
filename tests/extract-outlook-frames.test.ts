import { describe, expect, it } from 'vitest';
import { detectOutlook } from '../src/extract/outlook';
import { buildAnalysed } from './fixtures/analysed-article';

/** Invented sentences, one per outlook frame in src/extract/lexicon/outlook-frames.ts. */
const run = (text: string, people: Array<[string, string | null, string[]]> = []) => detectOutlook(buildAnalysed(text, people, '2024-05-14', 'of'));
const rules = (text: string): string[] => run(text).flatMap((o) => o.rules ?? []);

describe('outlook: frames', () => {
  it('reads hope, next steps and reduced schedules', () => {
    expect(rules('Zambian envoy Ada Phiri expressed hope for an early accord.')).toContain('hope');
    expect(rules('The two teams agreed to set up a border commission.')).toContain('next-step-agreed');
    expect(rules('A final round, slated for July 2, will take place in Lusaka.')).toContain('scheduled');
    expect(rules('Envoys prepared papers for the upcoming summit of the two leaders.')).toContain('event-ahead');
  });

  it('reads prospects, warnings and forecasts about the talks', () => {
    expect(rules('Expectations were low before the round.')).toContain('prospects');
    expect(rules('A Malawian officer warned that the floods could cut the road.')).toContain('warning');
    expect(rules('Officials said the new truce will not survive the rains.')).toContain('forecast-topic');
  });

  it('reads taking part, passive next steps and presence ahead', () => {
    expect(rules('Kenyan foreign minister Amos Wekesa will lead a delegation to Addis Ababa for the talks.')).toContain('participation-ahead');
    expect(rules('The rebel alliance won’t take part in the second round.')).toContain('participation-ahead');
    expect(rules('Each of the three militias will send representatives, local radio said.')).toContain('participation-ahead');
    expect(rules('The remaining questions would be discussed by the two presidents, the envoy said.')).toContain('next-step-passive');
    expect(rules('Monitoring teams will be put in place along the river.')).toContain('next-step-passive');
    expect(rules('President Lena Varga tweeted that she would be in Vienna on Friday to close the round.')).toContain('presence-ahead');
  });

  it('does not take a team’s make-up or a plain state for taking part or presence', () => {
    expect(rules('Amos Wekesa will head the delegation, which includes two generals.')).not.toContain('participation-ahead');
    expect(rules('It would be in the interest of both sides to talk.')).not.toContain('presence-ahead');
  });

  it('reads how the talks went, steps, sufficiency, hope and pressure', () => {
    expect(rules('The envoy said the second round had been more constructive than the first.')).toContain('talks-evaluation');
    expect(rules('She added that she saw the prisoner exchange as a step toward a lasting truce.')).toContain('step-toward');
    expect(rules('The mediator announced that the teams had reached a compromise on several issues.')).toContain('step-toward');
    expect(rules('Officials said the new offer may not be sufficient to close a deal.')).toContain('sufficiency');
    expect(rules('The minister hoped both sides would return to the table.')).toContain('hope');
    expect(rules('It remained unclear whether the rebels would attend.')).toContain('shaky');
    expect(rules('Both armies remain unwilling to give ground.')).toContain('shaky');
    expect(rules('The talks come as pressure builds for a truce before the harvest.')).toContain('prospects');
  });

  it('does not read guesses about the past, a plain inability to foresee or an event that took place', () => {
    expect(run('Local reports suggest the toll may have been higher.')).toEqual([]);
    expect(run('“You can’t predict when the guns open up,” a farmer in the valley said.')).toEqual([]);
    expect(run('A new round of talks got under way in Oslo on Tuesday.')).toEqual([]);
    expect(run('A new round of talks were held on Sunday in Bern.')).toEqual([]);
  });

  it('reads what is still pending after an event: an inquiry, a danger, more to come', () => {
    expect(rules('The cause of the fire at the depot remains under investigation.')).toContain('pending-inquiry');
    expect(rules('Police in Mombasa said investigations were ongoing.')).toContain('pending-inquiry');
    expect(rules('The governor ordered a full and independent investigation into the blast.')).toContain('pending-inquiry');
    expect(rules('The crew said the tanker was at risk of capsizing.')).toContain('danger-ahead');
    expect(rules('“This raid is only the beginning,” the militia commander said.')).toContain('danger-ahead');
    expect(rules('The ministry called for an investigation into the raid.')).not.toContain('pending-inquiry');
    expect(rules('Investigators from the capital reached the site on Monday.')).not.toContain('pending-inquiry');
  });

  it('reads a sequence or an intent still ahead, not one told as past or as a purpose', () => {
    expect(rules('The pullback is to be followed by a vote in the assembly.')).toContain('followed-by');
    expect(rules('Villagers heard a loud blast followed by bursts of gunfire.')).not.toContain('followed-by');
    // the article is dated Tuesday 14 May 2024: Friday lies ahead, 2 May does not
    expect(rules('Wednesday’s session in Lusaka, followed by ministerial talks on Friday, will be technical.')).toContain('followed-by');
    expect(rules('The envoy met the rebels on 1 May, followed by a meeting with the army on 2 May.')).not.toContain('followed-by');
    expect(rules('The rebel council plans to send a team to Maputo.')).toContain('next-step-intent');
    expect(rules('The checkpoints are intended to deter smugglers from the coast.')).not.toContain('next-step-intent');
    expect(rules('The governor had planned to visit the camp, an aide said.')).not.toContain('next-step-intent');
    expect(rules('In March the cabinet approved a plan to register every militia.')).not.toContain('next-step-intent');
    expect(rules('A spokesman said the movement had no plans to meet the envoy.')).not.toContain('next-step-intent');
    expect(rules('The injured guards were moved to the base clinic.')).not.toContain('scheduled');
    expect(rules('The vote was postponed until next month.')).toContain('scheduled');
  });

  it('makes one item per independent clause, each with its own source', () => {
    const out = run('Few in Lilongwe expect a deal soon, and Zambian spokesman Ben Tembo played down talk of a summit.', [['Ben Tembo', 'Zambia', ['spokesman']]]);
    expect(out).toHaveLength(2);
    expect(out[1].who).toBe('Ben Tembo');
    expect(out.every((o) => o.text.split(/\s+/).length >= 4 && !o.text.endsWith('…'))).toBe(true);
  });

  it('does not read past events or plain reports as outlook', () => {
    expect(run('The talks ended without a breakthrough on Monday.')).toEqual([]);
    expect(run('Zambian troops crossed the river on Sunday.')).toEqual([]);
  });
});
