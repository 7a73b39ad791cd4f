import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFeeds } from '../../src/ingest/ingest-feeds.js';
import { drip, serve, startFeedServer, type FeedServer } from './feed-server.js';
import { fixtureText } from './fixtures.js';
import { writeServedPublication } from './publication.js';

let server: FeedServer;
const roots: string[] = [];
const rss = fixtureText('rss2-content.xml');

beforeAll(async () => {
  server = await startFeedServer({
    '/ledger.xml': (request, response) => {
      if (request.headers['if-none-match'] === '"ledger-v1"') return void response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"ledger-v1"' }).end(rss);
    },
    '/rdf.xml': serve(fixtureText('rdf.xml'), 'application/rdf+xml'),
    '/drip': drip(),
  });
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

describe('ingestFeeds', () => {
  it('takes only the last 7 days on a first run, then sends the ETag and treats 304 as a quiet success', async () => {
    const root = await publication({ 'Capital Ledger': '/ledger.xml' });
    const first = await ingestFeeds(root, { now: new Date('2024-03-09T12:00:00Z') });
    expect(first.feeds[0]).toMatchObject({ status: 'ok', new: 2, skipped: 1, since: '2024-03-02' });
    expect(first.feeds[0]!.skippedEntries.map((entry) => entry.reason)).toEqual(['old']);
    const state = JSON.parse(await readFile(path.join(root, 'feeds', '.state.json'), 'utf8'));
    expect(state.feeds[`${server.base}/ledger.xml`]).toMatchObject({ etag: '"ledger-v1"' });
    expect(state.feeds[`${server.base}/ledger.xml`].seen).toHaveLength(3);
    const second = await ingestFeeds(root, { now: new Date('2024-03-09T12:00:00Z') });
    expect(second.feeds[0]).toMatchObject({ status: 'not modified', new: 0, error: undefined });
    expect(second.stateWritten).toBe(false);
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe('"ledger-v1"');
  });

  it('gives up on a dripping feed at its deadline while the feed beside it is ingested', async () => {
    const root = await publication({ Drip: '/drip', 'Wire Example': '/rdf.xml' });
    const summary = await ingestFeeds(root, { since: '2024-03-01', deadlineMs: 1000 });
    const [dripping, wire] = summary.feeds;
    expect(dripping).toMatchObject({ source: 'Drip', status: 'failed', error: `no complete answer from ${new URL(server.base).host} within 1 s` });
    expect(wire).toMatchObject({ source: 'Wire Example', status: 'ok', new: 1 });
    expect(await readdir(path.join(root, 'issues', 'candidates'))).toEqual(['01-2024-03-05-central-bank-holds-key-rate.md']);
  });
});
