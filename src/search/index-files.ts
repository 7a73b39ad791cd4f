/**
 * The search index's files as the browser reads them (search-page.ts), made from its parts' files
 * (index-worker.ts). Each part of the index is an index of its own; the site holds them together, so a
 * query fetches the file of each word's first two letters, whatever the number of parts (and, for a last
 * word of one letter so far, every file that begins with it):
 *
 * - `documents.json`: `{ "<part>": <the part's documents>, ... }`, each MiniSearch's record of the part's
 *   documents without its terms, with the names of the part's term files (`shards`);
 * - `terms-<shard>.json`: `{ "<part>": [[term, postings], ...], ... }`, the part's words that begin with
 *   those letters (search-terms.ts: shardOf), for the parts that have any.
 *
 * Made by joining each part's texts, in order of part number, so the files are a function of the parts.
 */
import type { AsPlainObject } from 'minisearch';

/** Files of the index, name and text: a part's (DOCUMENTS_FILE and a term file per shard), or the site's, joined. */
export type IndexFiles = Array<[string, string]>;

/** A part's documents: MiniSearch's serialised index without its terms, and the names of its term files. */
export type PartDocuments = Omit<AsPlainObject, 'index'> & { index: []; shards: string[] };

export type Terms = AsPlainObject['index'];

export const DOCUMENTS_FILE = 'documents.json';

export function termsFile(shard: string): string {
  return `terms-${shard}.json`;
}

/** The site's index files from its parts' files (`parts` in order of part number). */
export function joinParts(parts: Array<[part: string, files: IndexFiles]>): IndexFiles {
  const byName = new Map<string, string[]>();
  for (const [part, files] of parts) {
    for (const [name, text] of files) {
      let entries = byName.get(name);
      if (!entries) byName.set(name, (entries = []));
      entries.push(`${JSON.stringify(part)}:${text}`);
    }
  }
  const names = [...byName.keys()].sort();
  if (!byName.has(DOCUMENTS_FILE)) names.unshift(DOCUMENTS_FILE);
  return names.map((name) => [name, `{${(byName.get(name) ?? []).join(',')}}`]);
}
