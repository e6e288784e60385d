import { describe, expect, it } from 'vitest';
import { detectAttacks } from '../src/extract/attacks';
import type { AnalysedArticle } from '../src/extract/types';
import { buildAnalysed } from './fixtures/analysed-article';

/** Invented paragraphs (invented places, real but uninvolved states) for shapes of news reporting. 2024-05-14 is a Tuesday. */
const build = (text: string, published: string | null = '2024-05-14'): AnalysedArticle => buildAnalysed(text, [], published, 'tr');
const brief = (text: string): unknown[] =>
  detectAttacks(build(text)).map((x) => [x.attacker, x.location, x.killed, x.injured, x.weapons.map((w) => `${w.count ?? '?'} ${w.type}`).join('+')]);

describe('attacks: photo captions are not strikes', () => {
  it('skips a present-tense scene ("smoke rises during a strike", "a boy looks at the damage after a strike")', () => {
    expect(brief('A column of smoke rises during a Chilean strike on the Marlow district of Dunvale')).toEqual([]);
    expect(brief('A boy looks at the damage after a Chilean strike at a school near Dunvale.')).toEqual([]);
    expect(brief('Firefighters work at a depot hit by Chilean drones in Dunvale.')).toEqual([]);
  });

  it('skips a paragraph with a photo credit, but keeps a narrated strike', () => {
    expect(brief('A woman sits outside a clinic hit by airstrikes in May in Dunvale. Photograph: Ana Rivas/Getty Images')).toEqual([]);
    expect(brief('Chilean warplanes struck a clinic in Dunvale on Monday, killing four people.')).toEqual([['Chile', 'Dunvale', 4, null, '? airstrike']]);
  });
});

describe('attacks: who struck, from a passive agent or the article’s usual attacker', () => {
  it('reads the agent of "fired by", "hit by"', () => {
    expect(brief('Two farmers were killed when their truck was hit by a mortar shell fired by Peruvian troops.')).toEqual([['Peru', null, 2, null, '1 artillery']]);
  });

  it('gives a strike with no place and no attacker of its own the article’s usual attacker', () => {
    const out = detectAttacks(
      build(
        [
          'Bolivian drones struck the town of Nareth overnight, killing three people.',
          'Officials said the air defences were overwhelmed.',
          'Later, a shell hit a house and killed a teacher, the mayor said.',
        ].join('\n'),
      ),
    );
    expect(out.map((x) => x.attacker)).toEqual(['Bolivia', 'Bolivia']);
  });
});

describe('attacks: tolls as reports phrase them', () => {
  it('reads "the number of fatalities ... increased to N"', () => {
    expect(brief('Officials said the number of fatalities from a Chilean missile strike on a block in Dunvale increased to 19.')).toEqual([['Chile', 'Dunvale', 19, null, '1 missile']]);
  });

  it('reads an appositive without commas ("14 people including two children had been killed")', () => {
    expect(brief('Officials said 14 people including two children had been killed and 52 injured in Chilean strikes on Dunvale on Monday.')).toEqual([
      ['Chile', 'Dunvale', 14, 52, ''],
    ]);
  });

  it('gives a toll told before the only strike of the sentence to that strike', () => {
    expect(brief('“At least 12 people have been killed and 30 others injured in the Peruvian shelling of Dunvale,” the governor said.')).toEqual([
      ['Peru', 'Dunvale', 12, 30, '? artillery'],
    ]);
  });
});

describe('attacks: the detail of a strike just told is not another strike', () => {
  it('adds a sentence with a strike verb but no place, toll, day or new attacker to the strike being told', () => {
    const out = detectAttacks(
      build(
        [
          'Officials said 17 people were killed in a Chilean attack on a housing block in Dunvale on Monday.',
          'The blast of the missile destroyed 40 flats and damaged a school nearby.',
        ].join('\n'),
      ),
    );
    expect(out).toHaveLength(1);
    expect(out[0].sources).toHaveLength(2);
    expect(out[0].weapons.map((w) => w.type)).toEqual(['missile']);
  });

  it('keeps "also", "another" or a new toll as a strike of its own', () => {
    const text = (second: string): string => ['Chilean drones hit a depot in Dunvale on Monday night, killing two guards.', second].join('\n');
    expect(detectAttacks(build(text('Chilean drones also hit a bridge, officials said.')))).toHaveLength(2);
    expect(detectAttacks(build(text('Drones hit a bus, killing five passengers.')))).toHaveLength(2);
  });

  it('replaces a rounded count by the exact one told just after ("more than a dozen rockets" ... "hit by 14 rockets")', () => {
    const out = detectAttacks(build(['An airbase in Peru was hit with more than a dozen rockets on Wednesday.', 'The base in Peru was hit by 14 rockets at about noon, a spokesman said.'].join('\n')));
    expect(out.map((x) => x.weapons.map((w) => `${w.count} ${w.type}`))).toEqual([['14 rocket']]);
  });
});

