import { readdirSync, rmSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { isRunning } from '../core/running.js';

/** `<name>.<pid>.tmp`: how monitor names a file it writes before renaming it into place. */
const TEMPORARY = /\.(\d+)\.tmp$/;

/**
 * Remove the temporary files that runs killed halfway through writing (Ctrl-C) left in the cache
 * folder and its folders: those whose process is gone. A run still going keeps its own.
 */
export function removeAbandonedTemporaries(cacheFolder: string): void {
  for (const folder of [cacheFolder, ...subfolders(cacheFolder)]) {
    for (const entry of entries(folder)) {
      const pid = Number(TEMPORARY.exec(entry.name)?.[1]);
      if (!entry.isFile() || !pid || isRunning(pid)) continue;
      try {
        rmSync(path.join(folder, entry.name), { force: true });
      } catch {
        // Not ours to remove after all (permissions): it only takes room.
      }
    }
  }
}

/** Folders of the cache that earlier versions of monitor wrote and nothing reads any more: compiled template code, and search index parts kept as one file each. */
const RETIRED_FOLDERS = ['templates', 'search-index'];

/** Remove what earlier versions kept in the cache folder and this one never reads (never fails a build). */
export function removeRetiredCaches(cacheFolder: string): void {
  for (const name of RETIRED_FOLDERS) {
    try {
      rmSync(path.join(cacheFolder, name), { recursive: true, force: true });
    } catch {
      // As above: it only takes room.
    }
  }
}

function subfolders(folder: string): string[] {
  return entries(folder).filter((entry) => entry.isDirectory()).map((entry) => path.join(folder, entry.name));
}

function entries(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}
