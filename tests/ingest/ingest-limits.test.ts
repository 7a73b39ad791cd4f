import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFeeds } from '../../src/ingest/ingest-feeds.js';
import { MAX_FORMER_SEEN_PER_FEED, updatedFeedState } from '../../src/ingest/state.js';
import { runCli } from '../helpers/sample-publication.js';
import { drip, serve, startFeedServer, type FeedServer } from './feed-server.js';
import { writeServedPublication } from './publication.js';

/** An RSS feed of `count` distinct stories, all on 5 March 2024. */
function manyStories(count: number): string {
  const items = Array.from({ length: count }, (_, index) => `<item><title>Regional council vote number ${index + 1}</title>
<link>https://ledger.example/news/${index + 1}</link><guid>story-${index + 1}</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>The regional council held vote number ${index + 1} on the budget. Deputies argued about the numbers for hours.</description></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Capital Ledger</title>${items.join('\n')}</channel></rss>`;
}

let server: FeedServer;
const roots: string[] = [];

beforeAll(async () => {
  server = await startFeedServer({ '/many.xml': serve(manyStories(2500)), '/few.xml': serve(manyStories(3)), '/drip': drip() });
});
afterAll(async () => {
  await server.close();
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

async function publication(feeds: Record<string, string>): Promise<string> {
  const root = await writeServedPublication(server.base, feeds);
  roots.push(root);
  return root;
}

const candidatesOf = (root: string) => readdir(path.join(root, 'issues', 'candidates')).catch(() => [] as string[]);

describe('drafts per feed', () => {
  it('drafts at most --max-per-feed, reports the rest as skipped with the reason, and remembers every key of the feed', async () => {
    const root = await publication({ 'Capital Ledger': '/many.xml' });
    const first = await runCli(['ingest', '--since', '2024-03-01', '--max-per-feed', '3'], root);
    expect(first.code).toBe(0);
    expect(await candidatesOf(root)).toHaveLength(3);
    expect(first.stderr).toMatch(/Capital Ledger: ok, 3 new, 2497 skipped \(2497 not drafted: more new entries than --max-per-feed allows\)/);
    expect(first.stdout).toMatch(/2497 new entries were skipped over the per-feed limit and remembered as seen/);
    const state = JSON.parse(await readFile(path.join(root, 'feeds', '.state.json'), 'utf8'));
    expect(state.feeds[`${server.base}/many.xml`].seen).toHaveLength(2500);
    const second = await runCli(['ingest', '--json'], root);
    expect(JSON.parse(second.stdout).feeds[0]).toMatchObject({ new: 0, skipped: 2500, overLimit: 0 });
    expect(await candidatesOf(root)).toHaveLength(3);
    const third = await runCli(['ingest', '--since', '2024-03-01', '--max-per-feed', '2', '--json'], root);
    const rereading = JSON.parse(third.stdout).feeds[0];
    expect(rereading).toMatchObject({ new: 2, skipped: 2498, overLimit: 2495 });
    expect(rereading.skippedEntries.filter((entry: { reason: string }) => entry.reason === 'drafted')).toHaveLength(3);
    expect(await candidatesOf(root)).toHaveLength(5);
  });

  it('drafts 200 per feed by default', async () => {
    const root = await publication({ 'Capital Ledger': '/many.xml' });
    const summary = await ingestFeeds(root, { since: '2024-03-01', dryRun: true });
    expect(summary.feeds[0]).toMatchObject({ new: 200, skipped: 2300, overLimit: 2300 });
  });

  it('keeps every key of the feed as it is now and a bounded number of former ones', () => {
    const former = Array.from({ length: 3000 }, (_, index) => `id:old-${index}`);
    const current = Array.from({ length: 2500 }, (_, index) => `id:new-${index}`);
    const { seen } = updatedFeedState({ seen: former }, current, {});
    expect(seen.slice(0, 2500)).toEqual(current);
    expect(seen.slice(2500)).toEqual(former.slice(0, MAX_FORMER_SEEN_PER_FEED));
  });
});

describe('an interrupted ingest', () => {
  it('saves the state only once the stories are drafted, so a run stopped while fetching drafts them next time', async () => {
    const root = await publication({ Few: '/few.xml', Drip: '/drip' });
    let savedWhenFirstDone: Promise<boolean> | undefined;
    const summary = await ingestFeeds(root, {
      since: '2024-03-01', deadlineMs: 1500,
      onFeedDone: (report) => {
        if (report.source === 'Few') savedWhenFirstDone = stat(path.join(root, 'feeds', '.state.json')).then(() => true, () => false);
      },
    });
    expect(await savedWhenFirstDone).toBe(false);
    expect(summary.feeds.map((feed) => feed.status)).toEqual(['ok', 'failed']);
    const text = await readFile(path.join(root, 'feeds', '.state.json'), 'utf8');
    expect(JSON.parse(text).feeds[`${server.base}/few.xml`].seen).toHaveLength(3);
    expect(await candidatesOf(root)).toHaveLength(3);
  });

  it('removes what a killed run left in .monitor/tmp, leaves no temporary anywhere, and drafts no second copy', async () => {
    const root = await publication({ Few: '/few.xml' });
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const temporaries = path.join(root, '.monitor', 'tmp');
    await mkdir(temporaries, { recursive: true });
    await writeFile(path.join(temporaries, `${dead}-abc.tmp`), '---\nheadline: half');
    await writeFile(path.join(temporaries, `${process.pid}-live.tmp`), 'a live run is writing this');
    expect((await runCli(['ingest', '--since', '2024-03-01'], root)).code).toBe(0);
    expect(await readdir(temporaries)).toEqual([`${process.pid}-live.tmp`]);
    const names = await candidatesOf(root);
    expect(names).toHaveLength(3);
    for (const name of names) {
      expect(name).toMatch(/^0\d-2024-03-05-regional-council-vote-number-\d\.md$/);
      expect((await stat(path.join(root, 'issues', 'candidates', name))).size).toBeGreaterThan(0);
    }
    await rm(path.join(root, 'feeds', '.state.json'));
    expect((await runCli(['ingest', '--since', '2024-03-01'], root)).code).toBe(0);
    expect((await candidatesOf(root)).sort()).toEqual(names.sort());
  });
});
