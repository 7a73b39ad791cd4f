import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readCacheText, writeCacheFile } from '../core/cache-file.js';
import type { TextCache } from '../render/types.js';

/** Files kept (one per email skeleton met lately); older ones are removed. */
const KEPT = 8;

/**
 * MJML's HTML of email skeletons, in `<cacheFolder>/mjml/`, by the MJML, `tool` (monitor's version and
 * the stamps of its code, where the options given to MJML are written) and the installed versions of
 * MJML and of the packages that shape its HTML.
 */
export function mjmlFileCache(cacheFolder: string, tool: string): TextCache {
  return textFileCache(path.join(cacheFolder, 'mjml'), () => `${tool}\0${mjmlVersions()}`);
}

/**
 * Texts by key, one cache file each in `folder` (core/cache-file.ts), named by a hash of the key and of
 * `salt` (what else the text depends on; worked out on first use), which the file's checksum covers
 * too. A damaged or foreign file is a miss (the text is made again). Never fails a build.
 */
function textFileCache(folder: string, salt: () => string): TextCache {
  const keyOf = (key: string) => `${salt()}\0${key}`;
  const fileOf = (key: string) => path.join(folder, `${sha1(keyOf(key))}.txt`);
  return {
    get: (key) => readCacheText(fileOf(key), keyOf(key)),
    set(key, value) {
      try {
        writeCacheFile(fileOf(key), keyOf(key), value);
        prune(folder);
      } catch {
        // Without the file the next run only makes the text again.
      }
    },
  };
}

let versions: string | undefined;

/**
 * The versions of mjml, and of mjml-core, juice and cheerio as mjml resolves them (an update of any of
 * them can change the HTML), read from their package.json files without loading them.
 */
function mjmlVersions(): string {
  if (versions === undefined) {
    const fromMonitor = createRequire(import.meta.url);
    const fromMjml = createRequire(fromMonitor.resolve('mjml'));
    const fromCore = createRequire(fromMjml.resolve('mjml-core'));
    versions = [packageVersion(fromMonitor, 'mjml'), packageVersion(fromMjml, 'mjml-core'), packageVersion(fromCore, 'juice'), packageVersion(fromCore, 'cheerio')].join(' ');
  }
  return versions;
}

function packageVersion(require: NodeJS.Require, name: string): string {
  return `${name}@${JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version}`;
}

function prune(folder: string): void {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => ({ name, mtimeMs: statSync(path.join(folder, name)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { name } of files.slice(KEPT)) rmSync(path.join(folder, name), { force: true });
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
