import { createHash } from 'node:crypto';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../core/package-root.js';
import { TOOL_VERSION } from '../core/version.js';

/**
 * `[ctimeMs, size]` of a file or folder, or 0 when there is none. The ctime (status change time) moves
 * with every write, rename or attribute change and no tool can set it back, unlike the mtime, which
 * `cp -p`, `rsync -t` or a restored archive keep: an edit that kept the mtime and size would be missed.
 */
export type Stamp = [number, number] | 0;

/**
 * Stamps of everything a build reads, by path: relative paths are inside the publication, absolute ones
 * belong to monitor itself (its package.json, bundled templates and compiled code). A folder's own stamp
 * is recorded too: adding, removing or renaming a file in it changes the folder's ctime, so comparing
 * the recorded paths alone notices new files without listing any folder.
 */
export type Stamps = Record<string, Stamp>;

/** Publication files a build reads besides issues/ and templates/. */
const SETTINGS = ['monitor.config.yaml', 'feeds/sources.yaml'];
const ISSUES = 'issues';
const SLASH = 47;
/** Paths recorded even when absent; any other path that disappears is simply no longer an input. */
const FIXED = new Set([...SETTINGS, ISSUES, 'templates']);
/** `monitor ingest` writes here; the build never reads it. */
const CANDIDATES = 'candidates';

/**
 * monitor's own inputs: its version, bundled templates and, when running compiled, its code (so a
 * rebuilt lib/ never meets the output of the old one). Running from TypeScript sources (tests), the
 * code is left out: sources change under a test run while the code actually running does not.
 */
function toolPaths(): string[] {
  const code = path.resolve(fileURLToPath(new URL('../', import.meta.url)));
  const compiled = import.meta.url.endsWith('.js');
  return [path.join(PACKAGE_ROOT, 'package.json'), path.join(PACKAGE_ROOT, 'templates'), ...(compiled ? [code] : [])];
}

/** Stamp every input of a build of `root`. Taken before anything is read, so an edit made during the build is seen next time. */
export function collectStamps(root: string): Stamps {
  const stamps: Stamps = {};
  for (const file of SETTINGS) stamps[file] = stampOf(path.join(root, file));
  // (FIXED paths are stamped even when missing, so that creating one is noticed.)
  const issues = stampOf(path.join(root, ISSUES));
  stamps[ISSUES] = issues;
  if (issues !== 0) stampIssueFolders(root, stamps, false);
  stampFolder(root, 'templates', stamps, true);
  return Object.assign(stamps, stampTool());
}

/** Stamps of monitor's own files only (what toolStamps picks out of a build's stamps). */
export function stampTool(): Stamps {
  const stamps: Stamps = {};
  for (const own of toolPaths()) stampFolder('/', own, stamps, true);
  return stamps;
}

/**
 * Stamps side by side, as the build state stores them: `values[2 * i]` is the ctimeMs and
 * `values[2 * i + 1]` the size of `paths[i]`, with a size of -1 for a path that was absent. Read from
 * the state file, this is two allocations instead of one array per path, and comparing it with the
 * disk allocates nothing.
 */
export class StampTable {
  constructor(readonly paths: string[], readonly values: Float64Array) {}

  static of(stamps: Stamps): StampTable {
    const paths = Object.keys(stamps);
    const values = new Float64Array(paths.length * 2);
    paths.forEach((file, i) => {
      const stamp = stamps[file]!;
      values[2 * i] = stamp === 0 ? 0 : stamp[0];
      values[2 * i + 1] = stamp === 0 ? ABSENT : stamp[1];
    });
    return new StampTable(paths, values);
  }

  /** The stamp of `paths[i]`. */
  stamp(i: number): Stamp {
    const size = this.values[2 * i + 1]!;
    return size === ABSENT ? 0 : [this.values[2 * i]!, size];
  }
}

const ABSENT = -1;
const NO_THROW = { throwIfNoEntry: false } as const;

/**
 * The index of the first path of `table` whose stamp differs from the disk's now, or -1 when none does.
 * Relative paths are taken from `base`. This is the whole of a build with nothing changed: one stat per
 * path and nothing kept.
 */
export function firstChange(base: string, table: StampTable): number {
  const prefix = base.endsWith(path.sep) ? base : `${base}${path.sep}`;
  const { paths, values } = table;
  for (let i = 0; i < paths.length; i++) {
    const file = paths[i]!;
    const stats = statSync(file.charCodeAt(0) === SLASH ? file : prefix + file, NO_THROW);
    if (stats ? stats.ctimeMs !== values[2 * i] || stats.size !== values[2 * i + 1] : values[2 * i + 1] !== ABSENT) return i;
  }
  return -1;
}

