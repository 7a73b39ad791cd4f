import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { removeFixture, writeFixture } from './fixture.js';

async function build(root: string): Promise<void> {
  let err = '';
  const code = await main(['build', '--root', root], { out: () => {}, err: (text) => void (err += text), isTTY: false });
  expect(err).toBe('');
  expect(code).toBe(0);
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function outputs(root: string): Promise<Map<string, string>> {
  const dist = path.join(root, 'dist');
  const files = await filesUnder(dist);
  return new Map(await Promise.all(files.map(async (file) => [path.relative(dist, file), await readFile(file, 'utf8')] as const)));
}

/** Handlebars' precompiled form of a template: an object literal of functions, with `compiler` and `main`. */
const COMPILED_TEMPLATE = /"compiler"\s*:\s*\[|function\s*\(\s*container\s*,\s*depth0/;

/** A compiled-template cache entry as an attacker would plant it: valid checksum, code that marks it ran. */
function poisoned(text: string): string {
  const code = '{"compiler":[8,">= 4.3.0"],"main":function(){globalThis.__monitorTampered=true;return "TAMPERED"},"useData":true}';
  const value = text.replace(/"specs":\{.*?\},"failures"/s, () => `"specs":{"text.hbs":${JSON.stringify(code)}},"failures"`);
  return `${createHash('sha1').update(value).digest('hex')}\n${value}`;
}

describe('.monitor-cache holds no code (regression: compiled templates were read back and run)', () => {
  let root: string;
  beforeAll(async () => {
    root = await writeFixture({});
  });
  afterAll(() => removeFixture(root));

  it('keeps no compiled template in the cache, and a planted one changes nothing', async () => {
    await build(root);
    const before = await outputs(root);
    const cached = await filesUnder(path.join(root, '.monitor-cache'));
    for (const file of cached) {
      const text = await readFile(file, 'latin1');
      expect(COMPILED_TEMPLATE.test(text), path.relative(root, file)).toBe(false);
      if (text.includes('"specs":')) await writeFile(file, poisoned(text));
    }
    await writeFile(path.join(root, 'issues/2/01-sanctions.md'), `${await readFile(path.join(root, 'issues/2/01-sanctions.md'), 'utf8')}\n`);
    await build(root);
    expect((globalThis as { __monitorTampered?: boolean }).__monitorTampered).toBeUndefined();
    expect(await outputs(root)).toEqual(before);
  });
});
