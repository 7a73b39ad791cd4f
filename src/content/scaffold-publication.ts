import { cp, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../core/package-root.js';

const GITIGNORE = ['dist/', '.monitor-cache/', '.monitor/', 'feeds/.state.json', ''].join('\n');

/**
 * Create a new publication in `target`: config, sources, one sample issue (from monitor's scaffold/) and
 * a copy of the default templates to adapt. Refuses a folder that already holds a publication, and a
 * non-empty folder unless `force`; never overwrites a file. Returns the relative paths written.
 */
export async function scaffoldPublication(target: string, options: { force?: boolean } = {}): Promise<string[]> {
  const existing = await listFolder(target);
  if (existing.includes('monitor.config.yaml')) {
    throw new MonitorError(`${path.join(target, 'monitor.config.yaml')} already exists; this folder is a publication already`);
  }
  if (existing.length > 0 && !options.force) {
    throw new MonitorError(`${target} is not empty; choose an empty folder, or pass --force to add the publication's files beside what is there (nothing is overwritten)`);
  }
  const copies: Array<[string, string]> = [
    [path.join(PACKAGE_ROOT, 'scaffold'), target],
    [path.join(PACKAGE_ROOT, 'templates'), path.join(target, 'templates')],
  ];
  // The preview's own pages are tool chrome, not the publication's look: they stay monitor's.
  const notPreview = (source: string) => !source.startsWith(path.join(PACKAGE_ROOT, 'templates', 'preview'));
  for (const [from, to] of copies) {
    await cp(from, to, { recursive: true, force: false, errorOnExist: false, filter: notPreview });
  }
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