/**
 * Compare every recorded path with its stamp now. Undefined when nothing a build reads has changed;
 * otherwise the stamps `collectStamps` would give now, found from the recorded ones: only the folders
 * whose own stamp changed are listed again, for files added since.
 */
export function changedStamps(root: string, recorded: Stamps | StampTable): Stamps | undefined {
  const table = recorded instanceof StampTable ? recorded : StampTable.of(recorded);
  // Recorded by another installation of monitor (its own files stamped, unchanged): not this one's output.
  if (!toolPaths().every((own) => table.paths.includes(own))) return collectStamps(root);
  const first = firstChange(root, table);
  if (first < 0) return undefined;
  const stamps: Stamps = {};
  for (let i = 0; i < first; i++) stamps[table.paths[i]!] = table.stamp(i);
  const changedFolders: string[] = [];
  const prefix = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  for (let i = first; i < table.paths.length; i++) {
    const file = table.paths[i]!;
    const stats = statSync(file.charCodeAt(0) === SLASH ? file : prefix + file, NO_THROW);
    if (!stats) {
      if (FIXED.has(file)) stamps[file] = 0; // a removed file in a folder: the folder's new listing leaves it out
      continue;
    }
    const stamp = table.stamp(i);
    stamps[file] = stamp !== 0 && stats.ctimeMs === stamp[0] && stats.size === stamp[1] ? stamp : [stats.ctimeMs, stats.size];
    if (stats.isDirectory() && stamps[file] !== stamp) changedFolders.push(file);
  }
  for (const folder of changedFolders) {
    if (folder === ISSUES) stampIssueFolders(root, stamps, true);
    else stampFolder(path.isAbsolute(folder) ? '/' : root, folder, stamps, !folder.startsWith(`${ISSUES}/`), true);
  }
  return stamps;
}

/**
 * monitor itself as what it makes depends on it: its version and the stamps of its own files (from a
 * build's `stamps`, or stampTool()). The key of every output of a build and of the parsed-content cache,
 * which validate shares with the build.
 */
export function toolKey(stamps: Stamps): string {
  return `${TOOL_VERSION}:${createHash('sha1').update(JSON.stringify(toolStamps(stamps))).digest('base64url')}`;
}

/** Only the stamps of monitor's own files: they change every output's key. */
export function toolStamps(stamps: Stamps): Stamps {
  const own: Stamps = {};
  for (const file in stamps) if (file.charCodeAt(0) === SLASH) own[file] = stamps[file]!;
  return own;
}

/** Stamp each issue folder (not candidates/); with `onlyNew`, only those not stamped yet. */
function stampIssueFolders(root: string, stamps: Stamps, onlyNew: boolean): void {
  for (const entry of listFolder(path.join(root, ISSUES))) {
    const folder = `${ISSUES}/${entry.name}`;
    if (!entry.isDirectory() || entry.name === CANDIDATES || entry.name.startsWith('.') || (onlyNew && folder in stamps)) continue;
    stampFolder(root, folder, stamps, false, false);
  }
}

/**
 * Stamp `folder` (relative to `base`, or absolute) and its files: everything below it with `deep`, else
 * its own entries (an issue folder). With `onlyNew`, paths already stamped are left as they are.
 */
function stampFolder(base: string, folder: string, stamps: Stamps, deep: boolean, onlyNew = false): void {
  const absolute = path.resolve(base, folder);
  if (!onlyNew || !(folder in stamps)) stamps[folder] = stampOf(absolute);
  if (stamps[folder] === 0) return;
  for (const entry of listFolder(absolute)) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const child = `${folder}/${entry.name}`;
    if (deep && entry.isDirectory()) {
      stampFolder(base, child, stamps, deep, onlyNew);
    } else if (!(onlyNew && child in stamps)) {
      // In an issue folder, every entry is stamped, not only the items: the build reports the files it
      // does not read (06-china.MD), as validate does.
      stamps[child] = stampOf(path.resolve(base, child));
    }
  }
}

/** The entries of a folder; none for a file, whose own stamp is enough. */
function listFolder(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

function stampOf(file: string): Stamp {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats ? [stats.ctimeMs, stats.size] : 0;
}
