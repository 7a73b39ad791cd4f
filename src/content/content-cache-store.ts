import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readCacheText, removeCacheFile, writeCacheFile } from '../core/cache-file.js';
import type { Problem } from '../core/problems.js';
import type { IssueRecord, ItemRecord } from './read-issue.js';

/** Bump when the stored shape of an issue or item changes. */
const CACHE_FORMAT = 6;
/** Where the shards live in the cache folder, and the single file an older monitor kept instead. */
const SHARD_FOLDER = 'content';
const LEGACY_FILE = 'content.json';
const SHARD_NAME = /^shard-([a-z0-9]+)\.cache$/;
/** Issue folders per shard: an edit to one issue rewrites the shard of its hundred, not the archive. */
const ISSUES_PER_SHARD = 100;

/** What reading one file produced, without its `locate` function (rebuilt on demand from the file). */
export type StoredRead =
  | { kind: 'issue'; issue?: IssueRecord; problems: Problem[] }
  | { kind: 'item'; item?: ItemRecord; problems: Problem[] };

/** The entry names of an issue folder as listed (kept while the folder's stamp holds). */
export interface StoredListing {
  kind: 'folder';
  names: string[];
}

/** A cached read or listing and the stamp of the file or folder it came from. */
export interface Entry {
  ctimeMs: number;
  size: number;
  read: StoredRead | StoredListing;
}

/** The shard of `issues/<N>/...`: the hundred N falls in. (Asked once per file read: no split, no new array.) */
export function shardOf(file: string): string {
  const start = file.indexOf('/') + 1;
  const end = file.indexOf('/', start);
  const folder = start === 0 ? '' : file.slice(start, end < 0 ? undefined : end);
  return DIGITS.test(folder) ? String(Math.floor(Number(folder) / ISSUES_PER_SHARD)) : 'other';
}

const DIGITS = /^\d+$/;

/** The shards the cache folder holds, by name (none when it has no shard folder). */
export function shardNames(cacheFolder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(path.join(cacheFolder, SHARD_FOLDER));
  } catch {
    return [];
  }
  return names.flatMap((name) => SHARD_NAME.exec(name)?.[1] ?? []);
}

/**
 * The entries of one shard; undefined when it is missing, damaged or written by another `tool` (monitor
 * as the caller identifies it: its version, and the stamps of its code where the caller knows them).
 */
export function readShard(cacheFolder: string, shard: string, tool: string): Map<string, Entry> | undefined {
  const text = readCacheText(shardFile(cacheFolder, shard), contentCacheKey(tool));
  try {
    return text === undefined ? undefined : parseShard(text);
  } catch {
    return undefined;
  }
}

/** Write one shard (atomically), or remove it when it has no entries left. */
export function writeShard(cacheFolder: string, shard: string, entries: Map<string, Entry> | undefined, tool: string): void {
  const file = shardFile(cacheFolder, shard);
  if (!entries || entries.size === 0) removeCacheFile(file);
  else writeCacheFile(file, contentCacheKey(tool), formatShard(entries));
}

function shardFile(cacheFolder: string, shard: string): string {
  return path.join(cacheFolder, SHARD_FOLDER, `shard-${shard}.cache`);
}

/** What a shard depends on besides its files' stamps: its format and monitor (see readShard). */
export function contentCacheKey(tool: string): string {
  return `content ${CACHE_FORMAT} ${tool}`;
}

/** Remove the single cache file of format 1 (14 MB for a long archive), which nothing reads any more. */
export function removeLegacyFile(cacheFolder: string): void {
  rmSync(path.join(cacheFolder, LEGACY_FILE), { force: true });
}

/**
 * A shard's body (a cache file, core/cache-file.ts) is one line of JSON — `[file, ctimeMs, size, read]`
 * rows whose item bodies and issue notes are replaced by their lengths — then those texts one after
 * another, as they are. Most of a cache is Markdown text, and taking it by length from one string is
 * much cheaper than escaping and parsing it as JSON strings.
 */
function formatShard(entries: Map<string, Entry>): string {
  const texts: string[] = [];
  const rows: unknown[] = [];
  for (const [file, { ctimeMs, size, read }] of entries) rows.push([file, ctimeMs, size, withoutText(read, texts)]);
  return `${JSON.stringify(rows)}\n${texts.join('')}`;
}

function withoutText(read: StoredRead | StoredListing, texts: string[]): StoredRead | StoredListing {
  if (read.kind === 'item' && read.item) {
    texts.push(read.item.body);
    return { ...read, item: { ...read.item, body: read.item.body.length as unknown as string } };
  }
  if (read.kind === 'issue' && read.issue) {
    texts.push(read.issue.note);
    return { ...read, issue: { ...read.issue, note: read.issue.note.length as unknown as string } };
  }
  return read;
}

/** The entries of a shard's text; throws when anything is not as formatShard wrote it. */
function parseShard(text: string): Map<string, Entry> {
  const cut = text.indexOf('\n');
  if (cut < 0) throw new Error('no texts');
  const rows = JSON.parse(text.slice(0, cut)) as unknown;
  if (!Array.isArray(rows)) throw new Error('no rows');
  const entries = new Map<string, Entry>();
  let offset = cut + 1;
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'number' || typeof row[2] !== 'number') throw new Error('bad row');
    const read = row[3] as StoredRead | StoredListing;
    if (!isStored(read)) throw new Error('bad read');
    const record: Record<string, unknown> | undefined = read.kind === 'item' ? read.item : read.kind === 'issue' ? read.issue : undefined;
    if (record) {
      const key = read.kind === 'item' ? 'body' : 'note';
      const length = record[key];
      if (!Number.isInteger(length) || (length as number) < 0 || offset + (length as number) > text.length) throw new Error('bad text length');
      record[key] = text.slice(offset, offset + (length as number));
      offset += length as number;
    }
    entries.set(row[0], { ctimeMs: row[1], size: row[2], read });
  }
  if (offset !== text.length) throw new Error('bad text length');
  return entries;
}

function isStored(read: StoredRead | StoredListing | null): boolean {
  if (read?.kind === 'folder') return Array.isArray(read.names) && read.names.every((name) => typeof name === 'string');
  return (read?.kind === 'item' || read?.kind === 'issue') && Array.isArray(read.problems);
}
