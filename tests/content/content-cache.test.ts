import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChangedIssues, loadPublication, validatePublication } from '../../src/content/index.js';
import { contentCacheKey } from '../../src/content/content-cache-store.js';
import { readCacheText, writeCacheFile } from '../../src/core/cache-file.js';
import { issueFile, itemFile, writePublication } from '../helpers/sample-publication.js';

/** The publication as JSON text (field order included), without functions, for comparing two reads. */
async function snapshot(root: string, cacheDir?: string): Promise<string> {
  const { publication, warnings } = await loadPublication(root, { cacheDir });
  return JSON.stringify({ issues: publication.issues, problems: warnings });
}

const shardFolder = (root: string) => path.join(root, '.monitor-cache', 'content');

/** Issue 1, 2 (shard 0) and 150 (shard 1), each item with a body that JSON would have to escape. */
async function threeIssues(): Promise<string> {
  return writePublication({
    'issues/1/01-first.md': itemFile('First', { body: 'Line one with “quotes”, ünïcödé and a \\ backslash.\n\nLine two: {"not": "json"}\n' }),
    'issues/150/issue.md': `${issueFile(150, '2020-02-10')}An editor’s note\n\nin two paragraphs.\n`,
    'issues/150/01-later.md': itemFile('Later', { sources: '  - publication: Reuters\n    date: 2020-02-01\n' }),
  });
}

