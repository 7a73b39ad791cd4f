import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import { faultPoint } from './fault-points.js';
import { newSiblingId, safeRelative, siblingPath } from './output-paths.js';
import { applyPending, stagedFile, writeJournal, type PendingChanges } from './pending-changes.js';
import { recoverOutput } from './recover-output.js';
import type { OutputFile } from './render-site.js';
import { noCounts, type WriteCounts, type WriteOptions } from './write-site.js';

/**
 * Apply an incremental build to `out` in place. The changed files are already rendered, in memory, so
 * nothing can fail halfway through rendering. Each is first written into a staging folder beside `out`
 * (never inside it: a deploy copying `out` at that moment would publish the temporaries), then the
 * journal of the pending changes is written, then the files are renamed over their targets (a rename
 * is atomic and does not run out of space) and the outputs that no longer exist are deleted. If
 * staging fails, it is removed and `out` is as it was; if the build dies after the journal, the next
 * build finishes the changes before anything else (recover-output.ts).
 */
export function writeChanges(out: string, files: OutputFile[], removed: string[], written?: WriteOptions['written']): WriteCounts {
  recoverOutput(out);
  const staging = siblingPath(out, 'staging', newSiblingId());
  const pending: PendingChanges = { write: files.map((file) => safeRelative(file.path)), remove: removed.map(safeRelative) };
  const madeFolders: string[] = [];
  try {
    stageFiles(staging, files);
    makeFolders(out, pending.write, madeFolders);
    faultPoint('changes:staged');
    writeJournal(staging, pending);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    for (const folder of madeFolders.reverse()) rmSync(folder, { recursive: true, force: true });
    throw new MonitorError(`cannot write the build output: ${(error as Error).message}`, { cause: error });
  }
  faultPoint('changes:journal');
  const kinds = new Map(files.map((file) => [safeRelative(file.path), file]));
  const counts = noCounts();
  applyPending(out, staging, pending, (moved) => {
    const file = kinds.get(moved)!;
    if (written) {
      const { size, ctimeMs } = statSync(path.join(out, moved));
      written({ path: file.path, kind: file.kind, size, ctimeMs });
    }
    counts[file.kind] += 1;
  });
  return counts;
}

function stageFiles(staging: string, files: OutputFile[]): void {
  const made = new Set<string>();
  for (const file of files) {
    const target = stagedFile(staging, file.path);
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(target, file.text, 'utf8');
  }
}

/**
 * Make the folders the new files go in before the first rename, so that a folder that cannot be made
 * (a file in its way) fails the build while `out` is still as it was. `made` collects those made.
 */
function makeFolders(out: string, files: string[], made: string[]): void {
  for (const folder of new Set(files.map((file) => path.dirname(path.join(out, file))))) {
    const first = mkdirSync(folder, { recursive: true });
    if (first) made.push(first);
  }
}
