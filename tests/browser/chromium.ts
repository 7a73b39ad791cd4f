import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, it } from 'vitest';

/**
 * What the browser tests share: the machine's Chromium (never one a test tool downloads), the check that
 * it is there, and the page checks every browser test makes. Without Chromium the tests skip with a
 * message, unless MONITOR_REQUIRE_BROWSER=1 (as in CI), which makes that a failure.
 */
export const CHROMIUM = process.env.MONITOR_CHROMIUM ?? '/usr/bin/chromium';
export const AVAILABLE = existsSync(CHROMIUM);
const REQUIRED = process.env.MONITOR_REQUIRE_BROWSER === '1';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Warn when Chromium is missing, and fail then when MONITOR_REQUIRE_BROWSER=1. Call once per test file. */
export function requireChromium(): void {
  if (!AVAILABLE) console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (install it, or set MONITOR_CHROMIUM to its path).`);
  it('has Chromium when MONITOR_REQUIRE_BROWSER=1', () => {
    if (REQUIRED) expect(AVAILABLE, `MONITOR_REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM}`).toBe(true);
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** How far the page scrolls sideways, in CSS pixels (0: it fits). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/** axe-core's serious and critical violations on the page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.map((node) => JSON.stringify(node.target)) }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.targets.slice(0, 3).join(', ')}`);
}
