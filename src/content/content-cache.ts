import { statSync } from 'node:fs';
import type { FileStamp } from '../core/read-text.js';
import { TOOL_VERSION } from '../core/version.js';
import { readShard, removeLegacyFile, shardNames, shardOf, writeShard, type Entry, type StoredListing, type StoredRead } from './content-cache-store.js';

export type { StoredRead } from './content-cache-store.js';

/**
 * `[ctimeMs, size]` of files by path relative to the publication (0: missing), as a build stamps its
 * inputs just before reading them: the cache takes a file's stamp from here rather than stat it again.
 */
export type KnownStamps = Readonly<Record<string, readonly [number, number] | 0>>;

/** What reading a file afresh gave, and the stamp of the file it read (absent when it could not be read). */
export interface FreshRead {
  read: StoredRead;
  stamp?: FileStamp | undefined;
}

/** Entries by file path relative to the publication root. */
type Shard = Map<string, Entry>;

/**
 * Parsed files and the listings of issue folders from the last run, keyed by path and trusted only while
 * the file's or folder's ctime and size are unchanged. Anything unreadable, or written by another version of monitor, is ignored and rebuilt.
 * The cache is kept in shards of a hundred issues, each read on first use: a build that reads a few
 * issues reads a few shards, and saving rewrites only the shards whose files changed, appeared or
 * disappeared.
 */
export class ContentCache {
  /** Shards as stored, read on first use (undefined: missing or unreadable). */
  private readonly previous = new Map<string, Shard | undefined>();
  /** The entries this run used or read afresh, by shard. */
  private readonly current = new Map<string, Shard>();
  private readonly changedShards = new Set<string>();

  private constructor(
    private readonly folder: string | undefined,
    private readonly givenStamps: KnownStamps | undefined,
    private readonly tool: string,
  ) {}

  /**
   * A cache in `folder`, or a cache that remembers nothing when `folder` is undefined. `tool`: monitor as
   * the caller knows it (a build: its version and the stamps of its code, so a recompiled parser never
   * meets the reads of the old one); by default its version.
   */
  static open(folder: string | undefined, known?: KnownStamps, tool: string = TOOL_VERSION): ContentCache {
    return new ContentCache(folder, known, tool);
  }

  /**
   * The stored read of `file` if it is unchanged on disk, else the result of `read()` (remembered). A file
   * the cache holds nothing of, and the caller gave no stamp for, is read at once and keeps the stamp the
   * read took of the open file: on a first run, one stat fewer per file.
   */
  get(root: string, file: string, read: () => FreshRead): StoredRead {
    return this.lookup(root, file, read, false);
  }

  /**
   * The entry names of `folder` (`issues/<N>`) as stored if its stamp is unchanged, else `list()`
   * (remembered): adding, removing or renaming an entry changes a folder's ctime, so one stat stands for
   * listing it again (as a build trusts it, site/input-stamps.ts).
   */
  list(root: string, folder: string, list: () => string[]): string[] {
    return this.lookup<StoredListing>(root, folder, () => ({ read: { kind: 'folder', names: list() } }), true).names;
  }

  private lookup<T extends StoredRead | StoredListing>(root: string, file: string, read: () => { read: T; stamp?: FileStamp | undefined }, isFolder: boolean): T {
    if (!this.folder) return read().read;
    const shard = shardOf(file);
    const stored = this.stored(shard)?.get(file);
    const known = stored && (stored.read.kind === 'folder') === isFolder ? stored : undefined;
    // A file read afresh is stamped by its read; a folder, or a path known to the cache or the caller, before.
    const stampFirst = isFolder || known !== undefined || this.givenStamps?.[file] !== undefined;
    const stamp = stampFirst ? this.stampNow(root, file) : undefined;
    if (stamp && known && known.ctimeMs === stamp.ctimeMs && known.size === stamp.size) {
      this.remember(shard, file, known);
      return known.read as T;
    }
    const fresh = read();
    this.changedShards.add(shard);
    const kept = stampFirst ? stamp : fresh.stamp;
    if (kept) this.remember(shard, file, { ctimeMs: kept.ctimeMs, size: kept.size, read: fresh.read });
    return fresh.read;
  }

  /**
   * Write back each shard with a file read afresh or gone. After a run that read every file
   * (`complete`), what it did not read is gone: shards keep only what was read, and shards nothing was
   * read from are removed. After a partial run, a shard keeps its other entries too, but for files the
   * given stamps say are gone. Never fails a run.
   */
  save(complete: boolean): void {
    const folder = this.folder;
    if (!folder) return;
    const shards = complete ? new Set([...shardNames(folder), ...this.current.keys()]) : new Set(this.current.keys());
    for (const shard of shards) {
      const previous = this.stored(shard);
      const entries = complete ? this.current.get(shard) : this.merged(shard);
      if (!this.changedShards.has(shard) && entries?.size === previous?.size) continue;
      try {
        writeShard(folder, shard, entries, this.tool);
      } catch {
        // A cache that cannot be written only costs time next run.
      }
    }
    try {
      removeLegacyFile(folder);
    } catch {
      // as above
    }
  }

  /** A shard's stored entries, read on first use. */
  private stored(shard: string): Shard | undefined {
    if (!this.previous.has(shard)) this.previous.set(shard, this.folder ? readShard(this.folder, shard, this.tool) : undefined);
    return this.previous.get(shard);
  }

  /** A shard's entries of this run over its stored ones whose files still exist. */
  private merged(shard: string): Shard {
    const entries = new Map(this.current.get(shard));
    for (const [file, entry] of this.stored(shard) ?? []) {
      if (!entries.has(file) && this.givenStamps?.[file] !== 0 && (this.givenStamps === undefined || file in this.givenStamps)) entries.set(file, entry);
    }
    return entries;
  }

  /** The file's stamp as given by the caller, else from the file system. */
  private stampNow(root: string, file: string): { ctimeMs: number; size: number } | undefined {
    const given = this.givenStamps?.[file];
    if (given === undefined) return stampOf(`${root}/${file}`);
    return given === 0 ? undefined : { ctimeMs: given[0], size: given[1] };
  }

  private remember(shard: string, file: string, entry: Entry): void {
    let entries = this.current.get(shard);
    if (!entries) this.current.set(shard, (entries = new Map()));
    entries.set(file, entry);
  }
}

function stampOf(file: string): { ctimeMs: number; size: number } | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
