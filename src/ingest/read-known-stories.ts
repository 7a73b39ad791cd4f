import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { CANDIDATES_FOLDER, splitFrontMatter } from '../content/index.js';
import type { Publication } from '../content/index.js';
import { storyUrlKey } from './identity.js';

/** Story URLs already cited in an issue or drafted as a candidate, normalised for comparison. */
export async function readKnownStoryUrls(publication: Publication): Promise<Set<string>> {
  const urls = new Set<string>();
  for (const issue of publication.issues) {
    for (const item of issue.items) for (const source of item.sources) if (source.url) urls.add(storyUrlKey(source.url));
  }
  for (const url of await candidateUrls(publication.root)) urls.add(storyUrlKey(url));
  return urls;
}

/** Source URLs of the files in issues/candidates/, tolerating files an editor has half-edited. */
async function candidateUrls(root: string): Promise<string[]> {
  const folder = path.join(root, 'issues', CANDIDATES_FOLDER);
  const names = await readdir(folder).catch(() => [] as string[]);
  const urls: string[] = [];
  for (const name of names.filter((entry) => entry.endsWith('.md'))) {
    const text = await readFile(path.join(folder, name), 'utf8').catch(() => '');
    const split = splitFrontMatter(name, text);
    try {
      const data = parse(split.value?.yaml ?? '') as { sources?: { url?: unknown }[] } | null;
      for (const source of data?.sources ?? []) if (typeof source?.url === 'string') urls.push(source.url);
    } catch {
      // A candidate the editor is still fixing; it cannot be matched by URL.
    }
  }
  return urls;
}
