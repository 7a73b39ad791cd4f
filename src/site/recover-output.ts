import { isRunning } from '../core/running.js';
import { exists, listSiblings, type Warn, warnOnStderr } from './output-paths.js';
import { applyPending, readJournal } from './pending-changes.js';
import { removeLeftover, restoreOutput } from './swap-output.js';

/**
 * Undo or finish what builds that died (a kill, a power cut) left beside the output folder `out`, before
 * anything else looks at it: put the output back if a full build died between the two renames of its
 * swap (swap-output.ts), finish the changes an incremental build had journaled (roll forward:
 * pending-changes.ts), then remove every folder those builds left. A build still running elsewhere keeps
 * its folders. A folder that cannot be removed is a warning; an output that cannot be put back or
 * finished is an error.
 */
export function recoverOutput(out: string, warn: Warn = warnOnStderr): void {
  // This process has no build under way when it recovers, so its own pid marks a dead build too: in a
  // container every run may be pid 1.
  const dead = listSiblings(out).filter((sibling) => sibling.pid === process.pid || !isRunning(sibling.pid));
  if (dead.length === 0) return;
  const restored = restoreOutput(out, dead);
  for (const staging of dead.filter((sibling) => sibling.kind === 'staging')) {
    const pending = readJournal(staging.path);
    if (pending && exists(out)) applyPending(out, staging.path, pending);
  }
  for (const sibling of dead) if (sibling !== restored && exists(sibling.path)) removeLeftover(sibling.path, warn);
}
