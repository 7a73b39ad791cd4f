import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { IndexFiles } from '../search/index-files.js';
import { exists, newSiblingId, siblingPath } from './output-paths.js';

/**
 * Put `files` into `<out>/<folder>/` whole: they are written into a folder beside the output (same file
 * system), which then takes the place of the old one, so a reader never finds the files of two builds
 * mixed in it. A build that dies midway leaves that folder beside the output, where the next build
 * removes it like any other (recover-output.ts), and the previous folder, or none, inside.
 */
export function replaceIndexFolder(out: string, folder: string, files: IndexFiles): void {
  const staging = siblingPath(out, 'tmp', newSiblingId());
  const fresh = path.join(staging, 'fresh');
  const target = path.join(out, folder);
  try {
    writeFiles(fresh, files);
    mkdirSync(path.dirname(target), { recursive: true });
    if (exists(target)) renameSync(target, path.join(staging, 'previous'));
    renameSync(fresh, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Write the search index into a new site not yet in place: whatever was there (linked from the previous output) goes first. */
export function writeIndexInto(site: string, folder: string, files: IndexFiles): void {
  const target = path.join(site, folder);
  rmSync(target, { recursive: true, force: true });
  writeFiles(target, files);
}

function writeFiles(folder: string, files: IndexFiles): void {
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of files) writeFileSync(path.join(folder, name), text);
}
