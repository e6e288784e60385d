import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model';
import { analyseWithDelegations } from '../src/extract/analyse';

/** Delegations from clause structure, team verbs and the memory of the current team. */
const art = (text: string): Article => ({ id: 't', title: null, outlet: null, published: null, byline: null, text, origin: { kind: 'paste' } });
const teams = (text: string) => analyseWithDelegations(art(text)).delegations;
const team = (text: string, party: string) => teams(text).find((d) => d.party === party);
const members = (text: string, party: string) => (team(text, party)?.members ?? []).map((m) => `${m.name}${m.leads ? '*' : ''}`);
const OPEN = 'Talks between Latvia and Estonia resumed in Vilnius on Monday.\n';

describe('delegations: clauses and team verbs', () => {
  it('keeps two teams of one sentence apart at "while"', () => {
    const text = `${OPEN}Lithuanian envoy Rasa Daukas led the Lithuanian delegation, while Latvia was represented by Janis Berg and Ilze Kalna.`;
    expect(members(text, 'Latvia')).toEqual(['Janis Berg', 'Ilze Kalna']);
    expect(members(text, 'Lithuania')).toEqual(['Rasa Daukas*']);
  });
  it('reads a passive team verb whose subject is a plural demonym', () => {
    expect(members(`${OPEN}The Estonians were led by Deputy Foreign Minister Kadri Pold.`, 'Estonia')).toEqual(['Kadri Pold*']);
  });
  it('gives each attendee the party word before them, or the last one', () => {
    const text = `${OPEN}The Vilnius meeting is attended by Estonian Interior Minister Tiit Rebane, presidential adviser Mari Kuusk and Latvian envoy Ivars Liepa.`;
    expect(members(text, 'Estonia')).toEqual(['Tiit Rebane', 'Mari Kuusk']);
    expect(members(text, 'Latvia')).toEqual(['Ivars Liepa']);
  });
  it('makes every name of a compound subject a leader', () => {
    expect(members(`${OPEN}Estonian Foreign Minister Tiit Rebane and security adviser Mari Kuusk jointly headed the Estonian team.`, 'Estonia')).toEqual(['Tiit Rebane*', 'Mari Kuusk*']);
  });
  it('refers "the delegation" back to the party that announced it', () => {
    const text = `${OPEN}Latvia's government said it was sending a delegation to Vilnius.\nThe delegation, headed by Energy Minister Juris Ozols, arrived on Tuesday.`;
    expect(members(text, 'Latvia')).toEqual(['Juris Ozols*']);
    // without an announcing party there is no team to refer to
    expect(teams(`${OPEN}The delegation, headed by Energy Minister Juris Ozols, arrived on Tuesday.`).map((d) => d.party)).toEqual([]);
  });
  it('adds a list after a colon to the team of the sentence before, as members', () => {
    const text = `${OPEN}The Latvian delegation is headed by Defence Minister Juris Ozols.\nThe other members are all diplomats: border chief Anna Liepa and navy commander Karlis Vitols.`;
    expect(members(text, 'Latvia')).toEqual(['Juris Ozols*', 'Anna Liepa', 'Karlis Vitols']);
  });
  it('makes a team of the sending party, led by its chief negotiator, at the place it was sent to', () => {
    const text = `${OPEN}Latvia sent chief negotiator Juris Ozols and army intelligence head Anna Liepa to Geneva.`;
    expect(members(text, 'Latvia')).toEqual(['Juris Ozols*', 'Anna Liepa']);
    expect(team(text, 'Latvia')?.venue).toBe('Geneva');
    expect(team(text, 'Latvia')?.rules).toContain('party-sent');
  });
  it('puts an official who travels to the venue for talks in their party’s team, not one who travels on holiday', () => {
    expect(members(`${OPEN}Estonian Foreign Minister Kadri Pold arrived in Vilnius on Sunday for talks on the border.`, 'Estonia')).toEqual(['Kadri Pold']);
    expect(teams('Estonian Foreign Minister Kadri Pold arrived in Vilnius on Sunday for a holiday.')).toEqual([]);
  });
  it('does not make a companion a leader', () => {
    expect(members(`${OPEN}Latvia's delegation was headed by General Aivars Kalnins, accompanied by trade envoy Ilze Kalna.`, 'Latvia')).toEqual(['Aivars Kalnins*', 'Ilze Kalna']);
  });
});
