import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exists, newSiblingId, siblingPath } from './output-paths.js';

/** Files of the search index: a path relative to the folder they go in, and the text. */
export type IndexFiles = Array<[string, string]>;

/**
 * Put `files` into `<out>/<folder>/` whole: they are written into a folder beside the output (same file
 * system), which then takes the place of the old one, so a reader never finds the files of two builds
 * mixed in it. A build that dies midway leaves that folder beside the output, where the next build
 * removes it like any other (recover-output.ts), and the previous folder, or none, inside.
 */
export function replaceIndexFolder(out: string, folder: string, files: IndexFiles): void {
  withStaging(out, (staging) => {
    const fresh = path.join(staging, 'fresh');
    const target = path.join(out, folder);
    writeFiles(fresh, files);
    mkdirSync(path.dirname(target), { recursive: true });
    if (exists(target)) renameSync(target, path.join(staging, 'previous'));
    renameSync(fresh, target);
  });
}

/** Write the search index into a new site not yet in place: whatever was there (linked from the previous output) goes first. */
export function writeIndexInto(site: string, folder: string, files: IndexFiles): void {
  const target = path.join(site, folder);
  rmSync(target, { recursive: true, force: true });
  writeFiles(target, files);
}

function withStaging(out: string, work: (staging: string) => void): void {
  const staging = siblingPath(out, 'tmp', newSiblingId());
  try {
    mkdirSync(staging, { recursive: true });
    work(staging);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function writeFiles(folder: string, files: IndexFiles): void {
  for (const [name, text] of files) {
    const file = path.join(folder, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
