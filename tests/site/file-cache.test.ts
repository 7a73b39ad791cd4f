import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/index.js';
import { mjmlFileCache } from '../../src/site/file-cache.js';
import { writePublication } from '../helpers/sample-publication.js';
import { hashTree } from './site-fixtures.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function cacheFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'monitor-mjml-cache-'));
  folders.push(folder);
  return folder;
}

describe('the MJML cache of a build', () => {
  it('gives back the HTML stored for the same MJML, and nothing for other MJML', async () => {
    const cache = mjmlFileCache(await cacheFolder(), 'monitor 1');
    expect(cache.get('<mjml>a</mjml>')).toBeUndefined();
    cache.set('<mjml>a</mjml>', '<html>A, é</html>');
    expect(cache.get('<mjml>a</mjml>')).toBe('<html>A, é</html>');
    expect(cache.get('<mjml>b</mjml>')).toBeUndefined();
    expect(mjmlFileCache(path.dirname(await cacheFolder()), 'monitor 1').get('<mjml>a</mjml>')).toBeUndefined();
  });

  it('gives nothing to another build of monitor (its code is where the options given to MJML are)', async () => {
    const folder = await cacheFolder();
    mjmlFileCache(folder, 'monitor 1').set('<mjml>a</mjml>', '<html>A</html>');
    expect(mjmlFileCache(folder, 'monitor 1').get('<mjml>a</mjml>')).toBe('<html>A</html>');
    expect(mjmlFileCache(folder, 'monitor 2').get('<mjml>a</mjml>')).toBeUndefined();
  });

  it('ignores a damaged file', async () => {
    const folder = await cacheFolder();
    const cache = mjmlFileCache(folder, 'monitor 1');
    cache.set('<mjml>a</mjml>', '<html>A</html>');
    const [name] = await readdir(path.join(folder, 'mjml'));
    const file = path.join(folder, 'mjml', name!);
    await writeFile(file, (await readFile(file, 'utf8')).replace('A', 'B'));
    expect(cache.get('<mjml>a</mjml>')).toBeUndefined();
    await writeFile(file, '');
    expect(cache.get('<mjml>a</mjml>')).toBeUndefined();
  });

  it('keeps the eight skeletons stored last', async () => {
    const folder = await cacheFolder();
    const cache = mjmlFileCache(folder, 'monitor 1');
    const names = async () => new Set(await readdir(path.join(folder, 'mjml')).catch(() => []));
    const longAgo = Date.now() / 1000 - 100;
    for (let number = 0; number < 10; number += 1) {
      const before = await names();
      cache.set(`<mjml>${number}</mjml>`, `<html>${number}</html>`);
      const added = [...(await names())].find((name) => !before.has(name))!;
      await utimes(path.join(folder, 'mjml', added), longAgo + number, longAgo + number); // a clear order
    }
    expect(await names()).toHaveProperty('size', 8);
    expect(cache.get('<mjml>0</mjml>')).toBeUndefined();
    expect(cache.get('<mjml>1</mjml>')).toBeUndefined();
    expect(cache.get('<mjml>2</mjml>')).toBe('<html>2</html>');
    expect(cache.get('<mjml>9</mjml>')).toBe('<html>9</html>');
  });

  it('lets a later build fill its emails without loading MJML, with the same output (compiled lib/, as npm test compiles it)', async () => {
    const root = await writePublication();
    const script = `
      import { createRequire } from 'node:module';
      const { main } = await import(${JSON.stringify(path.resolve('lib/cli/main.js'))});
      let out = '';
      await main(['build', '--root', ${JSON.stringify(root)}, '--out', process.argv[1]], { out(text) { out += text; }, err(text) { out += text; } });
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ out, mjml: loaded.some((file) => /node_modules\\/mjml-core\\//.test(file)) }));
    `;
    const build = async (out: string) => JSON.parse((await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, out])).stdout);
    const first = await build(path.join(root, 'dist'));
    expect(first.out).toMatch(/^Built 2 issues/);
    expect(first.mjml).toBe(true);
    const second = await build(path.join(root, 'dist-again'));
    expect(second.out).toMatch(/^Built 2 issues/);
    expect(second.mjml).toBe(false);
    expect(await hashTree(path.join(root, 'dist-again'))).toEqual(await hashTree(path.join(root, 'dist')));
    const clean = path.join(await cacheFolder(), 'clean');
    await buildSite(root, { out: clean, cache: false });
    expect(await hashTree(path.join(root, 'dist'))).toEqual(await hashTree(clean));
  });
});
