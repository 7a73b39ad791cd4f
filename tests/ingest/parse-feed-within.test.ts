import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFeeds } from '../../src/ingest/ingest-feeds.js';
import { FeedError } from '../../src/ingest/parse-feed.js';
import { parseFeedWithin } from '../../src/ingest/parse-feed-within.js';
import { serve, startFeedServer, type FeedServer } from './feed-server.js';
import { fixtureText } from './fixtures.js';
import { writePublication } from './publication.js';

/** 200,000 malformed entries, each parsed on its own in the hope of saving it: many seconds of CPU, little memory. */
const SLOW_FEED = `<rss version="2.0"><channel><title>Slow</title>${'<item><x></item>'.repeat(200_000)}</channel></rss>`;

let server: FeedServer;
const roots: string[] = [];

beforeAll(async () => {
  server = await startFeedServer({ '/slow.xml': serve(SLOW_FEED, 'application/rss+xml', 'gzip'), '/rdf.xml': serve(fixtureText('rdf.xml'), 'application/rdf+xml') });
});
afterAll(async () => {
  await server.close();
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('parseFeedWithin', () => {
  it('answers as parseFeed does, from a worker thread', async () => {
    const { title, entries } = await parseFeedWithin(fixtureText('rdf.xml'), 'https://wire.example/rss', 10_000);
    expect(title).toBe('Wire Example');
    expect(entries[0]).toMatchObject({ title: 'Central bank holds key rate', published: { day: '2024-03-05' } });
  });

  it('passes on a feed error as a feed error', async () => {
    const refused = await parseFeedWithin(fixtureText('html-error.html'), 'https://wire.example/rss', 10_000).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(FeedError);
    expect((refused as Error).message).toMatch(/not a feed: the server sent an HTML page/);
  });

  it('stops a parse that outlasts the deadline', async () => {
    await expect(parseFeedWithin(SLOW_FEED, 'https://slow.example/rss', 500)).rejects.toThrow(new FeedError('parsing the feed took longer than 0.5 s'));
  });
});

describe('ingestFeeds: parsing is under each feed deadline', () => {
  it('reports the feed whose parsing outlasts the deadline as failed and drafts the other feed', async () => {
    const root = await writePublication({ 'Slow Wire': `${server.base}/slow.xml`, 'Wire Example': `${server.base}/rdf.xml` });
    roots.push(root);
    const summary = await ingestFeeds(root, { since: '2024-03-01', deadlineMs: 2000 });
    const [slow, wire] = summary.feeds;
    expect(slow).toMatchObject({ source: 'Slow Wire', status: 'failed', error: 'parsing the feed took longer than 2 s' });
    expect(wire).toMatchObject({ source: 'Wire Example', status: 'ok', new: 1 });
    expect(await readdir(path.join(root, 'issues', 'candidates'))).toEqual(['01-2024-03-05-central-bank-holds-key-rate.md']);
  });
});