describe('the parsed-content cache', () => {
  it('gives the same publication, field for field, from the cache as from the files', async () => {
    const root = await threeIssues();
    const cacheDir = path.join(root, '.monitor-cache');
    const fresh = await snapshot(root);
    expect(await snapshot(root, cacheDir)).toBe(fresh);
    expect((await readdir(shardFolder(root))).sort()).toEqual(['shard-0.cache', 'shard-1.cache']);
    expect(await snapshot(root, cacheDir)).toBe(fresh);
  });

  it('reads a changed file again and rewrites only the shard it belongs to', async () => {
    const root = await threeIssues();
    const cacheDir = path.join(root, '.monitor-cache');
    await snapshot(root, cacheDir);
    const before = await readFile(path.join(shardFolder(root), 'shard-0.cache'), 'utf8');
    const untouched = (await stat(path.join(shardFolder(root), 'shard-1.cache'))).mtimeMs;
    await writeFile(path.join(root, 'issues/1/01-first.md'), itemFile('A new headline for the first item'));
    const { publication } = await loadPublication(root, { cacheDir });
    expect(publication.issues[0]!.items[0]!.headline).toBe('A new headline for the first item');
    expect(await readFile(path.join(shardFolder(root), 'shard-0.cache'), 'utf8')).not.toBe(before);
    expect((await stat(path.join(shardFolder(root), 'shard-1.cache'))).mtimeMs).toBe(untouched);
    expect(await snapshot(root, cacheDir)).toBe(await snapshot(root));
  });

  it('takes the stamp of a file from the stamps it is given (by a build, taken just before) rather than stat it', async () => {
    const root = await threeIssues();
    const cacheDir = path.join(root, '.monitor-cache');
    await snapshot(root, cacheDir);
    const file = 'issues/1/01-first.md';
    const { mtimeMs, size } = await stat(path.join(root, file));
    await writeFile(path.join(root, file), itemFile('Edited after the stamps were taken'));
    const asStamped = await loadPublication(root, { cacheDir, stamps: { [file]: [mtimeMs, size] } });
    expect(asStamped.publication.issues[0]!.items[0]!.headline).toBe('First');
    const asOnDisk = await loadPublication(root, { cacheDir });
    expect(asOnDisk.publication.issues[0]!.items[0]!.headline).toBe('Edited after the stamps were taken');
  });

  it('forgets a removed file, and a shard whose issues are all gone', async () => {
    const root = await threeIssues();
    const cacheDir = path.join(root, '.monitor-cache');
    await snapshot(root, cacheDir);
    await rm(path.join(root, 'issues/2/02-governors.md'));
    await rm(path.join(root, 'issues/150'), { recursive: true });
    expect(await snapshot(root, cacheDir)).toBe(await snapshot(root));
    expect(await readdir(shardFolder(root))).toEqual(['shard-0.cache']);
    expect(await readFile(path.join(shardFolder(root), 'shard-0.cache'), 'utf8')).not.toContain('issues/2/02-governors.md');
  });

  it('after a partial read keeps the entries it did not touch, but for files the stamps say are gone', async () => {
    const files: Record<string, string> = {};
    for (let number = 3; number <= 12; number += 1) {
      files[`issues/${number}/issue.md`] = issueFile(number, `2020-02-${String(number + 10).padStart(2, '0')}`);
      files[`issues/${number}/01-item.md`] = itemFile(`Item of issue ${number}`);
    }
    const root = await writePublication(files);
    const cacheDir = path.join(root, '.monitor-cache');
    await snapshot(root, cacheDir);
    const shard = path.join(shardFolder(root), 'shard-0.cache');
    // Issues 1 and 2 are known and older than the newest ten: a partial read does not read them.
    const known = new Map([1, 2].map((number) => [String(number), { number, date: `2020-01-${number === 1 ? '06' : '13'}`, problems: [] }]));
    await writeFile(path.join(root, 'issues/12/01-item.md'), itemFile('A changed item of issue 12'));
    const partial = await loadChangedIssues(root, { cacheDir, known });
    expect(partial.unread).toEqual(['1', '2']);
    const kept = await readFile(shard, 'utf8');
    expect(kept).toContain('A changed item of issue 12');
    expect(kept).toContain('issues/2/02-governors.md');
    // Stamps that no longer name issue 2's second item (deleted) drop its entry.
    const { mtimeMs, size } = await stat(path.join(root, 'issues/12/01-item.md'));
    await writeFile(path.join(root, 'issues/12/01-item.md'), itemFile('Issue 12 changed once more'));
    const later = await stat(path.join(root, 'issues/12/01-item.md'));
    expect([later.mtimeMs, later.size]).not.toEqual([mtimeMs, size]);
    const stamps = { 'issues/2/01-sanctions.md': [1, 1] as const, 'issues/12/01-item.md': [later.mtimeMs, later.size] as const };
    await loadChangedIssues(root, { cacheDir, known, stamps });
    const dropped = await readFile(shard, 'utf8');
    expect(dropped).toContain('Issue 12 changed once more');
    expect(dropped).toContain('issues/2/01-sanctions.md');
    expect(dropped).not.toContain('issues/2/02-governors.md');
    expect(await snapshot(root, cacheDir)).toBe(await snapshot(root));
  });

  it('holds the reads of one monitor: another (a build gives the stamps of its code) reads the files again', async () => {
    const root = await threeIssues();
    const cacheDir = path.join(root, '.monitor-cache');
    await loadPublication(root, { cacheDir, tool: 'monitor 1, code a' });
    // The cached headline changed (its sha1 with it): what a reader gets shows whether it used the cache.
    const shard = path.join(shardFolder(root), 'shard-0.cache');
    const body = readCacheText(shard, contentCacheKey('monitor 1, code a'))!.replace('"headline":"First"', '"headline":"Stale"');
    expect(body).toContain('"headline":"Stale"');
    writeCacheFile(shard, contentCacheKey('monitor 1, code a'), body);
    const headline = async (tool: string) => (await loadPublication(root, { cacheDir, tool })).publication.issues[0]!.items[0]!.headline;
    expect(await headline('monitor 1, code a')).toBe('Stale');
    expect(await headline('monitor 1, code b')).toBe('First');
  });

  it('is not written by a run that found errors', async () => {
    const root = await writePublication({ 'issues/1/01-first.md': itemFile('A', { section: 'securty' }) });
    const cacheDir = path.join(root, '.monitor-cache');
    const { problems } = await validatePublication(root, { cacheDir });
    expect(problems).toEqual([expect.objectContaining({ file: 'issues/1/01-first.md', line: 3, path: 'section' })]);
    await expect(readdir(shardFolder(root))).rejects.toThrow();
  });

  it('removes the single cache file of an older monitor', async () => {
    const root = await writePublication();
    const cacheDir = path.join(root, '.monitor-cache');
    await mkdir(cacheDir, { recursive: true });
    await writeFile(path.join(cacheDir, 'content.json'), '{"format":1,"files":{}}');
    await snapshot(root, cacheDir);
    await expect(readFile(path.join(cacheDir, 'content.json'))).rejects.toThrow();
  });

  it.each([
    ['truncated JSON', '{"format":2,"rows":['],
    ['another version', '{"format":2,"version":"0.0.0-old","rows":[]}\n'],
    ['the format of an older monitor', '{"format":1,"files":{}}'],
    ['garbage', '\u0000\u0001'],
    ['texts shorter than their lengths', 'CURRENT:cut'],
    ['texts longer than their lengths', 'CURRENT:extra'],
    ['one letter of a headline changed', 'CURRENT:letter'],
  ])('ignores a shard with %s and rebuilds it', async (_name, content) => {
    const root = await writePublication();
    const cacheDir = path.join(root, '.monitor-cache');
    const fresh = await snapshot(root);
    await snapshot(root, cacheDir);
    const file = path.join(shardFolder(root), 'shard-0.cache');
    const current = await readFile(file, 'utf8');
    const damage: Record<string, () => string> = {
      'CURRENT:cut': () => current.slice(0, -5),
      'CURRENT:extra': () => `${current}more`,
      'CURRENT:letter': () => current.replace(/"headline":"(.)/, (_match, letter: string) => `"headline":"${letter === 'X' ? 'Y' : 'X'}`),
    };
    const damaged = damage[content]?.() ?? content;
    expect(damaged).not.toBe(current);
    await writeFile(file, damaged);
    expect(await snapshot(root, cacheDir)).toBe(fresh);
    expect(await readFile(file, 'utf8')).toBe(current);
  });
});

describe('the cache with warnings', () => {
  it('places a warning of a cached file at its line', async () => {
    const sources = '  - publication: Moscow Timez\n    date: 2020-01-02\n';
    const root = await writePublication({ 'issues/1/01-first.md': itemFile('A', { sources }) });
    const cacheDir = path.join(root, '.monitor-cache');
    await loadPublication(root, { cacheDir });
    const { warnings } = await loadPublication(root, { cacheDir });
    expect(warnings).toEqual([expect.objectContaining({ file: 'issues/1/01-first.md', line: 4, path: 'sources.0.publication' })]);
  });
});
