import { ContentError } from '../core/errors.js';
import { hasErrors, sortProblems, type Problem } from '../core/problems.js';
import { checkPublication } from './check-publication.js';
import { readPublication } from './read-publication.js';
import type { Publication } from './types.js';

/** Read the publication and run every rule; problems are sorted by file and line. */
export async function validatePublication(root: string): Promise<{ publication: Publication | undefined; problems: Problem[] }> {
  const read = await readPublication(root);
  const problems = read.publication ? [...read.problems, ...checkPublication(read.publication)] : read.problems;
  return { publication: read.publication, problems: sortProblems(problems) };
}

/** The publication when it has no errors (warnings are returned); otherwise a ContentError listing them all. */
export async function loadPublication(root: string): Promise<{ publication: Publication; warnings: Problem[] }> {
  const { publication, problems } = await validatePublication(root);
  if (!publication || hasErrors(problems)) throw new ContentError(problems);
  return { publication, warnings: problems };
}
