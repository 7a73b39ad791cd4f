/**
 * The archive's search index as the search page reads it in the reader's browser (search-page.ts; copied
 * into dist/search/ beside MiniSearch): the index's list of documents, then for each query the term files
 * of its words only.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { DOCUMENTS_FILE, termsFile, type PartDocuments, type Terms } from './index-files.js';
import { SEARCH_OPTIONS, searchTerm, shardOf, type ItemEntry } from './search-terms.js';

async function fetchJson<T>(url: URL): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status}`);
  return (await response.json()) as T;
}

/** What the index stores of an issue found: its date, and its items' anchors with their categories. */
interface StoredIssue {
  date: string;
  items: ItemEntry[];
}

/** A result of the index: an issue, its score, the words found, and what is stored of it. */
export type FoundIssue = SearchResult & StoredIssue;

/**
 * The index (index-files.ts), as far as the queries so far needed it: every part's documents, loaded
 * with the page, and the term files of the words asked for (shardsOf), each fetched once.
 * Each part is searched as an index of its own, holding only the query's words (and the words that
 * begin with its last word): MiniSearch scores a word by its own postings and the part's documents, so
 * the other words of a term file would change nothing but the time it takes; what is stored of each
 * issue is kept aside for the same reason. The results are merged by score, the newer issue first
 * among equals.
 */
export class ArchiveIndex {
  /** The term files fetched, by name (search-terms.ts: shardOf). */
  private readonly shards = new Map<string, Promise<Record<string, Terms>>>();
  private readonly stored = new Map<string, StoredIssue>();
  private readonly known: string[];

  constructor(private readonly folder: URL, private readonly parts: Record<string, PartDocuments>) {
    for (const part of Object.values(parts)) {
      for (const [short, id] of Object.entries(part.documentIds)) this.stored.set(String(id), part.storedFields[short] as unknown as StoredIssue);
    }
    this.known = [...new Set(Object.values(parts).flatMap((part) => part.shards))];
  }

  /** The index in `folder` (the site's search/index/), as far as the page needs it before a query. */
  static async load(folder: URL): Promise<ArchiveIndex> {
    return new ArchiveIndex(folder, await fetchJson<Record<string, PartDocuments>>(new URL(DOCUMENTS_FILE, folder)));
  }

  get size(): number {
    return this.stored.size;
  }

  /** Issues holding every word of the query (the last one as the start of a word), best first. */
  async search(query: string, category: string): Promise<FoundIssue[]> {
    const words = (MiniSearch.getDefault('tokenize')(query) as string[]).map(searchTerm).filter((term): term is string => term !== null);
    if (words.length === 0) return [];
    const groups = this.shardsOf(words);
    const searched = Object.entries(this.parts).filter(([, part]) => groups.every((group) => group.some((name) => part.shards.includes(name))));
    if (searched.length === 0) return [];
    const names = [...new Set(groups.flat())].filter((name) => searched.some(([, part]) => part.shards.includes(name)));
    for (const name of names) if (!this.shards.has(name)) this.shards.set(name, fetchJson<Record<string, Terms>>(new URL(termsFile(name), this.folder)));
    const termFiles = await Promise.all(names.map((name) => this.shards.get(name)!));
    const last = words.at(-1)!;
    const isAsked = ([term]: Terms[number]) => term.startsWith(last) || words.includes(term);
    const options = {
      prefix: (_term: string, place: number, all: string[]) => place === all.length - 1,
      combineWith: 'AND',
      boost: { headline: 2 },
      filter: category ? (result: SearchResult) => this.stored.get(String(result.id))!.items.some(([, ...categories]) => categories.includes(category)) : undefined,
    } as const;
    const found = searched.flatMap(([part, documents]) => {
      const index = termFiles.flatMap((terms) => (terms[part] ?? []).filter(isAsked));
      return MiniSearch.loadJS({ ...documents, storedFields: {}, index }, SEARCH_OPTIONS).search(query, options);
    });
    return found.sort((a, b) => b.score - a.score || Number(b.id) - Number(a.id)).map((result) => ({ ...result, ...this.stored.get(String(result.id))! }));
  }

  /**
   * The term files a query needs, one group per word, of which a part must have one to hold the word:
   * the file of the word's first two letters, or, for a last word of one letter so far, every file
   * that begins with it.
   */
  private shardsOf(words: string[]): string[][] {
    return words.map((word, place) => {
      const shard = shardOf(word);
      const begun = place === words.length - 1 && Array.from(word).length === 1;
      return begun ? this.known.filter((name) => name.startsWith(shard)) : [shard];
    });
  }
}
