import { mkdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputFile } from './render-site.js';
import { safeRelative } from './output-paths.js';
import { noCounts, type WriteCounts, type WriteOptions } from './write-site.js';

/**
 * Apply an incremental build to `out` in place. The changed files are already rendered, in memory, so
 * nothing can fail halfway through rendering. Each is first written beside its target under a temporary
 * name; only once all of them are on disk are they renamed over their targets (a rename is atomic and
 * does not run out of space), then the outputs that no longer exist are deleted. If writing fails, the
 * temporary files and any folder made for them are removed and `out` is as it was.
 */
export function writeChanges(out: string, files: OutputFile[], removed: string[], written?: WriteOptions['written']): WriteCounts {
  const staged: Array<{ file: OutputFile; target: string; temporary: string }> = [];
  const madeFolders: string[] = [];
  try {
    for (const file of files) {
      const target = path.join(out, safeRelative(file.path));
      const made = mkdirSync(path.dirname(target), { recursive: true });
      if (made) madeFolders.push(made);
      const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
      staged.push({ file, target, temporary });
      writeFileSync(temporary, file.text, 'utf8');
    }
  } catch (error) {
    for (const { temporary } of staged) rmSync(temporary, { force: true });
    for (const folder of madeFolders.reverse()) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const counts = noCounts();
  for (const { file, target, temporary } of staged) {
    renameSync(temporary, target);
    if (written) {
      const { size, ctimeMs } = statSync(target);
      written({ path: file.path, kind: file.kind, size, ctimeMs });
    }
    counts[file.kind] += 1;
  }
  for (const file of removed) removeOutput(out, file);
  return counts;
}

/** Delete an output file and the folders it leaves empty (an issue's folder, say), up to `out`. */
function removeOutput(out: string, file: string): void {
  const target = path.join(out, safeRelative(file));
  rmSync(target, { force: true });
  for (let folder = path.dirname(target); folder.startsWith(`${out}${path.sep}`); folder = path.dirname(folder)) {
    try {
      rmdirSync(folder);
    } catch {
      return; // not empty
    }
  }
}
