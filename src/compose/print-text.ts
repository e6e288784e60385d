/**
 * An item's text as a reader sees it in print. The data keeps the exact source sentence (its
 * offsets point into the article); print leaves out what is no part of the sentence: a dateline
 * at its start ("KYIV, March 3 (Agency) – ", "Aug 7 – ", "date 2025-03-03 CITY: ") and the label
 * a web page puts after a link ("…, opens new tab"). Each dateline form is a named row of
 * src/text/dateline.ts.
 */

import { datelineOf, withoutDateline } from '../text/dateline';

// Datelines are read by the one table in src/text/dateline.ts.
export { datelineOf, withoutDateline };

/** "…, opens new tab", "(opens in a new window)": what a web page says after a link. */
const LINK_LABEL = /\s*,?\s*\(?\bopens\s+(?:in\s+)?(?:a\s+)?new\s+(?:tab|window)\b\)?/giu;

/** The text without link labels. */
export const withoutLinkLabels = (s: string): string => s.replace(LINK_LABEL, '').replace(/^\s+/, '');

/** The text as print shows it: no dateline, no link labels. */
export const printText = (s: string): string => withoutLinkLabels(withoutDateline(s.trim()));

/** A text that opens as a dependent clause ("in which they vowed …") says nothing on its own. */
export const isFragment = (s: string): boolean => /^(?:(?:in|on|at|by|for|of|to|from|with|under|after)\s+)?(?:which|whom|whose)\b/i.test(printText(s));
