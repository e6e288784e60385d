import type { WeaponType } from '../../model';

/**
 * Weapon words, by the contract's weapon types. Each entry is a regex source (matched
 * case-insensitively, whole words) for the weapon's name, singular and plural; longer names
 * are tried first so "guided aerial bombs" is one guided bomb, not a bomb. The article's own
 * words become the weapon's `label`.
 */
export const WEAPONS: ReadonlyArray<readonly [WeaponType, string]> = [
  ['guided bomb', 'guided (?:aerial |air )?bombs?'],
  ['guided bomb', 'glide bombs?'],
  ['guided bomb', 'KABs?'],
  ['drone', '(?:attack |kamikaze |suicide |strike |combat |Shahed(?:-type)? |long-range |explosive )*drones?'],
  ['drone', 'Shaheds?|Gerans?|Lancets?'],
  ['drone', 'UAVs?|unmanned aerial vehicles?|unmanned aircraft|loitering munitions?|kamikaze drones?'],
  ['missile', '(?:ballistic |cruise |guided |anti-ship |hypersonic |surface-to-air |air-to-surface |anti-aircraft )*missiles?'],
  ['missile', 'Iskanders?|Kinzhals?|Kalibrs?|Tomahawks?|ATACMS|Storm Shadows?|Scuds?'],
  ['rocket', '(?:Grad |Qassam |Katyusha )?rockets?'],
  ['rocket', 'multiple rocket launchers?|MLRS|HIMARS'],
  ['airstrike', 'air ?strikes?|airstrikes?|air raids?|aerial bombardments?|warplanes?|fighter jets?'],
  ['artillery', 'artillery(?: shells?| fire| strikes?)?|shells?|shelling|shelled|mortars?(?: shells| rounds| fire)?|howitzers?|tank fire'],
  ['bomb', '(?:suicide |car |truck |roadside )bomb(?:ings?|ers?)'],
  ['bomb', 'explosives?-(?:laden|packed|filled|rigged) (?:vehicles?|cars?|trucks?|vans?|motorcycles?)|suicide vests?'],
  ['bomb', '(?:barrel |car |truck |roadside |cluster |aerial )?bombs?'],
  ['other', 'grenades?|landmines?|mines|improvised explosive devices?|IEDs?|sniper fire|gunfire'],
];
