import { ContentError } from '../core/errors.js';
import { hasErrors, sortProblems, type Problem } from '../core/problems.js';
import { checkPublication, checkStrayItems } from './check-publication.js';
import { ContentCache, type KnownStamps } from './content-cache.js';
import { readPublication } from './read-publication.js';
import type { Publication } from './types.js';

export interface LoadOptions {
  /** Folder of the parsed-content cache, such as `<root>/.monitor-cache`; written only by a run without errors. */
  cacheDir?: string | undefined;
  /** Stamps of the files just taken by the caller (a build), used by the cache instead of its own. */
  stamps?: KnownStamps | undefined;
  /**
   * monitor as the caller knows it, for the cache (see ContentCache.open): a build gives its version and
   * the stamps of its code. Default: its version.
   */
  tool?: string | undefined;
}

/** What validating a publication found. */
export interface Validated {
  /** The publication, without the issues whose files have errors; absent when its settings are unusable. */
  publication: Publication | undefined;
  /** Every problem, sorted by file and line. */
  problems: Problem[];
  /** How many issue folders were checked, whether or not their files read. */
  issuesChecked: number;
}

/** Read the publication and run every rule; problems are sorted by file and line. */
export async function validatePublication(root: string, options: LoadOptions = {}): Promise<Validated> {
  const cache = ContentCache.open(options.cacheDir, options.stamps, options.tool);
  const read = await readPublication(root, { cache, stamps: options.stamps });
  const { publication } = read;
  const found = publication ? [...read.problems, ...checkPublication(publication), ...checkStrayItems(publication, read.strayItems)] : read.problems;
  const problems = sortProblems(found);
  if (publication && !hasErrors(problems)) cache.save(true);
  return { publication, problems, issuesChecked: read.folderNumbers.length };
}

/** The publication when it has no errors (warnings are returned); otherwise a ContentError listing them all. */
export async function loadPublication(root: string, options: LoadOptions = {}): Promise<{ publication: Publication; warnings: Problem[] }> {
  const { publication, problems } = await validatePublication(root, options);
  if (!publication || hasErrors(problems)) throw new ContentError(problems);
  return { publication, warnings: problems };
}
