/**
 * `node bench/search-in-browser.js --site DIST [--query WORD]... [--runs R]`: the archive search as a reader
 * meets it, in headless Chromium (/usr/bin/chromium, or MONITOR_CHROMIUM), on a built site (such as the
 * archive `npm run bench` generates, built once). DIST is served from 127.0.0.1 by a plain file server.
 * For each query, in a new page each run: the bytes fetched from opening search/ until the results show
 * (each file counted gzip-compressed, as a static host would send it), and the time from the query being
 * typed (once the page's index list is loaded) to the count of issues found and to the first result on screen,
 * timed inside the page (a MutationObserver, and the frame after) so that Playwright's own polling is not counted.
 * Prints medians.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    query: { type: 'string', multiple: true, default: ['regional', 'court fees', 'minis'] },
    runs: { type: 'string', default: '5' },
  },
});
if (!values.site) {
  process.stderr.write('usage: node bench/search-in-browser.js --site DIST [--query WORD]... [--runs R]\n');
  process.exit(2);
}
const site = path.resolve(values.site);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
/** Path served -> file; each file's gzip size is taken after the runs, not while the browser waits. */
const served = new Map();
const gzipSizes = new Map();
async function gzipSize(pathname) {
  if (!gzipSizes.has(pathname)) gzipSizes.set(pathname, served.has(pathname) ? gzipSync(await readFile(served.get(pathname))).length : 0);
  return gzipSizes.get(pathname);
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  let file = path.join(site, decodeURIComponent(url.pathname));
  if (!file.startsWith(site)) return void response.writeHead(403).end();
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    const body = await readFile(file);
    served.set(url.pathname, file);
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.MONITOR_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
try {
  for (const query of values.query) {
    const bytes = [];
    const times = [];
    const countTimes = [];
    let found = '';
    for (let run = 0; run < Number(values.runs); run += 1) {
      const page = await browser.newPage();
      const fetched = new Set();
      page.on('request', (request) => fetched.add(new URL(request.url()).pathname));
      await page.goto(`${base}search/`);
      await page.locator('.search-filter').waitFor(); // shown once the list of the index's parts is loaded
      // Typed and timed inside the page, so that Playwright's own round trips are not counted.
      const { counted, ended } = await page.evaluate((typed) => new Promise((resolve, reject) => {
        const status = document.querySelector('.search-status');
        const list = document.querySelector('.search-results');
        const input = document.querySelector('main .search-box input');
        const times = { counted: undefined, ended: undefined };
        const started = performance.now();
        const observer = new MutationObserver(() => {
          const now = performance.now() - started;
          if (times.counted === undefined && /found/i.test(status.textContent)) times.counted = now;
          if (/could not be loaded/.test(status.textContent)) {
            observer.disconnect();
            reject(new Error(status.textContent));
          }
          if (list.querySelector('.search-result') || /Nothing found/.test(status.textContent)) {
            observer.disconnect();
            times.counted ??= now;
            // On screen: when the frame that shows it begins (its style, layout and paint follow at once;
            // a timer after it would also count the tasks queued behind, such as the next pages' parsing).
            requestAnimationFrame(() => {
              times.ended = performance.now() - started;
              resolve(times);
            });
          }
        });
        observer.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
        input.value = typed;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }), query);
      countTimes.push(counted);
      found = (await page.locator('.search-status').textContent()) ?? '';
      times.push(ended);
      let sum = 0;
      for (const file of fetched) sum += await gzipSize(file);
      bytes.push(sum);
      await page.close();
    }
    process.stdout.write(`${JSON.stringify(query)}: ${found} fetched ${(median(bytes) / 1024).toFixed(0)} KB gzip before the results; count shown ${median(countTimes).toFixed(0)} ms and first result ${median(times).toFixed(0)} ms after typing (median of ${values.runs})\n`);
  }
} finally {
  await browser.close();
  server.close();
}
