import { renameSync, rmSync } from 'node:fs';
import { MonitorError } from '../core/errors.js';
import { warning } from '../core/problems.js';
import { faultPoint } from './fault-points.js';
import { exists, type Sibling, siblingPath, type Warn } from './output-paths.js';

/**
 * Replace `out` by `fresh`, the complete new site in `<out>.tmp-<id>`: the previous output is renamed to
 * `<out>.old-<id>`, `fresh` to `out`, then the old one is removed. Node offers no atomic exchange of two
 * folders (Linux's renameat2 RENAME_EXCHANGE), so a kill can fall between the two renames and leave no
 * `out`; the names make that moment recoverable: an `old` folder is made only once its build's `tmp`
 * is complete, so `tmp-<id>` beside `old-<id>` is a whole new site, which restoreOutput puts in place.
 * An old output that cannot be removed (permissions) is a warning: the new site is already in place.
 */
export function swapIn(fresh: string, out: string, id: string, warn: Warn): void {
  if (!exists(out)) {
    rename(fresh, out, 'cannot move the new site into place');
    return;
  }
  const old = siblingPath(out, 'old', id);
  rename(out, old, 'cannot move the previous output aside; it is unchanged');
  faultPoint('full:set-aside');
  try {
    rename(fresh, out, 'cannot move the new site into place');
  } catch (error) {
    putBack(old, out);
    throw error;
  }
  removeLeftover(old, warn);
}

/**
 * After a build died between the two renames of swapIn, `out` is missing: put back the newest complete
 * site there is, the dead build's new one (a `tmp` beside its `old`: finished, and what the sources said
 * at the time), else a previous output set aside (`old`). Returns the folder moved into place, if any.
 */
export function restoreOutput(out: string, dead: Sibling[]): Sibling | undefined {
  if (exists(out)) return undefined;
  const complete = dead.find((s) => s.kind === 'tmp' && dead.some((o) => o.kind === 'old' && o.id === s.id));
  const back = complete ?? dead.find((s) => s.kind === 'old');
  if (!back) return undefined;
  rename(back.path, out, 'the output folder is missing after an interrupted build, and cannot be put back');
  return back;
}

/** Remove a folder a build left beside the output; failing that (permissions), say so and go on. */
export function removeLeftover(folder: string, warn: Warn): void {
  try {
    faultPoint('remove-leftover');
    rmSync(folder, { recursive: true, force: true });
  } catch (error) {
    const why = (error as Error).message;
    warn(warning({ file: folder, line: 0, column: 0, path: '' }, `this folder, left beside the output by a build, could not be removed (${why}); the site in the output folder is complete. The next build tries again, or remove it yourself.`));
  }
}

/** The previous output, back where it was; failing that, the next build puts it back (restoreOutput). */
function putBack(old: string, out: string): void {
  try {
    renameSync(old, out);
  } catch {
    // see above
  }
}

function rename(from: string, to: string, what: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    throw new MonitorError(`${what}: ${(error as Error).message}`, { cause: error });
  }
}
