/**
 * Nouns for people and bodies who speak about a conflict without being one of its sides:
 * go-betweens, onlookers, helpers and witnesses. When one of them is the subject of a
 * position cue ("as international mediators pressed for an end to the fighting", "aid
 * agencies called for access"), the words are theirs, not a side's position.
 * Plural and singular are both listed; modifiers ("international", "local") may precede them.
 */
export const NON_SIDE_NOUNS: readonly string[] = [
  'mediator', 'mediators', 'facilitator', 'facilitators', 'go-between', 'go-betweens', 'broker', 'brokers',
  'observer', 'observers', 'monitor', 'monitors', 'analyst', 'analysts', 'expert', 'experts', 'commentator', 'commentators',
  'resident', 'residents', 'witness', 'witnesses', 'survivor', 'survivors', 'villager', 'villagers', 'locals',
  'activist', 'activists', 'rights group', 'rights groups', 'aid group', 'aid groups', 'aid agency', 'aid agencies',
  'aid worker', 'aid workers', 'charity', 'charities', 'humanitarian groups', 'relief agencies', 'medics', 'doctors',
  'journalist', 'journalists', 'reporter', 'reporters', 'campaigner', 'campaigners', 'family', 'families', 'relatives',
];
