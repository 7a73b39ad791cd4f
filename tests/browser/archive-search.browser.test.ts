import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AVAILABLE, horizontalOverflow, launchChromium, requireChromium, seriousViolations } from './chromium.js';
import { startPreview, type Preview } from '../../src/site/preview/index.js';
import { issueFile, itemFile, writePublication } from '../helpers/sample-publication.js';

/**
 * The archive's search, categories, author and 404 pages in headless Chromium, served by `monitor preview`:
 * a word found in one item links to that item, Cyrillic and accented words are found, a draft's words are
 * not; axe-core finds no serious or critical violation and nothing scrolls sideways at 375 or 1280 px.
 * Skipped with a message when Chromium is missing, unless MONITOR_REQUIRE_BROWSER=1.
 */
requireChromium();

const PUBLICATION = {
  'issues/1/02-second.md': itemFile('Moscow courts Beijing', {
    categories: '[China, Russia]',
    body: 'Officials met near a field of quillwort. Алексей Навальный was named, and so was Dragana Kovačević.',
  }),
  'issues/3/issue.md': issueFile(3, '2020-01-20').replace('status: published', 'status: draft'),
  'issues/3/01-draft.md': itemFile('Unpublished draft story', { categories: '[Russia]', body: 'A secret zanzibarquest plan.' }),
};

describe.skipIf(!AVAILABLE)('the archive search in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let preview: Preview;

  beforeAll(async () => {
    const root = await writePublication(PUBLICATION);
    preview = await startPreview({ root, port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  async function results(page: Page, query: string): Promise<Array<{ href: string; text: string }>> {
    await page.goto(new URL(`search/?q=${encodeURIComponent(query)}`, preview.url).href);
    const status = await page.locator('.search-status').filter({ hasText: /found/ }).textContent();
    // Each issue found shows once its page is in: wait for them all.
    if (!status?.startsWith('Nothing')) await page.waitForLoadState('networkidle');
    return page.locator('.search-result h2 a').evaluateAll((links) => links.map((link) => ({ href: (link as HTMLAnchorElement).href, text: link.textContent ?? '' })));
  }

  it('finds a word of exactly one item and links to that item, with the word highlighted', async () => {
    const page = await browser.newPage();
    const found = await results(page, 'quillwort');
    expect(found).toEqual([{ href: new URL('issues/1/#second', preview.url).href, text: 'MOSCOW COURTS BEIJING' }]);
    expect(await page.locator('.search-result mark').first().textContent()).toMatch(/quillwort/i);
    expect(await page.locator('.search-result .entry-meta').first().textContent()).toBe('No. 1 · January 6, 2020');
    await page.close();
  });

  it('finds Cyrillic and accented words, and never a draft\'s', async () => {
    const page = await browser.newPage();
    expect((await results(page, 'Навальный')).map((result) => result.text)).toEqual(['MOSCOW COURTS BEIJING']);
    expect((await results(page, 'Kovačević')).map((result) => result.text)).toEqual(['MOSCOW COURTS BEIJING']);
    // A last word of one letter so far matches the words that begin with it, from all the files it begins.
    expect((await results(page, 'Навальный q')).map((result) => result.text)).toEqual(['MOSCOW COURTS BEIJING']);
    expect(await results(page, 'zanzibarquest')).toEqual([]);
    expect(await page.locator('.search-status').textContent()).toContain('Nothing found');
    await page.close();
  });

  it('answers a mistyped address with the site\'s 404 page and its search box', async () => {
    const page = await browser.newPage();
    const response = await page.goto(new URL('issues/99/', preview.url).href);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await page.locator('#search-not-found').fill('quillwort');
    await page.locator('#search-not-found').press('Enter');
    await page.locator('.search-result').first().waitFor();
    expect(await page.locator('.search-result h2 a').first().textContent()).toBe('MOSCOW COURTS BEIJING');
    await page.close();
  });

  it('filters by category', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('search/?q=quillwort&category=North%20Korea', preview.url).href);
    await page.locator('.search-status').filter({ hasText: /found/ }).waitFor();
    expect(await page.locator('.search-result').count()).toBe(0);
    await page.selectOption('#search-category', 'China');
    await page.locator('.search-result').first().waitFor();
    expect(await page.locator('.search-result').count()).toBe(1);
    await page.close();
  });

  for (const width of [375, 1280]) {
    it(`has no serious accessibility violation and fits ${width} px on the search, categories, author and 404 pages`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const path of ['search/?q=quillwort', 'categories/', 'authors/ada-example/', '404.html']) {
        await page.goto(new URL(path, preview.url).href);
        if (path.startsWith('search/')) await page.locator('.search-result').first().waitFor();
        expect(await horizontalOverflow(page), path).toBe(0);
        expect(await seriousViolations(page), path).toEqual([]);
      }
      await context.close();
    });
  }
});
