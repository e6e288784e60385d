import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldText, foldToken, personName, samePerson, samePersonNames, sameSurname, sameSurnameForms, stripTitles, surnameForms } from '../src/extract/names';

/** foldToken as the full chain of rewrites, without the shortcut for tokens that need none. */
const fullFold = (t: string): string =>
  foldText(t)
    .replace(/[^a-z0-9]/g, '')
    .replace(/yy$/, 'y')
    .replace(/(iy|ii|yi|yj|ij)$/, 'y')
    .replace(/ei$/, 'ey')
    .replace(/y(?=[aeiou])/g, '')
    .replace(/kh/g, 'h')
    .replace(/ts/g, 'c')
    .replace(/([a-z])\1/g, '$1')
    .replace(/y/g, 'i');

const letters = fc.constantFrom(...'aeiouykhtsjnmlrvzAEKYÉö-’'.split(''));
const token = fc.array(letters, { minLength: 1, maxLength: 10 }).map((a) => a.join(''));

describe('names without a cache', () => {
  it('folds a token as the full chain of rewrites does', () => {
    fc.assert(fc.property(token, (t) => foldToken(t) === fullFold(t)), { numRuns: 2000, seed: 5 });
    expect(foldToken('Kovalskyy')).toBe('kovalski');
    expect(foldToken('Hnatov')).toBe('hnatov');
  });

  it('matches prepared names as it matches their strings, in either order', () => {
    const names = ['Ivan Kovalsky', 'Ivan Kovalskyy', 'Mr. Kovalsky', 'Olha Kuzmin', 'O. Kuzminov', 'Tariq al-Dabbagh', 'Dabbagh', 'Dr. Mara Hnatyov', 'Hnatov', 'Petra Kovalchuk', 'Kovalenko'];
    for (const a of names) {
      for (const b of names) {
        expect(samePersonNames(personName(a), personName(b))).toBe(samePerson(a, b));
        expect(samePerson(a, b)).toBe(samePerson(b, a));
        const sa = personName(a).parts.surname;
        const sb = personName(b).parts.surname;
        expect(sameSurnameForms(surnameForms(sa), surnameForms(sb))).toBe(sameSurname(sa, sb));
      }
    }
    expect(samePerson('Tariq al-Dabbagh', 'Dabbagh')).toBe(true);
    expect(samePerson('Ivan Kovalsky', 'Olha Kuzmin')).toBe(false);
  });

  it('strips titles and spaces the same way with or without a title', () => {
    expect(stripTitles('  Ivan   Kostin ')).toBe('Ivan Kostin');
    expect(stripTitles('Mr.  Ivan Kostin')).toBe('Ivan Kostin');
    expect(stripTitles('President')).toBe('President');
    expect(stripTitles('Kostin')).toBe('Kostin');
  });
});
