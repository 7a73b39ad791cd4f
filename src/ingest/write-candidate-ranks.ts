import { lstat, rename } from 'node:fs/promises';
import path from 'node:path';
import { CANDIDATES_FOLDER } from '../content/index.js';
import { rankedNames } from './candidate-names.js';
import { readCandidateStories } from './read-known-stories.js';

/**
 * Number the candidates in issues/candidates/ by rank (see rankedNames), renaming only those whose number
 * changed, and not over another file. Returns the renamed files, old path to new, relative to the root.
 * `monitor accept` still finds a candidate by an earlier name (see findCandidate).
 */
export async function writeCandidateRanks(root: string): Promise<Map<string, string>> {
  const folder = `issues/${CANDIDATES_FOLDER}`;
  const stories = await readCandidateStories(root);
  const names = rankedNames(stories.map((story) => ({
    name: path.basename(story.file),
    outlets: new Set(story.sources.map((source) => source.publication)).size,
    date: story.sources.map((source) => source.date).filter((date): date is string => date !== undefined).sort()[0],
  })));
  const renamed = new Map<string, string>();
  for (const [name, ranked] of names) {
    if (name === ranked || (await lstat(path.join(root, folder, ranked)).catch(() => undefined))) continue;
    const moved = await rename(path.join(root, folder, name), path.join(root, folder, ranked)).then(() => true, (caught: NodeJS.ErrnoException) => {
      if (caught.code === 'ENOENT') return false; // accepted or deleted meanwhile
      throw caught;
    });
    if (moved) renamed.set(`${folder}/${name}`, `${folder}/${ranked}`);
  }
  return renamed;
}
