import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { exists, newSiblingId, siblingPath } from './output-paths.js';

/** Pagefind's ready-made interfaces, which the search page does not use (web/search.js.hbs is its own). */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * Put one part of the search index into `<out>/<folder>/<part>/` whole: `write` fills a folder beside the
 * output (same file system), which then takes the place of the part's folder. A build that dies midway
 * leaves that folder beside the output, where the next build removes it like any other
 * (recover-output.ts), and the part's previous folder, or none, inside.
 */
export async function replacePart(out: string, folder: string, part: string, write: (folder: string) => Promise<void>): Promise<void> {
  const staging = siblingPath(out, 'tmp', newSiblingId());
  const fresh = path.join(staging, 'part');
  const target = path.join(out, folder, part);
  try {
    mkdirSync(fresh, { recursive: true });
    await write(fresh);
    for (const name of readdirSync(fresh)) if (UNUSED.test(name)) rmSync(path.join(fresh, name));
    mkdirSync(path.dirname(target), { recursive: true });
    if (exists(target)) renameSync(target, path.join(staging, 'previous'));
    renameSync(fresh, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Write one part of the search index into a new site not yet in place: whatever was there (linked from the previous output) goes first. */
export async function writePartInto(site: string, folder: string, part: string, write: (folder: string) => Promise<void>): Promise<void> {
  const target = path.join(site, folder, part);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  await write(target);
  for (const name of readdirSync(target)) if (UNUSED.test(name)) rmSync(path.join(target, name));
}

/** Remove a part no archive issue belongs to any more. */
export function removePart(out: string, folder: string, part: string): void {
  rmSync(path.join(out, folder, part), { recursive: true, force: true });
}
