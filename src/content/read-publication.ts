import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readConfig, readSources } from '../config/read-config.js';
import type { Config, Source } from '../config/schema.js';
import { error, warning, type Problem } from '../core/problems.js';
import { ContentCache, type KnownStamps, type StoredRead } from './content-cache.js';
import { sortFolderEntries } from './folder-entries.js';
import { readIssueRecord, readItemRecord, readMarkdownFile, type ItemRecord } from './read-issue.js';
import { issueFrontMatterSchema, itemFrontMatterSchema } from './schema.js';
import type { Issue, Item, Locate, Publication } from './types.js';

/** Folder under issues/ where `monitor ingest` leaves drafts; not an issue. */
export const CANDIDATES_FOLDER = 'candidates';

/** A publication as read from disk: `publication` is absent only when its settings are unusable. */
export interface ReadResult {
  publication: Publication | undefined;
  /** Every problem found while reading, errors and warnings. */
  problems: Problem[];
  /** Numbers of every issue folder, including those whose files have errors. */
  folderNumbers: number[];
  /** Items that read, of the folders whose issue.md does not: still checked against the settings. */
  strayItems: Item[];
}

export interface ReadOptions {
  /** Parsed files of an earlier run, reused while unchanged on disk; the caller decides when to save it. */
  cache?: ContentCache | undefined;
  /**
   * Stamps the caller (a build) took of every file just now: they name each issue folder's Markdown
   * files, so the folders need not be listed again (2,500 readdir calls on a long archive).
   */
  stamps?: KnownStamps | undefined;
}

/**
 * Read a whole publication: settings, sources and every issue with its items. Files with errors are
 * left out of the result and reported, so one broken item does not hide the problems of the others.
 * With a cache folder, files unchanged since the last run are not parsed again.
 */
export async function readPublication(root: string, options: ReadOptions = {}): Promise<ReadResult> {
  const settings = await readSettings(root);
  const problems = [...settings.problems];
  const issues: Issue[] = [];
  const strayItems: Item[] = [];
  for (const read of readIssueFolders(settings.root, settings.folders, options)) {
    problems.push(...read.problems);
    if (read.issue) issues.push(read.issue);
    strayItems.push(...read.strayItems);
  }
  issues.sort((a, b) => a.number - b.number);
  const folderNumbers = settings.folders.map(Number);
  if (!settings.config || !settings.sources) return { publication: undefined, problems, folderNumbers, strayItems };
  const publication = { root: settings.root, config: settings.config, sources: settings.sources, issues };
  return { publication, problems, folderNumbers, strayItems };
}

/** A publication's settings and the names of its issue folders; config or sources are absent when unusable. */
export interface PublicationSettings {
  /** Absolute path of the publication folder. */
  root: string;
  config: Config | undefined;
  sources: Source[] | undefined;
  /** Issue folder names, by number. */
  folders: string[];
  /** Problems of the settings files and of misnamed folders under issues/. */
  problems: Problem[];
}

/** Read monitor.config.yaml and feeds/sources.yaml, and list the issue folders. */
export async function readSettings(root: string): Promise<PublicationSettings> {
  const absoluteRoot = path.resolve(root);
  const [config, sources] = await Promise.all([readConfig(absoluteRoot), readSources(absoluteRoot)]);
  const folders = listIssueFolders(absoluteRoot);
  return {
    root: absoluteRoot, config: config.value, sources: sources.value, folders: folders.names,
    problems: [...config.problems, ...sources.problems, ...folders.problems],
  };
}

/** One issue folder as read: its issue (absent when issue.md has errors) and the problems of its files. */
export interface FolderRead {
  folder: string;
  issue: Issue | undefined;
  problems: Problem[];
  /** The items that read when issue.md does not, so that their own problems are not hidden by its. */
  strayItems: Item[];
}

/** Read the given issue folders of the publication at (absolute) `root`, in the order given. */
export function readIssueFolders(root: string, folders: string[], options: ReadOptions = {}): FolderRead[] {
  const cache = options.cache ?? ContentCache.open(undefined);
  const listed = options.stamps && entriesByFolder(options.stamps);
  return folders.map((folder) => {
    const names = cache.list(root, `issues/${folder}`, () => listed?.get(folder) ?? readdirSync(path.join(root, 'issues', folder)));
    const entries = sortFolderEntries(folder, names);
    const problems: Problem[] = [...entries.problems];
    const { issue, items } = readIssueFolder(root, folder, entries.items, cache, problems);
    return { folder, issue, problems, strayItems: issue ? [] : items };
  });
}

