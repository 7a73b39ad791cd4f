import { statSync } from 'node:fs';
import { readShards, removeLegacyFile, shardOf, writeShard, type Entry, type Shards, type StoredRead } from './content-cache-store.js';

export type { StoredRead } from './content-cache-store.js';

/**
 * `[mtimeMs, size]` of files by path relative to the publication (0: missing), as a build stamps its
 * inputs just before reading them: the cache takes a file's stamp from here rather than stat it again.
 */
export type KnownStamps = Readonly<Record<string, readonly [number, number] | 0>>;

/**
 * Parsed files from the last run, keyed by path and trusted only while the file's mtime and size are
 * unchanged. Anything unreadable, or written by another version of monitor, is ignored and rebuilt.
 * The cache is kept in shards of a hundred issues: saving after an edit rewrites only the shards
 * whose files changed, appeared or disappeared.
 */
export class ContentCache {
  private readonly current: Shards = new Map();
  private readonly changedShards = new Set<string>();

  private constructor(
    private readonly folder: string | undefined,
    private readonly previous: Shards,
    private readonly givenStamps: KnownStamps | undefined,
  ) {}

  /** A cache in `folder`, or a cache that remembers nothing when `folder` is undefined. */
  static open(folder: string | undefined, known?: KnownStamps): ContentCache {
    return new ContentCache(folder, folder ? readShards(folder) : new Map(), known);
  }

  /** The stored read of `file` if it is unchanged on disk, else the result of `read()` (remembered). */
  get(root: string, file: string, read: () => StoredRead): StoredRead {
    if (!this.folder) return read();
    const stamp = this.stampNow(root, file);
    const shard = shardOf(file);
    const known = this.previous.get(shard)?.get(file);
    if (stamp && known && known.mtimeMs === stamp.mtimeMs && known.size === stamp.size) {
      this.remember(shard, file, known);
      return known.read;
    }
    const fresh = read();
    this.changedShards.add(shard);
    if (stamp) this.remember(shard, file, { mtimeMs: stamp.mtimeMs, size: stamp.size, read: fresh });
    return fresh;
  }

  /** Write back each shard with a file read afresh or gone. Never fails a run. */
  save(): void {
    if (!this.folder) return;
    for (const shard of new Set([...this.previous.keys(), ...this.current.keys()])) {
      const entries = this.current.get(shard);
      if (!this.changedShards.has(shard) && entries?.size === this.previous.get(shard)?.size) continue;
      try {
        writeShard(this.folder, shard, entries);
      } catch {
        // A cache that cannot be written only costs time next run.
      }
    }
    try {
      removeLegacyFile(this.folder);
    } catch {
      // as above
    }
  }

  /** The file's stamp as given by the caller, else from the file system. */
  private stampNow(root: string, file: string): { mtimeMs: number; size: number } | undefined {
    const given = this.givenStamps?.[file];
    if (given === undefined) return stampOf(`${root}/${file}`);
    return given === 0 ? undefined : { mtimeMs: given[0], size: given[1] };
  }

  private remember(shard: string, file: string, entry: Entry): void {
    let entries = this.current.get(shard);
    if (!entries) this.current.set(shard, (entries = new Map()));
    entries.set(file, entry);
  }
}

function stampOf(file: string): { mtimeMs: number; size: number } | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
