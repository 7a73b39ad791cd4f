import { cp, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../core/package-root.js';

/** Everything monitor writes that is not the editors' work: the build, its cache, state, exported messages. */
const GITIGNORE = ['dist/', '.monitor-cache/', '.monitor/', 'feeds/.state.json', '/issue-*.eml', ''].join('\n');

/**
 * Create a new publication in `target`: config, sources and one sample issue (from monitor's scaffold/).
 * No templates are copied: the built-in ones are used until an editor copies one with
 * `monitor templates copy`, so an upgrade of monitor brings its template fixes along. Refuses a folder
 * that already holds a publication, and a non-empty folder unless `force`; never overwrites a file.
 * Returns the relative paths written.
 */
export async function scaffoldPublication(target: string, options: { force?: boolean } = {}): Promise<string[]> {
  const existing = await listFolder(target);
  if (existing.includes('monitor.config.yaml')) {
    throw new MonitorError(`${path.join(target, 'monitor.config.yaml')} already exists; this folder is a publication already`);
  }
  if (existing.length > 0 && !options.force) {
    throw new MonitorError(`${target} is not empty; choose an empty folder, or pass --force to add the publication's files beside what is there (nothing is overwritten)`);
  }
  await cp(path.join(PACKAGE_ROOT, 'scaffold'), target, { recursive: true, force: false, errorOnExist: false });
  if (!existing.includes('.gitignore')) await writeFile(path.join(target, '.gitignore'), GITIGNORE, { flag: 'wx' });
  return listFiles(target);
}

async function listFolder(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new MonitorError(`cannot read ${folder}: ${(cause as Error).message}`, { cause });
  }
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}
