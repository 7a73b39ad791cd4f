import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { CategoryLink, IssueOutline, ItemOutline } from '../compose/types.js';
import type { KnownIssue } from '../content/index.js';
import { readCacheText, removeCacheFile, writeCacheFile } from '../core/cache-file.js';
import type { Problem } from '../core/problems.js';
import { itemLede } from '../render/search-text.js';
import { TOOL_VERSION } from '../core/version.js';
import { CACHE_FOLDER } from './build-state.js';
import type { Stamp, Stamps } from './input-stamps.js';
import type { IssueHashes, RememberedHashes } from './issue-keys.js';

const MEMO_FORMAT = 6;
/** What a memo file depends on: its format and monitor's version (see core/cache-file.ts). */
const MEMO_KEY = `issue-memo ${MEMO_FORMAT} ${TOOL_VERSION}`;
/** The memo's folder in the cache folder: one file per hundred issue folders, so an edit rewrites one. */
const MEMO_FOLDER = 'issue-memo';
const SHARD_NAME = /^shard-(\d+)\.json$/;
const ISSUES_PER_SHARD = 100;
/** Memo files of earlier versions, which nothing reads any more. */
const OLD_MEMO_FILES = ['issue-hashes.json', 'issue-memo.json'];
const ISSUES = 'issues/';

/**
 * An issue's outline as a shard holds it (compose/types.ts: IssueOutline): without its previous/next
 * links, which depend on its neighbours, and with each category written as its index in the shard's
 * table of links.
 */
type StoredOutline = Omit<IssueOutline, 'previous' | 'next' | 'categories' | 'items'> & {
  categories: number[];
  items: Array<Omit<ItemOutline, 'categories' | 'lede'> & { categories: number[]; lede: string }>;
};

/** What a build remembers of an issue folder, for as long as its files and the settings are unchanged. */
interface Entry {
  /** Hash of the stamps of the folder's files, the settings and monitor itself. */
  signature: string;
  /** Its warnings (file by file and issue rules; not the rules across issues). */
  problems: Problem[];
  outline: StoredOutline;
  hashes: IssueHashes;
}

/** One file of the memo: the category links its outlines refer to, and the entries by folder. */
interface Shard {
  categories: CategoryLink[];
  issues: Record<string, Entry>;
}

/** An issue composed this run, as the memo takes it. */
export interface FreshIssue {
  folder: string;
  /** Its outline, previous/next links or not: they are not remembered. */
  issue: IssueOutline;
  problems: Problem[];
  hashes: IssueHashes;
}

/**
 * What builds remember of each issue folder, so that the next build need not read, check or compose
 * the folders that did not change: an issue's warnings, its outline (enough to list it and link to it)
 * and the hashes of its composed form (with its links, the key of its own files, site/issue-keys.ts;
 * rendering its own files or a feed that carries it takes the issue read in full).
 * A composed issue depends only on its own folder's files, the settings (monitor.config.yaml,
 * feeds/sources.yaml) and monitor itself, so an entry is trusted while the stamps of exactly those are
 * unchanged; the stamps are the ones taken before the build read anything. Each file of the memo is a
 * cache file (core/cache-file.ts): a damaged one is ignored. Kept apart from the build state so that a
 * build with nothing changed never reads it.
 */
export class IssueMemo {
  private readonly signatures = new Map<string, string>();
  /** Entries whose signature is the folder's current one, by folder. */
  private readonly current = new Map<string, Entry>();
  private readonly byNumber = new Map<number, Entry>();

  private constructor(private readonly folder: string, private readonly shards: Map<string, Shard>, inputs: Stamps) {
    const base = settingsHash(inputs);
    for (const [folder, files] of folderStamps(inputs)) {
      const signature = createHash('sha1').update(base).update(files.sort().join('\n')).digest('base64url');
      this.signatures.set(folder, signature);
      const entry = shards.get(shardOf(folder))?.issues[folder];
      if (entry?.signature === signature) {
        this.current.set(folder, entry);
        this.byNumber.set(entry.outline.number, entry);
      }
    }
  }

  /** The memo of the publication at `root`, read from its cache folder (what is missing, damaged or old counts as unknown). */
  static open(root: string, inputs: Stamps): IssueMemo {
    const folder = path.join(root, CACHE_FOLDER, MEMO_FOLDER);
    return new IssueMemo(folder, readShards(folder), inputs);
  }

  /** What the content stage needs to know of the unchanged folders, to check the publication without reading them. */
  known(): Map<string, KnownIssue> {
    const known = new Map<string, KnownIssue>();
    for (const [folder, { outline, problems }] of this.current) known.set(folder, { number: outline.number, date: outline.date, problems });
    return known;
  }

  /** The outline of the issue of an unchanged folder, as an earlier build composed it, without links: it may be listed, linked to and keyed. */
  outline(folder: string): IssueOutline {
    const { outline: o } = this.current.get(folder)!;
    const links = this.shards.get(shardOf(folder))!.categories;
    const link = (index: number) => links[index]!;
    const items = o.items.map((item) => ({ anchor: item.anchor, headline: item.headline, headlineCaps: item.headlineCaps, categories: item.categories.map(link), lede: item.lede }));
    return {
      number: o.number, title: o.title, date: o.date, dateText: o.dateText, year: o.year, authors: o.authors,
      authorsText: o.authorsText, status: o.status, categories: o.categories.map(link), categoriesText: o.categoriesText,
      preheader: o.preheader, subject: o.subject, items, hasSections: o.hasSections, path: o.path,
      url: o.url, copyright: o.copyright, previous: undefined, next: undefined,
    };
  }

