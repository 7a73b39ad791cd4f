import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownText } from '../../src/core/markdown-text.js';
import { markdownToHtml } from '../../src/render/markdown.js';
import { runCli } from '../helpers/sample-publication.js';
import { serve, startFeedServer, type FeedServer } from './feed-server.js';
import { writePublication } from './publication.js';

/** A feed whose story text is written as Markdown links and images, and as an escaped HTML image. */
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Capital Ledger</title><link>https://ledger.example/</link>
<item>
  <title>Ministry publishes its grain export plan</title>
  <link>https://ledger.example/news/grain-plan</link>
  <guid>grain-plan</guid>
  <pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
  <description>The ministry published its grain export plan on Tuesday ![x](https://tracker.example/pixel.gif) with new quotas. Officials said [Read the ministry statement](https://phish.example/login) covers every region. Traders expect &lt;img src="https://tracker.example/raw.gif"&gt; higher prices in the spring. [Unsubscribe](https://phish.example/login) from the ministry notes at www.phish.example today.</description>
</item>
</channel></rss>`;

let server: FeedServer;
const roots: string[] = [];

beforeAll(async () => {
  server = await startFeedServer({ '/ledger.xml': serve(FEED) });
});
afterAll(async () => {
  await server.close();
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('feed text in candidates', () => {
  it('is Markdown that renders as the same text: no link, image or HTML of its own', () => {
    const text = 'See ![x](https://tracker.example/p.gif), [Unsubscribe](https://phish.example/login), <img src="https://tracker.example/a.gif"> &amp; <https://phish.example/> www.phish.example me@phish.example *b* `c`';
    const html = markdownToHtml(markdownText(text));
    expect(html).not.toMatch(/<a |<img /);
    expect(html).toContain('![x](https://tracker.example/p.gif)');
    expect(html).toContain('[Unsubscribe](https://phish.example/login)');
    for (const line of ['# heading', '- item', '1. item', '> quote', '+ item', '===']) expect(markdownToHtml(markdownText(line))).toBe(`<p>${line.replace('>', '&gt;')}</p>`);
  });

  it('stays inert after ingest, accept and build: the email and the web page link only the source', async () => {
    const root = await writePublication({ 'Capital Ledger': `${server.base}/ledger.xml` });
    roots.push(root);
    expect((await runCli(['ingest', '--since', '2024-03-01'], root)).code).toBe(0);
    const [candidate] = await readdir(path.join(root, 'issues', 'candidates'));
    const draft = await readFile(path.join(root, 'issues', 'candidates', candidate!), 'utf8');
    expect(draft).toContain('tracker.example/pixel.gif');
    expect(draft).toContain('phish.example/login');
    const accepted = await runCli(['accept', candidate!, '--issue', '1'], root);
    expect(accepted.stderr).toMatch(/accepted/);
    const built = await runCli(['build', '--drafts'], root);
    expect(built.code, built.stderr).toBe(0);
    for (const page of ['email.html', 'index.html']) {
      const html = await readFile(path.join(root, 'dist', 'issues', '1', page), 'utf8');
      expect(html).toContain('tracker.example/pixel.gif');
      expect(html).not.toMatch(/<img[^>]+tracker\.example/);
      expect(html).not.toMatch(/<a[^>]+href="[^"]*phish\.example/);
      expect(html).toMatch(/<a[^>]+href="https:\/\/ledger\.example\/news\/grain-plan"/);
    }
  });
});
