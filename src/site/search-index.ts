import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import { newSiblingId, siblingPath } from './output-paths.js';

/** The search index's folder in the output, which web/search.js.hbs loads `pagefind.js` from. */
export const SEARCH_INDEX_FOLDER = 'pagefind';
const ENTRY_FILE = 'pagefind-entry.json';
/** In the publication's cache folder: which pages the index in each output folder was made from. */
const STAMP_FOLDER = 'search-index';
/** Only pages whose template marks their text for the index are read into it: published issue pages. */
const INDEXED_MARK = 'data-pagefind-body';

/** What indexing did. */
export interface SearchIndexSummary {
  /** Issue pages indexed. */
  pages: number;
  ms: number;
}

/**
 * Index the issue pages of the built site with Pagefind, into `<out>/pagefind/`. Pagefind reads the
 * pages as written (web/issue.hbs marks what to index: the article of a published issue, each item
 * under its anchored headline, with its categories as a filter; a draft's page carries no mark and is
 * never read into the index). Pagefind splits the index into small chunks a browser fetches as the
 * query needs them, so a first search on a large archive loads a few hundred kilobytes, not the archive.
 *
 * Pagefind has no incremental update: when any issue page changed, the index is made again from every
 * issue page. Whether one changed is told by the pages' sizes and times, recorded in the cache folder
 * when the index was made (so a build that rewrote only feeds, or that died before indexing, is seen
 * for what it is). The new index is written beside the output and moved in whole; a build that dies
 * midway leaves the folder beside the output, which the next build removes (recover-output.ts).
 */
export async function writeSearchIndex(out: string, cacheDir: string | undefined): Promise<SearchIndexSummary | undefined> {
  const target = path.join(out, SEARCH_INDEX_FOLDER);
  if (!exists(out)) return undefined;
  const numbers = issueFolders(out);
  const stamp = pagesStamp(out, numbers);
  const stampFile = cacheDir && path.join(cacheDir, STAMP_FOLDER, `${createHash('sha1').update(out).digest('hex').slice(0, 16)}.txt`);
  if (stampFile && readIfExists(stampFile) === stamp && exists(path.join(target, ENTRY_FILE))) return undefined;
  const started = performance.now();
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false });
  try {
    if (!index) throw new MonitorError(`The search index could not be started: ${errors.join('; ')}`);
    let pages = 0;
    for (const number of numbers) {
      const file = path.join(out, 'issues', number, 'index.html');
      const content = readIfExists(file);
      if (content === undefined || !content.includes(INDEXED_MARK)) continue;
      const added = await index.addHTMLFile({ url: `/issues/${number}/`, content });
      if (added.errors.length > 0) throw new MonitorError(`${file}: the search index could not read this page: ${added.errors.join('; ')}`);
      pages += 1;
    }
    const { files, errors: failures } = await index.getFiles();
    if (failures.length > 0) throw new MonitorError(`The search index could not be written: ${failures.join('; ')}`);
    moveIntoPlace(out, target, files);
    if (stampFile) {
      mkdirSync(path.dirname(stampFile), { recursive: true });
      writeFileSync(stampFile, stamp);
    }
    return { pages, ms: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}

/** Write the files beside the output, then swap the folder into it (the old index is removed after). */
function moveIntoPlace(out: string, target: string, files: Array<{ path: string; content: Uint8Array }>): void {
  const staging = siblingPath(out, 'tmp', newSiblingId());
  const fresh = path.join(staging, SEARCH_INDEX_FOLDER);
  try {
    mkdirSync(fresh, { recursive: true });
    for (const file of files) {
      const destination = path.join(fresh, file.path);
      if (!destination.startsWith(fresh + path.sep)) throw new MonitorError(`The search index named a file outside its folder: ${file.path}`);
      mkdirSync(path.dirname(destination), { recursive: true });
      writeFileSync(destination, file.content);
    }
    if (exists(target)) renameSync(target, path.join(staging, 'previous'));
    renameSync(fresh, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The issue pages as they are now: a hash of each one's number, size and modification time. */
function pagesStamp(out: string, numbers: string[]): string {
  const hash = createHash('sha1');
  for (const number of numbers) {
    const stat = statSync(path.join(out, 'issues', number, 'index.html'), { throwIfNoEntry: false });
    hash.update(`${number}:${stat?.size ?? -1}:${stat?.mtimeMs ?? -1}\n`);
  }
  return hash.digest('base64url');
}

function issueFolders(out: string): string[] {
  try {
    return readdirSync(path.join(out, 'issues')).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(a) - Number(b));
  } catch {
    return [];
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function exists(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false }) !== undefined;
}
