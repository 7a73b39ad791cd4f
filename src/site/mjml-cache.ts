import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { MjmlCache } from '../render/types.js';

/** Under the publication's cache folder. */
const FOLDER = 'mjml';
/** Skeletons kept (one per template and settings met lately); older ones are removed. */
const KEPT = 8;

/**
 * MJML's HTML of email skeletons, one file each in `<cacheFolder>/mjml/`, named by a hash of the MJML,
 * of `tool` (monitor's version and the stamps of its code, where the options given to MJML are written)
 * and of the installed versions of MJML and of the packages that shape its HTML. Each file starts with a
 * hash of its HTML, checked on reading: a damaged file is ignored (MJML runs again). Never fails a build.
 */
export function mjmlFileCache(cacheFolder: string, tool: string): MjmlCache {
  const folder = path.join(cacheFolder, FOLDER);
  const fileOf = (mjml: string) => path.join(folder, `${sha1(`${tool}\0${installedVersions()}\0${mjml}`)}.html`);
  return {
    get(mjml) {
      let text: string;
      try {
        text = readFileSync(fileOf(mjml), 'utf8');
      } catch {
        return undefined;
      }
      const newline = text.indexOf('\n');
      const html = text.slice(newline + 1);
      return newline > 0 && text.slice(0, newline) === sha1(html) ? html : undefined;
    },
    set(mjml, html) {
      try {
        mkdirSync(folder, { recursive: true });
        const file = fileOf(mjml);
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, `${sha1(html)}\n${html}`);
        renameSync(temporary, file);
        prune(folder);
      } catch {
        // Without the file the next run only loads MJML again.
      }
    },
  };
}

let versions: string | undefined;

/**
 * The versions of mjml, and of mjml-core, juice and cheerio as mjml resolves them (an update of any of
 * them can change the HTML), read from their package.json files without loading them.
 */
function installedVersions(): string {
  if (versions === undefined) {
    const fromMonitor = createRequire(import.meta.url);
    const fromMjml = createRequire(fromMonitor.resolve('mjml'));
    const fromCore = createRequire(fromMjml.resolve('mjml-core'));
    const version = (resolve: NodeJS.RequireResolve, name: string) => `${name}@${JSON.parse(readFileSync(resolve(`${name}/package.json`), 'utf8')).version}`;
    versions = [version(fromMonitor.resolve, 'mjml'), version(fromMjml.resolve, 'mjml-core'), version(fromCore.resolve, 'juice'), version(fromCore.resolve, 'cheerio')].join(' ');
  }
  return versions;
}

function prune(folder: string): void {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.html'))
    .map((name) => ({ name, mtimeMs: statSync(path.join(folder, name)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { name } of files.slice(KEPT)) rmSync(path.join(folder, name), { force: true });
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
