import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** `<name>.<pid>.tmp`: how monitor names a file it writes before renaming it into place. */
const TEMPORARY = /\.(\d+)\.tmp$/;

/**
 * Remove the temporary files that runs killed halfway through writing (Ctrl-C) left in the cache
 * folder and its folders: those whose process is gone. A run still going keeps its own.
 */
export function removeAbandonedTemporaries(cacheFolder: string): void {
  for (const folder of [cacheFolder, ...subfolders(cacheFolder)]) {
    for (const name of names(folder)) {
      const pid = Number(TEMPORARY.exec(name)?.[1]);
      if (pid && !isRunning(pid)) rmSync(path.join(folder, name), { force: true });
    }
  }
}

/** Whether process `pid` is running (one of another user's counts too). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function subfolders(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => path.join(folder, entry.name));
  } catch {
    return [];
  }
}

function names(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
