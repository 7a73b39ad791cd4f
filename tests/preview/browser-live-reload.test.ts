import { access, writeFile } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/site/preview/index.js';
import { draftItem as firstItem, writeSampleToSend } from '../helpers/sample-publication.js';

const CHROMIUM = process.env.MONITOR_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const required = process.env.MONITOR_REQUIRE_BROWSER === '1';
const available = await access(CHROMIUM).then(() => true, () => false);

if (!available && !required) {
  console.warn(`browser test skipped: no Chromium at ${CHROMIUM} (set MONITOR_CHROMIUM, or MONITOR_REQUIRE_BROWSER=1 to fail instead)`);
}

describe('live preview in a browser', () => {
  it.runIf(required)('has Chromium, as MONITOR_REQUIRE_BROWSER=1 demands', () => {
    expect(available, `no Chromium at ${CHROMIUM}`).toBe(true);
  });

  describe.runIf(available)('with Chromium', () => {
    let publication: { root: string; firstItem: string };
    let preview: Preview;
    let browser: Browser;

    beforeAll(async () => {
      publication = await writeSampleToSend();
      preview = await startPreview({ root: publication.root, port: 0 });
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    });
    afterAll(async () => {
      await browser?.close();
      await preview?.close();
    });

    it('shows an edited headline and then a broken edit without a manual reload', async () => {
      const page = await browser.newPage();
      await page.goto(preview.issueUrl);
      const web = page.frameLocator('iframe.web');
      const narrowEmail = page.frameLocator('iframe[style="width:375px"]');
      await web.getByText('DUMA & REGIONS ARGUE OVER THE BUDGET', { exact: true }).waitFor();

      await writeFile(publication.firstItem, firstItem('Governors win a budget reprieve'));
      await web.getByText('GOVERNORS WIN A BUDGET REPRIEVE', { exact: true }).waitFor({ timeout: 10_000 });
      await narrowEmail.getByText('GOVERNORS WIN A BUDGET REPRIEVE', { exact: true }).waitFor({ timeout: 10_000 });
      await page.locator('pre.text', { hasText: 'GOVERNORS WIN A BUDGET REPRIEVE' }).waitFor({ timeout: 10_000 });

      await writeFile(publication.firstItem, firstItem('Never shown').replace('date: 2020-01-17', 'date: 2020-13-17'));
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 10_000 });
      expect(await alert.textContent()).toContain('issues/3/01-budget-dispute.md:7');
      await web.getByText('GOVERNORS WIN A BUDGET REPRIEVE', { exact: true }).waitFor();
      await page.close();
    });
  });
});
