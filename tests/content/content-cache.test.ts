import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPublication, validatePublication } from '../../src/content/index.js';
import { itemFile, writePublication } from '../helpers/publication.js';

/** The publication as plain data, without functions, for comparing two reads. */
async function snapshot(root: string, cacheDir?: string) {
  const { publication, problems } = await loadPublication(root, { cacheDir }).then(({ publication, warnings }) => ({ publication, problems: warnings }));
  return JSON.parse(JSON.stringify({ issues: publication!.issues, problems }));
}

describe('the parsed-content cache', () => {
  it('gives the same publication from the cache as from the files', async () => {
    const root = await writePublication();
    const cacheDir = path.join(root, '.monitor-cache');
    const fresh = await snapshot(root);
    expect(await snapshot(root, cacheDir)).toEqual(fresh);
    expect(JSON.parse(await readFile(path.join(cacheDir, 'content.json'), 'utf8')).files['issues/1/01-first.md']).toBeDefined();
    expect(await snapshot(root, cacheDir)).toEqual(fresh);
  });

  it('reads a changed file again', async () => {
    const root = await writePublication();
    const cacheDir = path.join(root, '.monitor-cache');
    await snapshot(root, cacheDir);
    await writeFile(path.join(root, 'issues/1/01-first.md'), itemFile('A new headline for the first item'));
    const { publication } = await loadPublication(root, { cacheDir });
    expect(publication!.issues[0]!.items[0]!.headline).toBe('A new headline for the first item');
  });

  it('is not written by a run that found errors', async () => {
    const root = await writePublication({ 'issues/1/01-first.md': itemFile('A', { section: 'securty' }) });
    const cacheDir = path.join(root, '.monitor-cache');
    const { problems } = await validatePublication(root, { cacheDir });
    expect(problems).toEqual([expect.objectContaining({ file: 'issues/1/01-first.md', line: 3, path: 'section' })]);
    await expect(readFile(path.join(cacheDir, 'content.json'))).rejects.toThrow();
  });

  it.each([['truncated JSON', '{"format":1,"files":{'], ['another version', '{"format":1,"version":"0.0.0-old","files":{}}'], ['garbage', '\u0000\u0001']])(
    'ignores a cache with %s and rebuilds it',
    async (_name, content) => {
      const root = await writePublication();
      const cacheDir = path.join(root, '.monitor-cache');
      const fresh = await snapshot(root);
      await mkdir(cacheDir, { recursive: true });
      await writeFile(path.join(cacheDir, 'content.json'), content);
      expect(await snapshot(root, cacheDir)).toEqual(fresh);
      expect(JSON.parse(await readFile(path.join(cacheDir, 'content.json'), 'utf8')).format).toBe(1);
    },
  );
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
