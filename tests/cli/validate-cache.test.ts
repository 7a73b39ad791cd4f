import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemFile, runCli, writePublication } from '../helpers/sample-publication.js';

const shardFolder = (root: string) => path.join(root, '.monitor-cache', 'content');

/** Each shard of the content cache: its text and when it was last written. */
async function shards(root: string): Promise<Map<string, { text: string; mtimeMs: number }>> {
  const found = new Map<string, { text: string; mtimeMs: number }>();
  for (const name of (await readdir(shardFolder(root))).sort()) {
    const file = path.join(shardFolder(root), name);
    found.set(name, { text: await readFile(file, 'utf8'), mtimeMs: (await stat(file)).mtimeMs });
  }
  return found;
}

/** An item of issue 2 whose publication is not in feeds/sources.yaml: a warning, so the run still saves the cache. */
const UNLISTED_SOURCE = itemFile('Rail freight resumes', { sources: '  - publication: The Steppe Courier\n    date: 2020-01-10\n' });

describe('validate and the parsed-content cache', () => {
  it('reuses the parsed files a build keeps, rather than writing them again under a key of its own', async () => {
    const root = await writePublication();
    expect((await runCli(['build'], root)).code).toBe(0);
    const built = await shards(root);
    expect(built.size).toBeGreaterThan(0);
    const validate = await runCli(['validate'], root);
    expect(validate.code).toBe(0);
    expect(await shards(root)).toEqual(built);
  });

  it('reports the same problems from the cache as from the files, and keeps the cache a build then uses', async () => {
    const root = await writePublication({ 'issues/2/03-rail.md': UNLISTED_SOURCE });
    const first = await runCli(['validate'], root);
    expect(first.stderr).toContain('issues/2/03-rail.md');
    expect(first.stderr).toContain('publication "The Steppe Courier" is not in feeds/sources.yaml');
    expect(first.stdout).toContain('valid (0 errors, 1 warning)');
    const saved = await shards(root);
    expect(saved.size).toBeGreaterThan(0);
    expect(await runCli(['validate'], root)).toEqual(first);
    expect(await shards(root)).toEqual(saved);
    expect((await runCli(['build'], root)).code).toBe(0);
    expect(await shards(root)).toEqual(saved);
  });

  it('reads an item edited since the cache was written, and writes no cache while there are errors', async () => {
    const root = await writePublication();
    expect((await runCli(['validate'], root)).code).toBe(0);
    const saved = await shards(root);
    await writeFile(path.join(root, 'issues/2/02-governors.md'), itemFile('Gas deal signed', { categories: '[Sanctons]' }));
    const broken = await runCli(['validate'], root);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/issues\/2\/02-governors\.md:\d+:\d+: error: unknown category "Sanctons"/);
    expect(await shards(root)).toEqual(saved);
    await writeFile(path.join(root, 'issues/2/02-governors.md'), itemFile('Gas deal signed'));
    expect((await runCli(['validate'], root)).code).toBe(0);
  });

  it('sees a file added to an issue folder, or removed from it, since the cache listed the folder', async () => {
    const root = await writePublication();
    expect((await runCli(['validate'], root)).code).toBe(0);
    await writeFile(path.join(root, 'issues/1/03-pipeline.md'), itemFile('Pipeline talks resume', { categories: '[Energy Security]' }));
    await writeFile(path.join(root, 'issues/1/notes.txt'), 'to check on Monday');
    const added = await runCli(['validate'], root);
    expect(added.code).toBe(1);
    expect(added.stderr).toMatch(/issues\/1\/03-pipeline\.md:\d+:\d+: error: unknown category "Energy Security"/);
    expect(added.stderr).toContain('issues/1/notes.txt:1:1: warning: "notes.txt" is not read');
    await rm(path.join(root, 'issues/1/03-pipeline.md'));
    const removed = await runCli(['validate'], root);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('2 issues checked: valid (0 errors, 1 warning)');
  });
});