  /** Remembered hashes of an issue of an unchanged folder. */
  readonly remembered: RememberedHashes = (issue) => this.byNumber.get(issue.number)?.hashes;

  /**
   * Remember this build's issues: those composed this time, and those of the unchanged folders named in
   * `kept`. Only the files holding a new, changed or deleted entry are written. Never fails a build:
   * without the memo the next one only reads more.
   */
  save(fresh: FreshIssue[], kept: string[], language: string): void {
    const changed = new Set<string>();
    const next = new Map<string, Shard>();
    const shardFor = (folder: string) => {
      const name = shardOf(folder);
      let shard = next.get(name);
      if (!shard) next.set(name, (shard = { categories: [...(this.shards.get(name)?.categories ?? [])], issues: {} }));
      return shard;
    };
    for (const folder of kept) {
      const entry = this.current.get(folder);
      if (entry) shardFor(folder).issues[folder] = entry;
    }
    for (const { folder, issue, problems, hashes } of fresh) {
      const signature = this.signatures.get(folder);
      if (!signature) continue;
      const shard = shardFor(folder);
      shard.issues[folder] = { signature, problems, outline: outlineOf(issue, shard.categories, language), hashes };
      changed.add(shardOf(folder));
    }
    for (const name of new Set([...this.shards.keys(), ...next.keys()])) {
      const before = Object.keys(this.shards.get(name)?.issues ?? {}).length;
      const after = Object.keys(next.get(name)?.issues ?? {}).length;
      if (!changed.has(name) && before === after) continue;
      try {
        writeShard(this.folder, name, next.get(name));
      } catch {
        // ignored, see above
      }
    }
    try {
      for (const old of OLD_MEMO_FILES) rmSync(path.join(path.dirname(this.folder), old), { force: true });
    } catch {
      // as above
    }
  }
}

/** Hash of the stamps of the settings and of monitor's own files, sorted: the same stamps give the same hash however collected. */
function settingsHash(inputs: Stamps): string {
  const settings: Array<[string, Stamp]> = [];
  for (const name in inputs) {
    if (path.isAbsolute(name) || name === 'monitor.config.yaml' || name === 'feeds/sources.yaml') settings.push([name, inputs[name]!]);
  }
  return createHash('sha1').update(JSON.stringify(settings.sort(([a], [b]) => (a < b ? -1 : 1)))).digest('base64url');
}

/** `path:ctime,size` of every stamped path under issues/, by issue folder. */
function folderStamps(inputs: Stamps): Map<string, string[]> {
  const folders = new Map<string, string[]>();
  for (const name in inputs) {
    if (!name.startsWith(ISSUES)) continue;
    const stamp = inputs[name]!;
    const end = name.indexOf('/', ISSUES.length);
    const folder = name.slice(ISSUES.length, end < 0 ? undefined : end);
    const list = folders.get(folder) ?? [];
    list.push(`${name}:${stamp === 0 ? 0 : stamp.join(',')}`);
    folders.set(folder, list);
  }
  return folders;
}

/** The shard of an issue folder (named by its number: any other folder is an error, never remembered). */
function shardOf(folder: string): string {
  return String(Math.floor(Number(folder) / ISSUES_PER_SHARD));
}

function readShards(folder: string): Map<string, Shard> {
  const shards = new Map<string, Shard>();
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return shards;
  }
  for (const name of names) {
    const shard = SHARD_NAME.exec(name)?.[1];
    const text = shard && readCacheText(path.join(folder, name), MEMO_KEY);
    if (!shard || !text) continue;
    try {
      const stored = JSON.parse(text);
      if (Array.isArray(stored?.categories) && typeof stored.issues === 'object') shards.set(shard, { categories: stored.categories, issues: stored.issues });
    } catch {
      // A shard that cannot be read is as good as none.
    }
  }
  return shards;
}

/** Write one shard atomically, or remove it when it holds no entry. */
function writeShard(folder: string, name: string, shard: Shard | undefined): void {
  const file = path.join(folder, `shard-${name}.json`);
  if (!shard || Object.keys(shard.issues).length === 0) removeCacheFile(file);
  else writeCacheFile(file, MEMO_KEY, JSON.stringify({ categories: shard.categories, issues: shard.issues }));
}

/** The outline of a composed issue, its categories written as indexes into `links` (extended as needed). */
function outlineOf(o: IssueOutline, links: CategoryLink[], language: string): StoredOutline {
  const index = (link: CategoryLink) => {
    const found = links.findIndex((known) => known.name === link.name && known.slug === link.slug);
    return found >= 0 ? found : links.push({ name: link.name, slug: link.slug }) - 1;
  };
  const items = o.items.map((item) => ({
    anchor: item.anchor, headline: item.headline, headlineCaps: item.headlineCaps, categories: item.categories.map(index), lede: itemLede(item, language),
  }));
  return {
    number: o.number, title: o.title, date: o.date, dateText: o.dateText, year: o.year, authors: o.authors,
    authorsText: o.authorsText, status: o.status, categories: o.categories.map(index), categoriesText: o.categoriesText,
    preheader: o.preheader, subject: o.subject, items, hasSections: o.hasSections, path: o.path, url: o.url, copyright: o.copyright,
  };
}
