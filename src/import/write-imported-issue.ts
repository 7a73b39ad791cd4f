import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlannedFile } from './plan-issue-files.js';

/** Where an import stages an issue's folder before it appears under issues/ whole. */
const STAGING = path.join('.monitor-cache', 'import');

/**
 * Write an issue's folder as a whole: its files go into a staging folder in the publication's cache (same
 * file system), which is then renamed to issues/<N>. A rename never replaces a folder that has appeared
 * meanwhile, and a killed import leaves no partial issue and no temporary file under issues/.
 * Returns false, writing nothing, when issues/<N> exists.
 */
export async function writeImportedIssue(root: string, number: number, files: PlannedFile[]): Promise<boolean> {
  const staging = path.join(root, STAGING, `${process.pid}-${number}`);
  const target = path.join(root, 'issues', String(number));
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    for (const file of files) await writeFile(path.join(staging, file.name), file.text, { flag: 'wx' });
    await mkdir(path.dirname(target), { recursive: true });
    await rename(staging, target);
    return true;
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    throw cause;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
