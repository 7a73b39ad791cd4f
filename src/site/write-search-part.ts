import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import { exists, newSiblingId, siblingPath } from './output-paths.js';

/** Pagefind's ready-made interfaces, which the search page does not use (web/search.js.hbs is its own). */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * Put one part of the search index into `<out>/<folder>/<part>/` whole: its files are written into a
 * folder beside the output (same file system), which then takes the place of the part's folder. A build
 * that dies midway leaves that folder beside the output, where the next build removes it like any other
 * (recover-output.ts), and the part's previous folder, or none, inside.
 */
export function writePart(out: string, folder: string, part: string, files: Array<{ path: string; content: Uint8Array }>): void {
  const staging = siblingPath(out, 'tmp', newSiblingId());
  const fresh = path.join(staging, 'part');
  const target = path.join(out, folder, part);
  try {
    mkdirSync(fresh, { recursive: true });
    for (const file of files) {
      if (UNUSED.test(file.path)) continue;
      const destination = path.join(fresh, file.path);
      if (!destination.startsWith(fresh + path.sep)) throw new MonitorError(`The search index named a file outside its folder: ${file.path}`);
      mkdirSync(path.dirname(destination), { recursive: true });
      writeFileSync(destination, file.content);
    }
    mkdirSync(path.dirname(target), { recursive: true });
    if (exists(target)) renameSync(target, path.join(staging, 'previous'));
    renameSync(fresh, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Remove a part no archive issue belongs to any more. */
export function removePart(out: string, folder: string, part: string): void {
  rmSync(path.join(out, folder, part), { recursive: true, force: true });
}
