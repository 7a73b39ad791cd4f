import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readCacheText, removeCacheFile, writeCacheFile } from '../core/cache-file.js';
import type { IndexFiles } from '../search/index-files.js';
import type { KeptDocuments } from '../search/index-worker.js';

/** The keys of the issues each part was last made from, by part. */
export type Stamps = Record<string, Record<string, string>>;

/** The cache's folder of search index parts; an older monitor kept them, in another form, in `search-index`. */
export const PARTS_FOLDER = 'search-parts';

/**
 * The index's parts as the cache keeps them for one output folder: a stamps file, written last, and for
 * each part its documents and its files, apart, so that a build that makes one part again reads the
 * documents of that part and the files of the others only. The stamps say which issues the index in
 * the output was made from: they are forgotten before an index is written, and written again after its
 * parts, so a build stopped in between leaves no stamps, and the next build makes every part again
 * (from the kept documents). A missing or damaged file is a miss.
 */
export class PartCache {
  private readonly folder: string;

  constructor(cacheDir: string, out: string, private readonly key: string) {
    this.folder = path.join(cacheDir, PARTS_FOLDER, createHash('sha1').update(out).digest('hex').slice(0, 16));
  }

  readStamps(): Stamps | undefined {
    return this.read<Stamps>('stamps.json');
  }

  readDocuments(part: string): KeptDocuments | undefined {
    return this.read<KeptDocuments>(`documents-${part}.json`);
  }

  readFiles(part: string): IndexFiles | undefined {
    return this.read<IndexFiles>(`files-${part}.json`);
  }

  writeStamps(stamps: Stamps): void {
    this.write('stamps.json', JSON.stringify(stamps));
  }

  forgetStamps(): void {
    removeCacheFile(path.join(this.folder, 'stamps.json'));
  }

  /** `documents`: JSON of the part's KeptDocuments. Whether both were written (if not, neither is kept). */
  writePart(part: string, documents: string, files: IndexFiles): boolean {
    if (this.write(`documents-${part}.json`, documents) && this.write(`files-${part}.json`, JSON.stringify(files))) return true;
    this.removePart(part);
    return false;
  }

  /** The parts the cache holds a file of, stamped or not (a build stopped before its stamps may have left some). */
  keptParts(): string[] {
    const parts = new Set<string>();
    for (const name of listFolder(this.folder)) {
      const part = /^(?:documents|files)-(\d+)\.json$/.exec(name)?.[1];
      if (part !== undefined) parts.add(part);
    }
    return [...parts];
  }

  removePart(part: string): void {
    for (const name of [`documents-${part}.json`, `files-${part}.json`]) removeCacheFile(path.join(this.folder, name));
  }

  private read<T>(name: string): T | undefined {
    const text = readCacheText(path.join(this.folder, name), this.key);
    try {
      return text ? (JSON.parse(text) as T) : undefined;
    } catch {
      return undefined;
    }
  }

  private write(name: string, text: string): boolean {
    try {
      writeCacheFile(path.join(this.folder, name), this.key, text);
      return true;
    } catch {
      return false; // the next build makes the part again
    }
  }
}

function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
