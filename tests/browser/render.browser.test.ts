import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AVAILABLE, horizontalOverflow, launchChromium, requireChromium, seriousViolations } from './chromium.js';
import { EXAMPLE_ROOT, removeFixture, renderPublication, writeFixture } from '../render/fixture.js';

/**
 * The rendered pages and email in headless Chromium at a phone and a desktop width: nothing overflows
 * sideways, every headline is visible, and axe-core finds no serious or critical violation. Skipped with a
 * message when Chromium is missing, unless MONITOR_REQUIRE_BROWSER=1 (as in CI), which makes that a failure.
 */
const SCREENSHOTS = path.join(tmpdir(), 'monitor-screenshots');
const WIDTHS = [375, 1280];

requireChromium();

interface Document {
  name: string;
  file: string;
  headlines: number;
  /** A web page (which links the shared stylesheet), not an email. */
  web: boolean;
}

describe.skipIf(!AVAILABLE)('rendered pages in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let folder: string;
  let fixtureRoot: string;
  const documents: Document[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'monitor-browser-'));
    fixtureRoot = await writeFixture();
    await mkdir(SCREENSHOTS, { recursive: true });
    await writeDocuments(folder, fixtureRoot, documents);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await rm(folder, { recursive: true, force: true });
    await removeFixture(fixtureRoot);
  });

  for (const width of WIDTHS) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`fits ${width} px, shows every headline and passes axe-core (${scheme})`, async () => {
        const page = await newPage(browser, width, scheme);
        try {
          for (const document of documents) {
            await page.goto(pathToFileURL(document.file).href);
            const label = `${document.name} at ${width} px, ${scheme}`;
            if (document.web) expect(await styled(page), `${label}: style.css applied`).toBe(true);
            expect(await horizontalOverflow(page), label).toBe(0);
            await expectHeadlinesVisible(page, document, width);
            await page.screenshot({ path: path.join(SCREENSHOTS, `${document.name}-${width}-${scheme}.png`) });
            expect(await seriousViolations(page), label).toEqual([]);
          }
        } finally {
          await page.context().close();
        }
      });
    }
  }

  it('would notice a page that overflows or breaks accessibility rules (the checks can fail)', async () => {
    const file = path.join(folder, 'broken.html');
    await writeFile(file, '<!doctype html><html><head><title>x</title></head><body><div style="width:2000px">wide</div><img src="x.png"></body></html>');
    const page = await newPage(browser, 375, 'light');
    try {
      await page.goto(pathToFileURL(file).href);
      expect(await horizontalOverflow(page)).toBeGreaterThan(0);
      expect(await styled(page)).toBe(false);
      expect((await seriousViolations(page)).join('\n')).toMatch(/image-alt|html-has-lang/);
    } finally {
      await page.context().close();
    }
  });
});

/**
 * Render the example's issue with sections, the fixture's hostile issue, an archive and a category page,
 * each publication into a folder of its own laid out as dist/ is, with its style.css beside index.html,
 * so the pages load their shared stylesheet through their relative link as they do when opened from disk.
 */
async function writeDocuments(folder: string, fixtureRoot: string, documents: Document[]): Promise<void> {
  const example = await renderPublication(EXAMPLE_ROOT);
  const withSections = example.site.issues.find((issue) => issue.hasSections) ?? example.site.issues[0]!;
  const fixture = await renderPublication(fixtureRoot);
  const hostile = fixture.issue(2);
  const category = example.site.categories[0]!;
  const pages: Array<[string, string, string, number]> = [
    ['example-issue', `example/${withSections.path}index.html`, example.renderer.issuePage(withSections, example.site), withSections.items.length],
    ['example-email', `example/${withSections.path}email.html`, await example.renderer.email(withSections), withSections.items.length],
    ['hostile-issue', `fixture/${hostile.path}index.html`, fixture.renderer.issuePage(hostile, fixture.site), hostile.items.length],
    ['hostile-email', `fixture/${hostile.path}email.html`, await fixture.renderer.email(hostile), hostile.items.length],
    ['example-archive', 'example/index.html', example.renderer.archivePages(example.site)[0]!.render(), 0],
    ['example-category', `example/categories/${category.category.slug}/index.html`, example.renderer.categoryPage(category, example.site).render(), category.entries.length],
  ];
  await writeAt(folder, 'example/style.css', example.renderer.stylesheet().render());
  await writeAt(folder, 'fixture/style.css', fixture.renderer.stylesheet().render());
  for (const [name, relative, html, headlines] of pages) {
    documents.push({ name, file: await writeAt(folder, relative, html), headlines, web: !relative.endsWith('email.html') });
  }
}

async function writeAt(folder: string, relative: string, text: string): Promise<string> {
  const file = path.join(folder, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

/** Whether the shared stylesheet was applied: the layout's column is narrowed by it (680px at most). */
async function styled(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const wrap = document.querySelector('main.wrap');
    return wrap !== null && getComputedStyle(wrap).maxWidth === '680px';
  });
}

/** A page in a context of its own; nothing may be fetched from the network (the documents are self-contained). */
async function newPage(browser: Browser, width: number, scheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
  await context.route(/^https?:/, (route) => route.abort());
  return context.newPage();
}

async function expectHeadlinesVisible(page: Page, document: Document, width: number): Promise<void> {
  const headlines = page.locator('h2.item-headline');
  expect(await headlines.count(), document.name).toBe(document.headlines);
  for (const headline of await headlines.all()) {
    expect(await headline.isVisible()).toBe(true);
    const box = await headline.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  }
}
