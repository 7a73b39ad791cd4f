import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TextCache } from '../render/types.js';

/** Files kept per cache (one per template set or skeleton met lately); older ones are removed. */
const KEPT = 8;

/**
 * MJML's HTML of email skeletons, in `<cacheFolder>/mjml/`, by the MJML, `tool` (monitor's version and
 * the stamps of its code, where the options given to MJML are written) and the installed versions of
 * MJML and of the packages that shape its HTML.
 */
export function mjmlFileCache(cacheFolder: string, tool: string): TextCache {
  return textFileCache(path.join(cacheFolder, 'mjml'), () => `${tool}\0${mjmlVersions()}`);
}

/** Compiled templates, in `<cacheFolder>/templates/`, by the template sources, `tool` and the installed Handlebars. */
export function templateFileCache(cacheFolder: string, tool: string): TextCache {
  return textFileCache(path.join(cacheFolder, 'templates'), () => `${tool}\0${handlebarsVersion()}`);
}

/**
 * Texts by key, one file each in `folder`, named by a hash of the key and of `salt` (what else the text
 * depends on; worked out on first use). Each file starts with a hash of its text, checked on reading: a
 * damaged file is ignored (the text is made again). Never fails a build.
 */
function textFileCache(folder: string, salt: () => string): TextCache {
  const fileOf = (key: string) => path.join(folder, `${sha1(`${salt()}\0${key}`)}.txt`);
  return {
    get(key) {
      let text: string;
      try {
        text = readFileSync(fileOf(key), 'utf8');
      } catch {
        return undefined;
      }
      const newline = text.indexOf('\n');
      const value = text.slice(newline + 1);
      return newline > 0 && text.slice(0, newline) === sha1(value) ? value : undefined;
    },
    set(key, value) {
      try {
        mkdirSync(folder, { recursive: true });
        const file = fileOf(key);
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, `${sha1(value)}\n${value}`);
        renameSync(temporary, file);
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

function handlebarsVersion(): string {
  return packageVersion(createRequire(import.meta.url), 'handlebars');
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
