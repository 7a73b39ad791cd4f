import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSources } from './types.js';

/** The templates shipped with monitor: <package>/templates/, from both src/render/ and lib/render/. */
export const BUNDLED_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * The template set of a publication: the bundled defaults, overlaid by any file of the same relative name
 * in `<publicationRoot>/templates/`. Keys use forward slashes: `web/issue.hbs`, `partials/item.hbs`.
 * (Read synchronously: a few dozen small files, each a thread-pool round trip when read asynchronously,
 * ~10 ms of waiting in an incremental build.)
 */
export async function readTemplates(publicationRoot: string): Promise<TemplateSources> {
  const sources = new Map<string, string>();
  readFolderInto(BUNDLED_TEMPLATES, sources);
  const own = path.join(path.resolve(publicationRoot), 'templates');
  if (path.resolve(own) !== path.resolve(BUNDLED_TEMPLATES)) readFolderInto(own, sources);
  return sources;
}

function readFolderInto(folder: string, sources: Map<string, string>): void {
  for (const name of listTemplateFiles(folder)) {
    sources.set(name, readFileSync(path.join(folder, name), 'utf8'));
  }
}

/** Relative paths of every file below `folder` (none when it does not exist), sorted. */
export function listTemplateFiles(folder: string): string[] {
  try {
    const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
