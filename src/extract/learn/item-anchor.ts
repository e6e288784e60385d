import type { Sentence } from '../types';

/**
 * Where an item's own words start in its sentence (an article offset): its first words found
 * there (quotation marks between them allowed, as item texts drop them), else the sentence's first
 * verb, else the sentence's start. The learned kind and party models read the words around it.
 */
export function anchorOf(s: Sentence, text: string): number {
  const words = text.replace(/["“”]/g, ' ').split(/\s+/).filter(Boolean);
  for (const n of [4, 2, 1]) {
    if (words.length < n) continue;
    const probe = words.slice(0, n);
    if (probe.join(' ').length < 3) continue;
    const re = new RegExp(probe.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s"“”]+'), 'i');
    const m = re.exec(s.text);
    if (m) return s.start + m.index;
  }
  const verb = s.tokens?.find((t) => t.pos === 'VERB' || t.pos === 'AUX');
  return verb ? verb.start : s.start;
}