describe('attacks: counts and places in a barrage', () => {
  it('counts the barrage in "25 missiles of 38 fired were shot down"', () => {
    const out = detectAttacks(build(['Chilean forces launched a wave of strikes across Dunvale and Marlow on Saturday.', 'Of them, 25 missiles of 38 fired were shot down.'].join('\n')));
    expect(out).toHaveLength(1);
    expect(out[0].weapons.map((w) => `${w.count} ${w.type}`)).toEqual(['38 missile']);
  });

  it('does not take the place a weapon was fired from as the place struck', () => {
    expect(brief('Rockets fired from a launcher in the Tolva region hit a market in Dunvale, killing six people.').map((x) => (x as unknown[])[1])).toEqual(['Dunvale']);
  });

  it('reads "to bomb" as a verb, not a weapon', () => {
    expect(brief('Witnesses said soldiers came to bomb Dunvale, and three people were killed.')).toEqual([]);
  });
});

describe('attacks: two sides striking each other', () => {
  it('makes a record for each side of "A and B traded fire", "A exchanged strikes with B"', () => {
    expect(brief('Peruvian and Bolivian troops exchanged artillery fire across the border near Dunvale on Sunday.').map((x) => (x as unknown[])[0])).toEqual(['Peru', 'Bolivia']);
    expect(brief('Chile traded rocket fire with Peru overnight.').map((x) => (x as unknown[])[0])).toEqual(['Chile', 'Peru']);
    expect(brief('Chile and Peru have traded accusations of drone attacks since the truce began.').map((x) => (x as unknown[])[0])).toEqual(['Chile', 'Peru']);
  });

  it('does not read an exchange of prisoners or of views as strikes', () => {
    expect(brief('Chile and Peru exchanged prisoners on Sunday after weeks of drone attacks.')).toEqual([]);
  });
});

describe('attacks: who struck, as the reporting names it', () => {
  it('reads "X said its forces struck"', () => {
    expect(brief('Chile said its forces struck a fuel depot in the town of Dunvale on Monday.').map((x) => (x as unknown[])[0])).toEqual(['Chile']);
  });

  it('reads "claimed by X" and "blamed the X army for"', () => {
    expect(brief('The raid on a convoy near Dunvale on Sunday, which killed four soldiers, was claimed by Bolivia.').map((x) => (x as unknown[])[0])).toEqual(['Bolivia']);
    expect(brief('Officials blamed the Peruvian army for the shelling of Dunvale on Monday, which killed three people.').map((x) => (x as unknown[])[0])).toEqual(['Peru']);
  });
});

describe('attacks: first reports of one deadly strike', () => {
  it('keeps "the fatal bombing of a camp in <country>" as a strike, and the toll told next', () => {
    const out = detectAttacks(
      build(['Peru pointed the finger at the Bolivian army for the fatal bombing of a camp in Chile.', 'The attack, on Friday, claimed the lives of at least nine people.'].join('\n')),
    );
    expect(out.map((x) => [x.attacker, x.location, x.killed])).toEqual([['Bolivia', 'Chile', 9]]);
  });

  it('does not read a country-wide trend as a strike', () => {
    expect(brief('Bolivia has stepped up its attacks on Chile.')).toEqual([]);
  });

  it('gives "dozens" no figure, and reads "N <noun>, among them ..., died"', () => {
    expect(brief('Chilean drones struck a market in Dunvale on Friday, killing dozens of people.')).toEqual([['Chile', 'Dunvale', null, null, '? drone']]);
    expect(brief('A Chilean drone hit a mosque in Dunvale on Friday; 31 worshippers, among them children and the elderly, died.').map((x) => (x as unknown[])[2])).toEqual([31]);
  });
});

describe('attacks: tolls told place by place after a barrage', () => {
  it('makes a record for a toll at a new place that a region’s officials report or an opening place frames', () => {
    const out = detectAttacks(
      build(
        [
          'Bolivian drones and missiles struck Chile overnight, killing at least six people.',
          'Three people were killed in the Tolva region, officials said.',
          'In the port city of Dunvale, local officials reported seven injuries.',
          'Marlow regional authorities reported two injuries.',
        ].join('\n'),
      ),
    );
    const rows = out.map((x) => [x.attacker, x.location, x.killed, x.injured]);
    expect(rows).toContainEqual(['Bolivia', 'Dunvale', null, 7]);
    expect(rows).toContainEqual(['Bolivia', 'Marlow region', null, 2]);
  });

  it('reads "N others, including ..., sustained injuries"', () => {
    expect(brief('A Chilean drone struck a school in Dunvale on Sunday, killing four people, while five others, including teachers, sustained injuries.').map((x) => (x as unknown[])[3])).toEqual([5]);
  });
});
