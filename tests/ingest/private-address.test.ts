import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchFeed } from '../../src/ingest/fetch-feed.js';
import { nonPublicKind } from '../../src/ingest/public-address.js';
import { runCli } from '../helpers/sample-publication.js';
import { redirect, serve, startFeedServer, type FeedServer } from './feed-server.js';
import { fixtureText } from './fixtures.js';
import { writePublication } from './publication.js';

/**
 * 127.0.0.2 stands in for a public web server (Linux routes all of 127/8 to the loopback interface): the
 * address classifier is told it is public, so a feed there is fetched and its redirects are what is tested.
 */
vi.mock('ipaddr.js', async (importOriginal) => {
  const real = ((await importOriginal()) as { default: typeof import('ipaddr.js') }).default;
  const standIn = { range: () => 'unicast', kind: () => 'ipv4' };
  return { default: { ...real, process: (address: string) => (address === '127.0.0.2' ? standIn : real.process(address)) } };
});

const USER_AGENT = 'monitor/0.1 (+https://monitor.example.org/)';
let local: FeedServer;
let standIn: http.Server;
let standInBase: string;
const roots: string[] = [];

beforeAll(async () => {
  local = await startFeedServer({ '/internal': serve(fixtureText('rss2-content.xml')) });
  const port = new URL(local.base).port;
  const routes: Record<string, http.RequestListener> = {
    '/to-loopback': redirect(`http://127.0.0.1:${port}/internal`),
    '/to-localhost': redirect(`http://localhost:${port}/internal`),
    '/to-metadata': redirect('http://169.254.169.254/latest/meta-data/'),
    '/to-mapped': redirect(`http://[::ffff:127.0.0.1]:${port}/internal`),
  };
  standIn = http.createServer((request, response) => {
    const route = routes[request.url ?? ''];
    if (route) route(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.2', resolve));
  standInBase = `http://127.0.0.2:${(standIn.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await local.close();
  standIn.closeAllConnections();
  await new Promise<void>((resolve) => standIn.close(() => resolve()));
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('feeds on local and private addresses', () => {
  it('refuses a feed on 127.0.0.1 unless allowed, naming the address', async () => {
    const refused = await fetchFeed(`${local.base}/internal`, { userAgent: USER_AGENT });
    expect(refused.status === 'failed' && refused.error).toMatch(/refused to fetch from 127\.0\.0\.1, a loopback address.*allowPrivate: true.*MONITOR_ALLOW_PRIVATE_FEEDS=1/);
    expect(local.requests).toHaveLength(0);
    expect((await fetchFeed(`${local.base}/internal`, { userAgent: USER_AGENT, allowPrivate: true })).status).toBe('fetched');
  });

  it.each([
    ['/to-loopback', /127\.0\.0\.1, a loopback address/],
    ['/to-localhost', /localhost \((127\.0\.0\.1|::1)\), a loopback address/],
    ['/to-metadata', /169\.254\.169\.254, a link-local address/],
    ['/to-mapped', /127\.0\.0\.1, a loopback address|::ffff:7f00:1/],
  ])('refuses a redirect %s to a local address', async (route, message) => {
    const before = local.requests.length;
    const result = await fetchFeed(`${standInBase}${route}`, { userAgent: USER_AGENT });
    expect(result.status === 'failed' && result.error).toMatch(message);
    expect(local.requests.length).toBe(before);
  });

  it('classifies the special-purpose ranges as not public', () => {
    for (const address of ['10.1.2.3', '172.16.0.1', '192.168.1.1', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '::']) {
      expect(nonPublicKind(address), address).toBeDefined();
    }
    for (const address of ['93.184.216.34', '2606:4700::1111', '::ffff:93.184.216.34']) expect(nonPublicKind(address), address).toBeUndefined();
  });

  it('monitor ingest refuses a feed on 127.0.0.1 without allowPrivate, and reads it with MONITOR_ALLOW_PRIVATE_FEEDS=1', async () => {
    const root = await writePublication({ Intranet: `${local.base}/internal` }, { allowPrivate: false });
    roots.push(root);
    const refused = await runCli(['ingest', '--since', '2024-03-01', '--json'], root);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).feeds[0].error).toMatch(/refused to fetch from 127\.0\.0\.1, a loopback address/);
    vi.stubEnv('MONITOR_ALLOW_PRIVATE_FEEDS', '1');
    try {
      const allowed = await runCli(['ingest', '--since', '2024-03-01', '--json'], root);
      expect(allowed.code).toBe(0);
      expect(JSON.parse(allowed.stdout).feeds[0]).toMatchObject({ status: 'ok', new: 3 });
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await readdir(path.join(root, 'issues', 'candidates'))).toHaveLength(3);
  });
});
