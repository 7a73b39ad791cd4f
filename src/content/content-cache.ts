import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../core/problems.js';
import { TOOL_VERSION } from '../core/version.js';
import type { Issue, Item } from './types.js';

/** Bump when the cached shape of an issue or item changes. */
const CACHE_FORMAT = 1;
const CACHE_FILE = 'content.json';

/** What reading one file produced, without its `locate` function (rebuilt on demand from the file). */
export type StoredRead =
  | { kind: 'issue'; issue?: Omit<Issue, 'locate' | 'items'>; problems: Problem[] }
  | { kind: 'item'; item?: Omit<Item, 'locate'>; problems: Problem[] };

interface Entry {
  mtimeMs: number;
  size: number;
  read: StoredRead;
}

/**
 * Parsed files from the last run, keyed by path and trusted only while the file's mtime and size are
 * unchanged. Anything unreadable, or written by another version of monitor, is ignored and rebuilt.
 */
export class ContentCache {
  private readonly previous: Map<string, Entry>;
  private readonly current = new Map<string, Entry>();
  private changed = false;

  private constructor(private readonly file: string | undefined, previous: Map<string, Entry>) {
    this.previous = previous;
  }

  /** A cache in `folder`, or a cache that remembers nothing when `folder` is undefined. */
  static open(folder: string | undefined): ContentCache {
    if (!folder) return new ContentCache(undefined, new Map());
    const file = path.join(folder, CACHE_FILE);
    return new ContentCache(file, readEntries(file));
  }

  /** The stored read of `file` if it is unchanged on disk, else the result of `read()` (remembered). */
  get(root: string, file: string, read: () => StoredRead): StoredRead {
    if (!this.file) return read();
    let stamp: { mtimeMs: number; size: number } | undefined;
    try {
      stamp = statSync(path.join(root, file));
    } catch {
      stamp = undefined;
    }
    const known = this.previous.get(file);
    if (stamp && known && known.mtimeMs === stamp.mtimeMs && known.size === stamp.size) {
      this.current.set(file, known);
      return known.read;
    }
    const fresh = read();
    this.changed = true;
    if (stamp) this.current.set(file, { mtimeMs: stamp.mtimeMs, size: stamp.size, read: fresh });
    return fresh;
  }

  /** Write the cache back if anything was read afresh or a file disappeared. Never fails a run. */
  save(): void {
    if (!this.file || (!this.changed && this.current.size === this.previous.size)) return;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      const body = { format: CACHE_FORMAT, version: TOOL_VERSION, files: Object.fromEntries(this.current) };
      writeFileSync(temporary, JSON.stringify(body));
      renameSync(temporary, this.file);
    } catch {
      // A cache that cannot be written only costs time next run.
    }
  }
}

function readEntries(file: string): Map<string, Entry> {
  try {
    const body = JSON.parse(readFileSync(file, 'utf8'));
    if (body?.format !== CACHE_FORMAT || body.version !== TOOL_VERSION || typeof body.files !== 'object') return new Map();
    return new Map(Object.entries(body.files as Record<string, Entry>));
  } catch {
    return new Map();
  }
}
