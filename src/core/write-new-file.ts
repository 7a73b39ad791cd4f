import { randomBytes } from 'node:crypto';
import { copyFile, constants, link, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isRunning } from './running.js';

/**
 * Where ingest and accept write a file before it appears under its name: local state (`.monitor/`, kept out
 * of git), never read as a candidate or an item, on the publication's own disk so a link is instant.
 */
export const TEMPORARY_FOLDER = '.monitor/tmp';

/**
 * Write `text` under the first free name that `nameFor(1)`, `nameFor(2)`... give (up to `attempts`), all at
 * once and never over an existing file: the text goes to a temporary file first, which is then hard-linked
 * to the name (a link, unlike a rename, fails rather than replace a file). A kill at any moment leaves
 * either no file or the whole text, and at most a temporary in .monitor/tmp that the next run removes.
 * Returns the path written, or undefined when every name was taken.
 */
export async function writeNewFile(root: string, text: string, nameFor: (attempt: number) => string | Promise<string>, attempts = 100): Promise<string | undefined> {
  const temporary = await writeTemporary(root, text);
  try {
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const target = await nameFor(attempt);
      if (await linkNew(temporary, target)) return target;
    }
    return undefined;
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Remove the temporaries of runs that are no longer alive (a run killed mid-write); a live run's are kept. */
export async function removeStaleTemporaries(root: string): Promise<void> {
  const folder = path.join(root, TEMPORARY_FOLDER);
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || !(pid === process.pid || isRunning(pid))) await rm(path.join(folder, name), { force: true, recursive: true });
  }
}

async function writeTemporary(root: string, text: string): Promise<string> {
  const folder = path.join(root, TEMPORARY_FOLDER);
  await mkdir(folder, { recursive: true });
  const temporary = path.join(folder, `${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
  return temporary;
}

async function linkNew(temporary: string, target: string): Promise<boolean> {
  try {
    await link(temporary, target);
    return true;
  } catch (caught) {
    const code = (caught as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw caught;
  }
  // A file system without hard links: an exclusive copy still never replaces a file, though not at once.
  try {
    await copyFile(temporary, target, constants.COPYFILE_EXCL);
    return true;
  } catch (caught) {
    if ((caught as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw caught;
  }
}
