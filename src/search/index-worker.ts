/**
 * The search index, made in a worker thread (on the other core while the build renders; started by
 * site/search-index.ts) with MiniSearch, one part at a time. A part's files (index-files.ts) are a
 * function of its documents alone: they are added in order of issue number to an index of their own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { DOCUMENTS_FILE, termsFile, type PartDocuments, type IndexFiles, type Terms } from './index-files.js';
import { SEARCH_OPTIONS, shardOf, type SearchDocument } from './search-terms.js';

/** What the worker is given: for each part to make, its issues' documents, each with the key of the issue it was made from. */
export interface IndexJob {
  parts: Array<{ part: string; documents: KeptDocuments }>;
}

/** A part's documents as the cache keeps them, by issue number. */
export type KeptDocuments = Record<string, [key: string, document: SearchDocument]>;

/** What it answers for each part, as it is made: its files, and its documents as the cache is to keep them (JSON of KeptDocuments). */
export type PartMessage = { part: string; files: IndexFiles; documents: string } | { error: string };

function partFiles(documents: SearchDocument[]): IndexFiles {
  const index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  index.addAll([...documents].sort((a, b) => Number(a.id) - Number(b.id)));
  return splitIndex(index.toJSON());
}

/** The index as files: its terms grouped by their shard, each group a file. */
function splitIndex(whole: AsPlainObject): IndexFiles {
  const shards = new Map<string, Terms>();
  for (const entry of whole.index) {
    const shard = shardOf(entry[0]);
    let terms = shards.get(shard);
    if (!terms) shards.set(shard, (terms = []));
    terms.push(entry);
  }
  const names = [...shards.keys()].sort();
  const documents: PartDocuments = { ...whole, index: [], shards: names };
  return [[DOCUMENTS_FILE, JSON.stringify(documents)], ...names.map((name): [string, string] => [termsFile(name), JSON.stringify(shards.get(name))])];
}

if (parentPort && workerData) {
  const { parts } = workerData as IndexJob;
  try {
    // Each part's documents are let go once it is made.
    for (let next = parts.shift(); next; next = parts.shift()) {
      const { part, documents } = next;
      const files = partFiles(Object.values(documents).map(([, document]) => document));
      parentPort.postMessage({ part, files, documents: JSON.stringify(documents) } satisfies PartMessage);
    }
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies PartMessage);
  }
}
