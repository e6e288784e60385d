/**
 * axe-core in the page, evaluated over the debugging protocol (so the page's strict CSP stays
 * as it is): serious and critical violations are returned to fail on, lesser ones printed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** The serious and critical violations on the page now, each a line naming `where`. */
export async function axeSerious(page: Page, where: string): Promise<string[]> {
  // Colours read mid-transition (a switch to dark mode fades some backgrounds) are neither
  // theme's: wait until every running transition and animation has ended.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
    return r.violations;
  });
  const lesser = violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (lesser.length) console.log(`axe ${where}: ${lesser.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ')}`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(' | ')}`);
}
