import { createHash } from 'node:crypto';
import path from 'node:path';
import { readCacheText, removeCacheFile, writeCacheFile } from '../core/cache-file.js';

/** Issues per part of the search index: an edit re-indexes its part only (search-index.ts). */
export const ISSUES_PER_PART = 100;

/** The part of the index an issue belongs to, by its number. */
export function partOf(number: number): string {
  return String(Math.floor(number / ISSUES_PER_PART));
}

/** A published issue as the index knows it: its number and a key that changes whenever its record may. */
export interface IndexedIssue {
  number: number;
  key: string;
}

/** What the index read of one issue (web/search-record.hbs), with the key it was made under. */
export interface SearchRecord {
  key: string;
  html: string;
}

/** The records of one part, by issue number. */
export type PartRecords = Map<number, SearchRecord>;

const FORMAT = 1;

/**
 * The records of the search index, kept in the cache folder one file per part, so that re-indexing a
 * part whose other issues are unchanged (outlines, not read this build) needs no issue read again.
 * Each file is a cache file under `key` (the record template, the language and monitor's version): a
 * missing or stale one is a miss. Never fails a build.
 */
export class RecordStore {
  constructor(private readonly folder: string, private readonly key: string) {}

  static in(cacheDir: string, key: string): RecordStore {
    return new RecordStore(path.join(cacheDir, 'search-records'), `search-records ${FORMAT} ${key}`);
  }

  read(part: string): PartRecords {
    const text = readCacheText(this.file(part), this.key);
    if (!text) return new Map();
    try {
      const stored = JSON.parse(text) as Record<string, SearchRecord>;
      return new Map(Object.entries(stored).map(([number, record]) => [Number(number), record]));
    } catch {
      return new Map();
    }
  }

  write(part: string, records: PartRecords): void {
    try {
      if (records.size === 0) removeCacheFile(this.file(part));
      else writeCacheFile(this.file(part), this.key, JSON.stringify(Object.fromEntries(records)));
    } catch {
      // The next build re-reads what it misses.
    }
  }

  private file(part: string): string {
    return path.join(this.folder, `part-${part}.json`);
  }
}

/** The published issues by part, each part's issues in ascending order. */
export function issuesByPart(issues: IndexedIssue[]): Map<string, IndexedIssue[]> {
  const parts = new Map<string, IndexedIssue[]>();
  for (const issue of [...issues].sort((a, b) => a.number - b.number)) {
    const part = partOf(issue.number);
    const list = parts.get(part) ?? [];
    list.push(issue);
    parts.set(part, list);
  }
  return parts;
}

/** The stamp of a part: what it was indexed from. */
export function partStamp(key: string, issues: IndexedIssue[]): string {
  const hash = createHash('sha1').update(key);
  for (const issue of issues) hash.update(`\0${issue.number}:${issue.key}`);
  return hash.digest('base64url');
}
