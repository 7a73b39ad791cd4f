import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCacheFile, readCacheText, removeCacheFile, writeCacheFile } from '../../src/core/cache-file.js';
import { buildSite } from '../../src/site/index.js';
import { writePublication } from '../helpers/sample-publication.js';
import { hashTree } from './site-fixtures.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const made = mkdtempSync(path.join(tmpdir(), 'monitor-cache-file-'));
  folders.push(made);
  return made;
}

describe('a cache file', () => {
  it('gives back what was written under the same key, text or bytes, and leaves no temporary file', () => {
    const file = path.join(folder(), 'deep', 'entry.cache');
    writeCacheFile(file, 'format 1', 'é\nsecond line');
    expect(readCacheText(file, 'format 1')).toBe('é\nsecond line');
    writeCacheFile(file, 'format 1', Buffer.from([0, 1, 2, 255]));
    expect([...readCacheFile(file, 'format 1')!]).toEqual([0, 1, 2, 255]);
    expect(readdirSync(path.dirname(file))).toEqual(['entry.cache']);
  });

  it('is a miss, never an error, when missing, written under another key, truncated, damaged or empty', () => {
    const file = path.join(folder(), 'entry.cache');
    expect(readCacheText(file, 'k')).toBeUndefined();
    writeCacheFile(file, 'monitor 1', 'body');
    expect(readCacheText(file, 'monitor 2')).toBeUndefined();
    const whole = readFileSync(file);
    for (const damaged of [whole.subarray(0, whole.length - 1), Buffer.concat([whole, Buffer.from('x')]), Buffer.from(whole.toString().replace('body', 'bodY')), Buffer.alloc(0), Buffer.from('\n')]) {
      writeFileSync(file, damaged);
      expect(readCacheText(file, 'monitor 1')).toBeUndefined();
    }
    removeCacheFile(file);
    removeCacheFile(file);
    expect(readdirSync(path.dirname(file))).toEqual([]);
  });
});

describe('every cache of a build', () => {
  it('treats any damaged file as a miss: a build with every cache file damaged equals a clean build', async () => {
    const root = await writePublication();
    await buildSite(root);
    const cacheFiles = readdirSync(path.join(root, '.monitor-cache'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    // The build state, the issue memo, the content cache, the MJML cache, and the search index.
    expect(new Set(cacheFiles.map((entry) => path.relative(path.join(root, '.monitor-cache'), entry.parentPath).split(path.sep)[0]))).toEqual(
      new Set(['', 'issue-memo', 'content', 'mjml', 'search-parts']),
    );
    for (const entry of cacheFiles) {
      const file = path.join(entry.parentPath, entry.name);
      const bytes = readFileSync(file);
      bytes[bytes.length - 1] = bytes.at(-1)! ^ 1;
      writeFileSync(file, bytes);
    }
    writeFileSync(path.join(root, 'issues/1/01-first.md'), readFileSync(path.join(root, 'issues/1/01-first.md'), 'utf8').replace('written', 'typed'));
    const summary = await buildSite(root);
    expect(summary.mode).toBe('full');
    const clean = path.join(root, 'clean');
    await buildSite(root, { out: clean, cache: false });
    expect(await hashTree(path.join(root, 'dist'))).toEqual(await hashTree(clean));
  });

  it('leaves no compiled template code that an earlier version kept there: it is removed, never read', async () => {
    const root = await writePublication();
    const retired = path.join(root, '.monitor-cache', 'templates');
    mkdirSync(retired, { recursive: true });
    writeFileSync(path.join(retired, 'web-issue.txt'), 'return function () { throw new Error("run from the cache"); }');
    // And the search index's parts as an earlier version kept them, one file each.
    const oldParts = path.join(root, '.monitor-cache', 'search-index', '0123456789abcdef');
    mkdirSync(oldParts, { recursive: true });
    writeFileSync(path.join(oldParts, 'part-0.json'), '{}');
    const summary = await buildSite(root);
    expect(summary.mode).toBe('full');
    expect(readdirSync(path.join(root, '.monitor-cache'))).not.toContain('templates');
    expect(readdirSync(path.join(root, '.monitor-cache'))).not.toContain('search-index');
  });
});
