import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed, retryAfterMs } from '../../src/ingest/fetch-feed.js';
import { closedPortUrl, drip, gzipBomb, redirect, serve, startFeedServer, type FeedServer } from './feed-server.js';
import { fixtureText } from './fixtures.js';

const USER_AGENT = 'monitor/0.1 (+https://monitor.example.org/)';
/** The test server listens on 127.0.0.1, a loopback address refused unless allowed. */
const LOCAL = { userAgent: USER_AGENT, allowPrivate: true };
let server: FeedServer;
let rateLimitedOnce = false;

beforeAll(async () => {
  const rss = fixtureText('rss2-content.xml');
  server = await startFeedServer({
    '/plain': serve(rss),
    '/gzip': serve(rss, undefined, 'gzip'),
    '/br': serve(rss, undefined, 'br'),
    '/deflate': serve(rss, undefined, 'deflate'),
    '/hop1': redirect('/hop2', 301),
    '/hop2': redirect('/plain', 307),
    '/loop-a': redirect('/loop-b'),
    '/loop-b': redirect('/loop-a'),
    '/chain0': redirect('/chain1'), '/chain1': redirect('/chain2'), '/chain2': redirect('/chain3'),
    '/chain3': redirect('/chain4'), '/chain4': redirect('/chain5'), '/chain5': redirect('/chain6'), '/chain6': redirect('/plain'),
    '/bomb': gzipBomb(20),
    '/drip': drip(),
    '/conditional': (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304).end();
      else response.writeHead(200, { etag: '"v1"', 'last-modified': 'Tue, 05 Mar 2024 10:00:00 GMT', 'content-type': 'application/xml' }).end(rss);
    },
    '/busy-short': (_request, response) => {
      if (rateLimitedOnce) return void response.writeHead(200, { 'content-type': 'application/xml' }).end(rss);
      rateLimitedOnce = true;
      response.writeHead(429, { 'retry-after': '0' }).end();
    },
    '/busy-long': (_request, response) => void response.writeHead(503, { 'retry-after': '3600' }).end(),
    '/gone': (_request, response) => void response.writeHead(410).end(),
  });
});
afterAll(() => server.close());

describe('fetchFeed', () => {
  it('sends a clear User-Agent and returns the body', async () => {
    const result = await fetchFeed(`${server.base}/plain`, { ...LOCAL });
    expect(result.status).toBe('fetched');
    expect(server.requests.at(-1)!.headers['user-agent']).toBe(USER_AGENT);
  });

  it.each(['gzip', 'br', 'deflate'])('decompresses %s', async (encoding) => {
    const result = await fetchFeed(`${server.base}/${encoding}`, { ...LOCAL });
    expect(result.status).toBe('fetched');
    if (result.status === 'fetched') expect(Buffer.from(result.bytes).toString()).toContain('<rss version="2.0"');
  });

  it('follows redirects and reports the final URL', async () => {
    const result = await fetchFeed(`${server.base}/hop1`, { ...LOCAL });
    expect(result).toMatchObject({ status: 'fetched', url: `${server.base}/plain` });
  });

  it('names a redirect loop', async () => {
    const result = await fetchFeed(`${server.base}/loop-a`, { ...LOCAL });
    expect(result).toMatchObject({ status: 'failed' });
    if (result.status === 'failed') expect(result.error).toMatch(/redirect loop/);
  });

  it('stops after 5 redirects', async () => {
    const result = await fetchFeed(`${server.base}/chain0`, { ...LOCAL });
    expect(result.status === 'failed' && result.error).toMatch(/more than 5 redirects/);
  });

  it('stops reading a gzip bomb at the byte cap, counted after decompression', async () => {
    const result = await fetchFeed(`${server.base}/bomb`, { ...LOCAL });
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.error).toMatch(/larger than 15 MiB after decompression/);
  });

  it('gives up on a server that drips a byte a second when the deadline passes', async () => {
    const result = await fetchFeed(`${server.base}/drip`, { ...LOCAL, deadlineMs: 1000 });
    expect(result.status === 'failed' && result.error).toMatch(/no complete answer from 127\.0\.0\.1:\d+ within 1 s/);
  });

  it('makes a conditional GET with the stored validators; 304 is "not modified"', async () => {
    const first = await fetchFeed(`${server.base}/conditional`, { ...LOCAL });
    expect(first).toMatchObject({ status: 'fetched', etag: '"v1"', lastModified: 'Tue, 05 Mar 2024 10:00:00 GMT' });
    const second = await fetchFeed(`${server.base}/conditional`, { ...LOCAL, etag: '"v1"', lastModified: 'Tue, 05 Mar 2024 10:00:00 GMT' });
    expect(second.status).toBe('not-modified');
    expect(server.requests.at(-1)!.headers['if-modified-since']).toBe('Tue, 05 Mar 2024 10:00:00 GMT');
  });

  it('retries once after a short Retry-After, and reports a long one', async () => {
    expect((await fetchFeed(`${server.base}/busy-short`, { ...LOCAL })).status).toBe('fetched');
    const long = await fetchFeed(`${server.base}/busy-long`, { ...LOCAL });
    expect(long.status === 'failed' && long.error).toMatch(/503 service unavailable; the server asks to wait 3600 s/);
  });

  it('reports HTTP errors and unreachable servers without throwing', async () => {
    const gone = await fetchFeed(`${server.base}/gone`, { ...LOCAL });
    expect(gone.status === 'failed' && gone.error).toMatch(/HTTP 410/);
    const closed = await closedPortUrl();
    const refused = await fetchFeed(closed, { ...LOCAL });
    expect(refused.status === 'failed' && refused.error).toBe(`cannot reach ${new URL(closed).host}: the server refused the connection (ECONNREFUSED)`);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Tue, 05 Mar 2024 10:01:00 GMT', Date.parse('2024-03-05T10:00:00Z'))).toBe(60_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
