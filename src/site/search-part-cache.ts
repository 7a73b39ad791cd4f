import { createHash } from 'node:crypto';
import path from 'node:path';
import { readCacheText, removeCacheFile, writeCacheFile } from '../core/cache-file.js';
import type { KeptPart } from '../search/index-worker.js';

/** The keys of the issues each part was last made from, by part. */
export type Stamps = Record<string, Record<string, string>>;

/**
 * The index's parts as the cache keeps them for one output folder: a stamps file, written last, and a
 * file per part. A part file newer than the stamps (a build stopped between them) makes its part stale
 * on the next build, which makes it again; a missing or damaged one is a miss.
 */
export class PartCache {
  private readonly folder: string;

  constructor(cacheDir: string, out: string, private readonly key: string) {
    this.folder = path.join(cacheDir, 'search-index', createHash('sha1').update(out).digest('hex').slice(0, 16));
  }

  readStamps(): Stamps | undefined {
    return this.read<Stamps>('stamps.json');
  }

  readPart(part: string): KeptPart | undefined {
    return this.read<KeptPart>(`part-${part}.json`);
  }

  writeStamps(stamps: Stamps): void {
    this.write('stamps.json', JSON.stringify(stamps));
  }

  /** `kept`: the part as JSON (see KeptPart). */
  writePart(part: string, kept: string): void {
    this.write(`part-${part}.json`, kept);
  }

  removePart(part: string): void {
    removeCacheFile(path.join(this.folder, `part-${part}.json`));
  }

  private read<T>(name: string): T | undefined {
    const text = readCacheText(path.join(this.folder, name), this.key);
    try {
      return text ? (JSON.parse(text) as T) : undefined;
    } catch {
      return undefined;
    }
  }

  private write(name: string, text: string): void {
    try {
      writeCacheFile(path.join(this.folder, name), this.key, text);
    } catch {
      // The next build makes the part again.
    }
  }
}
