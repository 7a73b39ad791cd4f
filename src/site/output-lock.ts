import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import { isRunning } from '../core/running.js';

/**
 * Hold `<out>.lock` (beside the output folder, never in it) while a build works on `out`, so that a second
 * build into the same folder (a `monitor build` while `monitor preview` rebuilds, two terminals) stops
 * with a named error instead of interleaving its writes with the first's. A lock whose process is gone
 * (killed) is taken over. Returns the release, which the build calls whatever happens.
 */
export function lockOutput(out: string): () => void {
  const file = `${out}.lock`;
  for (;;) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // No folder to hold the lock yet: nothing of this output exists to be spoiled, and the build makes it.
      if (code === 'ENOENT') return () => undefined;
      if (code !== 'EEXIST') throw error;
    }
    const holder = lockHolder(file);
    if (holder !== undefined) {
      throw new MonitorError(`another monitor build (process ${holder}) is writing ${path.basename(out)}/; wait for it to finish and build again (or stop it; ${path.basename(file)} goes with it)`);
    }
    rmSync(file, { force: true });
  }
}

/** The live process that holds the lock, or undefined for a lock a dead process left (this one's own pid counts as dead: pid 1 in a container). */
function lockHolder(file: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(file, 'utf8').trim());
  } catch {
    return undefined;
  }
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid) ? pid : undefined;
}
