import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/sample-publication.js';
import { gzipBomb, redirect, serve, startFeedServer, type FeedServer } from './feed-server.js';
import { fixtureBytes, fixtureText } from './fixtures.js';
import { writePublication } from './publication.js';

let server: FeedServer;
const roots: string[] = [];

beforeAll(async () => {
  server = await startFeedServer({
    '/ledger.xml': serve(fixtureText('rss2-content.xml')),
    '/desk.xml': serve(fixtureText('atom.xml'), 'application/atom+xml', 'gzip'),
    '/vestnik.xml': serve(fixtureBytes('cp1251.xml'), 'application/rss+xml'),
    '/broken.xml': serve(fixtureText('bare-ampersand.xml')),
    '/error-page': serve(fixtureText('html-error.html'), 'text/html'),
    '/loop': redirect('/loop'),
    '/bomb': gzipBomb(20),
  });
});
afterAll(async () => {
  await server.close();
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

async function publication(feeds: Record<string, string>, options: { citedUrl?: string } = {}): Promise<string> {
  const root = await writePublication(Object.fromEntries(Object.entries(feeds).map(([name, route]) => [name, `${server.base}${route}`])), options);
  roots.push(root);
  return root;
}

async function monitor(root: string, ...args: string[]) {
  const { code, stdout: out, stderr: err } = await runCli(args, root);
  return { code, out, err };
}

async function candidates(root: string): Promise<string[]> {
  return (await readdir(path.join(root, 'issues', 'candidates')).catch(() => [] as string[])).sort();
}

describe('monitor ingest', () => {
  it('drafts candidates from RSS, Atom and a windows-1251 feed, and reports each feed', async () => {
    const root = await publication({ 'Capital Ledger': '/ledger.xml', 'Policy Desk': '/desk.xml', 'Вестник Примера': '/vestnik.xml' });
    const result = await monitor(root, 'ingest', '--since', '2024-03-01');
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/\[\d\/3\] Capital Ledger: ok, 3 new, 0 skipped/);
    expect(result.out).toMatch(/FEED\s+STATUS\s+NEW\s+SKIPPED\s+ERRORS/);
    // One outlet each: numbered newest first, then by name.
    const files = await candidates(root);
    expect(files).toContain('01-2024-03-05-duma-passes-bill-on-foreign-agents.md');
    expect(files.at(-1)).toBe('06-2024-03-01-regional-governor-dismissed.md');
    expect(files).toContain('02-2024-03-05-finance-ministry-widens-sanctions-workaround-for-grain.md');
    expect(files).toContain('03-2024-03-05-pravitelstvo-prodlilo-sanktsii-protiv-importa.md');
    const grain = await readFile(path.join(root, 'issues/candidates/02-2024-03-05-finance-ministry-widens-sanctions-workaround-for-grain.md'), 'utf8');
    expect(grain).toContain('headline: Finance ministry widens sanctions workaround for grain exporters\n');
    expect(grain).toContain('publication: Capital Ledger');
    expect(grain).toContain(`url: ${server.base}/news/2024/03/05/grain-exporters?utm_source=rss&utm_medium=feed`);
    expect(grain).toContain('status: candidate');
    expect(grain).toMatch(/categories:\n {2}- Economic Sanctions/);
    expect(grain).not.toContain('Photo: a grain terminal');
    const russian = await readFile(path.join(root, 'issues/candidates/03-2024-03-05-pravitelstvo-prodlilo-sanktsii-protiv-importa.md'), 'utf8');
    expect(russian).toContain('headline: Правительство продлило санкции против импорта\n');
    expect(russian).toContain('Правительство во вторник продлило ответные санкции ещё на год.');
    expect(russian).toContain('- Economic Sanctions');
    expect(server.requests.some((request) => request.headers['user-agent'] === 'monitor/0.1 (+https://monitor.example.org/)')).toBe(true);
  });

  it('drafts nothing and writes nothing on a second run; never overwrites an edited candidate', async () => {
    const root = await publication({ 'Capital Ledger': '/ledger.xml' });
    await monitor(root, 'ingest', '--since', '2024-03-01');
    const files = await candidates(root);
    const edited = path.join(root, 'issues', 'candidates', files[0]!);
    await writeFile(edited, '---\nheadline: Edited by an editor\nsources: []\n---\nMine.\n');
    const stateBefore = await stat(path.join(root, 'feeds', '.state.json'));
    const second = await monitor(root, 'ingest', '--json');
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.out);
    expect(summary.feeds[0]).toMatchObject({ status: 'ok', new: 0, skipped: 3 });
    expect(summary.feeds[0].skippedEntries.map((entry: { reason: string }) => entry.reason).sort()).toEqual(['drafted', 'drafted', 'seen']);
    expect(second.err).toContain('Capital Ledger: ok, 0 new, 3 skipped (1 already seen (--since reads them again), 2 already drafted)');
    expect(summary.stateWritten).toBe(false);
    expect(await candidates(root)).toEqual(files);
    expect(await readFile(edited, 'utf8')).toContain('Edited by an editor');
    expect((await stat(path.join(root, 'feeds', '.state.json'))).mtimeMs).toBe(stateBefore.mtimeMs);
  });

  it('does not draft a story already cited in an issue', async () => {
    const root = await publication({ 'Capital Ledger': '/ledger.xml' }, { citedUrl: 'https://www.ledger.example/news/2024/03/04/navy-drills/?utm_campaign=x' });
    const result = await monitor(root, 'ingest', '--since', '2024-03-01', '--json');
    expect(JSON.parse(result.out).feeds[0]).toMatchObject({ new: 2, skipped: 1 });
    expect((await candidates(root)).some((name) => name.includes('navy'))).toBe(false);
  });

  it('keeps going past hostile feeds, naming each failure, and exits 0', async () => {
    const root = await publication({
      'Capital Ledger': '/ledger.xml', 'Broken Wire': '/broken.xml', 'Error Page': '/error-page', Loop: '/loop', Bomb: '/bomb',
    });
    const result = await monitor(root, 'ingest', '--since', '2024-03-01', '--json');
    expect(result.code).toBe(0);
    const feeds = Object.fromEntries(JSON.parse(result.out).feeds.map((feed: { source: string }) => [feed.source, feed]));
    expect(feeds['Capital Ledger']).toMatchObject({ status: 'ok', new: 3 });
    expect(feeds['Broken Wire']).toMatchObject({ status: 'ok', new: 2 });
    expect(feeds['Broken Wire'].flaws.join(' ')).toMatch(/bare "&"/);
    expect(feeds['Error Page']).toMatchObject({ status: 'failed', error: 'not a feed: the server sent an HTML page' });
    expect(feeds.Loop.error).toMatch(/redirect loop/);
    expect(feeds.Bomb.error).toMatch(/larger than 15 MiB/);
  });

  it('exits 1 when no feed could be read', async () => {
    const root = await publication({ 'Error Page': '/error-page', Loop: '/loop' });
    const result = await monitor(root, 'ingest');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/Error Page\s+failed\s+0\s+0\s+not a feed/);
    expect(result.err).toMatch(/no feed could be read/);
  });

  it('--dry-run writes neither candidates nor state; --source picks one feed', async () => {
    const root = await publication({ 'Capital Ledger': '/ledger.xml', 'Policy Desk': '/desk.xml' });
    const result = await monitor(root, 'ingest', '--since', '2024-03-01', '--dry-run', '--source', 'policy desk', '--json');
    const summary = JSON.parse(result.out);
    expect(summary.feeds.map((feed: { source: string }) => feed.source)).toEqual(['Policy Desk']);
    expect(summary.feeds[0].new).toBe(2);
    expect(await candidates(root)).toEqual([]);
    await expect(stat(path.join(root, 'feeds', '.state.json'))).rejects.toThrow();
    const unknown = await monitor(root, 'ingest', '--source', 'Nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no publication named "Nobody".*Capital Ledger; Policy Desk/);
  });
});

