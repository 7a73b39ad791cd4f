import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSources } from './types.js';

/** The templates shipped with monitor: <package>/templates/, from both src/render/ and lib/render/. */
export const BUNDLED_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * The template set of a publication: the bundled defaults, overlaid by any file of the same relative name
 * in `<publicationRoot>/templates/`. Keys use forward slashes: `web/issue.hbs`, `partials/item.hbs`.
 */
export async function readTemplates(publicationRoot: string): Promise<TemplateSources> {
  const sources = new Map<string, string>();
  await readFolderInto(BUNDLED_TEMPLATES, sources);
  const own = path.join(path.resolve(publicationRoot), 'templates');
  if (path.resolve(own) !== path.resolve(BUNDLED_TEMPLATES)) await readFolderInto(own, sources);
  return sources;
}

async function readFolderInto(folder: string, sources: Map<string, string>): Promise<void> {
  for (const name of await listFiles(folder)) {
    sources.set(name, await readFile(path.join(folder, name), 'utf8'));
  }
}

/** Relative paths of every file below `folder` (none when it does not exist), sorted. */
async function listFiles(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
