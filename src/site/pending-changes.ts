import { mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import { faultPoint } from './fault-points.js';
import { exists, safeRelative } from './output-paths.js';

/**
 * What an incremental build is about to do to the output, recorded in its staging folder
 * (`<out>.staging-<id>/journal.json`) once every changed file is complete there (`files/<path>`), and
 * before the first of them is renamed into the output. A build killed while applying it leaves the
 * output part old, part new; the next one reads the journal and finishes the job (roll forward: the new
 * files are all on disk, and the old ones are gone where they were replaced, so going back is not an option).
 */
export interface PendingChanges {
  /** Files to move from the staging folder into the output, relative to both. */
  write: string[];
  /** Files to delete from the output. */
  remove: string[];
}

const JOURNAL = 'journal.json';

/** Where the new version of `file` waits in `staging`. */
export function stagedFile(staging: string, file: string): string {
  return path.join(staging, 'files', safeRelative(file));
}

/** Record the pending changes: written under another name and renamed, so it is whole or absent. */
export function writeJournal(staging: string, pending: PendingChanges): void {
  const journal = path.join(staging, JOURNAL);
  writeFileSync(`${journal}.part`, JSON.stringify(pending));
  renameSync(`${journal}.part`, journal);
}

/** The changes a staging folder records; undefined without a whole journal (its build died before the first rename). */
export function readJournal(staging: string): PendingChanges | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path.join(staging, JOURNAL), 'utf8'));
  } catch {
    return undefined;
  }
  const { write, remove } = (data ?? {}) as Record<string, unknown>;
  const paths = (list: unknown) => Array.isArray(list) && list.every((file) => typeof file === 'string');
  if (!paths(write) || !paths(remove)) return undefined;
  try {
    return { write: (write as string[]).map(safeRelative), remove: (remove as string[]).map(safeRelative) };
  } catch {
    return undefined; // a path outside the output: not a journal monitor wrote
  }
}

/**
 * Move each staged file over its target, then delete the outputs that no longer exist, then remove the
 * journal and the staging folder. Run again on a half-applied journal, it does the rest: a staged file
 * that is gone was moved already. `moved` is told of each file moved.
 */
export function applyPending(out: string, staging: string, pending: PendingChanges, moved?: (file: string) => void): void {
  pending.write.forEach((file, index) => {
    const from = stagedFile(staging, file);
    if (!exists(from)) return;
    const target = path.join(out, file);
    inOutput(staging, target, () => {
      mkdirSync(path.dirname(target), { recursive: true });
      renameSync(from, target);
      moved?.(file);
      faultPoint(`changes:renamed-${index + 1}`);
    });
  });
  for (const file of pending.remove) inOutput(staging, path.join(out, file), () => removeOutput(out, file));
  faultPoint('changes:removed');
  closeJournal(staging);
}

/** Remove the staging folder: the staged files (none are left once applied), then the journal, then the folder. */
export function closeJournal(staging: string): void {
  rmSync(path.join(staging, 'files'), { recursive: true, force: true });
  rmSync(path.join(staging, JOURNAL), { force: true });
  rmSync(staging, { recursive: true, force: true });
}

/** A change to the output that failed: the journal stays, so that the next build can finish. */
function inOutput(staging: string, target: string, change: () => void): void {
  try {
    change();
  } catch (error) {
    throw new MonitorError(`cannot update the build output ${target}: ${(error as Error).message}. The changes still to make are recorded in ${staging}; the next build makes them.`, { cause: error });
  }
}

/** Delete an output file and the folders it leaves empty (an issue's folder, say), up to `out`. */
function removeOutput(out: string, file: string): void {
  const target = path.join(out, file);
  rmSync(target, { force: true });
  for (let folder = path.dirname(target); folder.startsWith(`${out}${path.sep}`); folder = path.dirname(folder)) {
    try {
      rmdirSync(folder);
    } catch {
      return; // not empty
    }
  }
}