function listIssueFolders(root: string): { names: string[]; problems: Problem[] } {
  let entries;
  try {
    entries = readdirSync(path.join(root, 'issues'), { withFileTypes: true });
  } catch {
    return { names: [], problems: [] };
  }
  const names: string[] = [];
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (entry.name === CANDIDATES_FOLDER || entry.name.startsWith('.')) continue;
    const place = { file: `issues/${entry.name}`, line: 0, column: 0, path: '' };
    if (entry.isSymbolicLink()) problems.push(error(place, `issues/${entry.name} is a symbolic link; monitor reads only folders that are really in issues/: move or copy the folder here instead`));
    else if (!entry.isDirectory()) problems.push(warning(place, `"${entry.name}" is not read: issues/ holds one folder per issue, such as issues/2359/; move the file elsewhere`));
    else if (/^\d+$/.test(entry.name)) names.push(entry.name);
    else problems.push(error(place, `issue folders are named by the issue number, such as issues/2359; rename "${entry.name}"`));
  }
  return { names: names.sort((a, b) => Number(a) - Number(b)), problems };
}

/**
 * The entries of each issue folder, as named by stamps of `issues/<folder>/<name>`: only for folders stamped
 * themselves, which input-stamps.ts stamps together with every entry in them (stamps given by
 * a test may name single files only; their folders are listed from the disk).
 */
function entriesByFolder(stamps: KnownStamps): Map<string, string[]> {
  let known = listings.get(stamps);
  if (!known) listings.set(stamps, (known = listEntries(stamps)));
  return known;
}

/** entriesByFolder's answers by stamps: a build reads folders in several calls with the same stamps. */
const listings = new WeakMap<KnownStamps, Map<string, string[]>>();

function listEntries(stamps: KnownStamps): Map<string, string[]> {
  const files = new Map<string, string[]>();
  const stamped = new Map<string, string[]>();
  for (const file in stamps) {
    if (!file.startsWith('issues/') || stamps[file] === 0) continue;
    const slash = file.indexOf('/', 'issues/'.length);
    const folder = file.slice('issues/'.length, slash < 0 ? undefined : slash);
    const names = files.get(folder) ?? [];
    files.set(folder, names);
    if (slash < 0) stamped.set(folder, names);
    else if (!file.includes('/', slash + 1)) names.push(file.slice(slash + 1));
  }
  return stamped;
}

function readIssueFolder(root: string, folder: string, names: string[], cache: ContentCache, problems: Problem[]): { issue?: Issue; items: Item[] } {
  const issueFile = `issues/${folder}/issue.md`;
  const issueRead = cache.get(root, issueFile, () => {
    const { issue, problems: found, stamp } = readIssueRecord(root, folder);
    return { read: { kind: 'issue', issue, problems: found }, stamp };
  });
  problems.push(...issueRead.problems);
  const items: Item[] = [];
  for (const name of names.sort()) {
    const file = `issues/${folder}/${name}`;
    const read = cache.get(root, file, () => {
      const { item, problems: found, stamp } = readItemRecord(root, file);
      return { read: { kind: 'item', item, problems: found }, stamp };
    });
    problems.push(...read.problems);
    if (read.kind === 'item' && read.item) items.push(withLocate(read.item, lazyLocate(root, file, 'item')));
  }
  items.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  if (issueRead.kind !== 'issue' || !issueRead.issue) return { items };
  return { issue: { ...issueRead.issue, items, locate: lazyLocate(root, issueFile, 'issue') }, items };
}

/** The item a publication holds: its record and where to find its fields (a literal: faster than a spread). */
function withLocate(record: ItemRecord, locate: Locate): Item {
  const { file, order, slug, headline, section, categories, sources, body, bodyLine } = record;
  return { file, order, slug, headline, section, categories, sources, body, bodyLine, locate };
}

/** Where the fields of an issue folder's issue.md are, found when first asked (the file is parsed then). */
export function issueFileLocate(root: string, folder: string): Locate {
  return lazyLocate(root, `issues/${folder}/issue.md`, 'issue');
}

/** Positions are needed only to report a problem: parse the file with positions on first use. */
function lazyLocate(root: string, file: string, kind: StoredRead['kind']): Locate {
  let locate: Locate | undefined;
  return (fieldPath) => {
    locate ??= readMarkdownFile(root, file, kind === 'issue' ? issueFrontMatterSchema : itemFrontMatterSchema).locate;
    return locate(fieldPath);
  };
}
