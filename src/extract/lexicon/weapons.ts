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
  ['artillery', 'artillery(?: shells?| fire| strikes?)?|shells?|shellfire|shelling|shelled|mortars?(?: shells| rounds| fire)?|howitzers?|tank fire'],
  ['bomb', '(?:suicide |car |truck |roadside )bomb(?:ings?|ers?)'],
  ['bomb', 'explosives?-(?:laden|packed|filled|rigged) (?:vehicles?|cars?|trucks?|vans?|motorcycles?)|suicide vests?'],
  ['bomb', '(?:barrel |car |truck |roadside |cluster |aerial )?bombs?'],
  ['bomb', 'improvised explosive devices?|IEDs?'],
  ['other', 'grenades?|landmines?|mines|sniper fire|gunfire'],
];

/**
 * Words of a blast that name no weapon of their own ("two blasts", "the bombing at the market",
 * "a suicide bomber", "explosions killed"): a bomb, when nothing else is named for the strike.
 */
export const BLASTS = 'bombings?|bombers?|blasts?|explosions?|detonations?';

/** Words of a war from the air: where they are written, a bombing or a blast may have come from the air. */
export const AIR_WAR = 'air ?strikes?|airstrikes?|air raids?|air force|warplanes?|fighter jets?|jets|aircraft|aerial|helicopters?|gunships?|drones?|missiles?|rockets?|shells?|shelling|artillery';
