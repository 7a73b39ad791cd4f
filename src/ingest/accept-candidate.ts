import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../core/problems.js';
import { issueToAddTo, validatePublication, writeNextItem } from '../content/index.js';
import { removeStaleTemporaries } from '../core/write-new-file.js';
import { candidateSlug, candidateToItem } from './candidate-to-item.js';
import { findCandidate, readCandidateText } from './find-candidate.js';

/** What accepting a candidate did. */
export interface Acceptance {
  /** The candidate file, relative to the root. */
  candidate: string;
  /** The new item file, relative to the root. */
  item: string;
  issue: number;
  /** True when an interrupted accept had written the item already: only the candidate was removed now. */
  resumed: boolean;
  /** Flags the ingester had raised on the candidate. */
  flags: string[];
  /** Problems the content checks find in the new item. */
  problems: Problem[];
}

/**
 * Move a candidate into an issue as its next item: the item is written whole (never over an existing file)
 * and the candidate removed only then, so a failure loses nothing. An accept killed between the two left the
 * item with exactly the text this one would write: it is found and the candidate only removed, so a retry
 * never makes a second copy. The new item is then checked.
 */
export async function acceptCandidate(root: string, candidateName: string, issueNumber: number | undefined): Promise<Acceptance> {
  const candidate = await findCandidate(root, candidateName);
  const accepted = candidateToItem(candidate, await readCandidateText(root, candidate));
  const { number: issue, folder } = await issueToAddTo(root, issueNumber, 'accept');
  await removeStaleTemporaries(root);
  const slug = candidateSlug(path.basename(candidate));
  const earlier = await findWrittenItem(folder, slug, accepted.text);
  const item = earlier ?? (await writeNextItem(root, folder, slug, accepted.text));
  await rm(path.join(root, candidate), { force: true }); // an accept run beside this one may have removed it
  const relativeItem = `issues/${issue}/${item}`;
  const { problems } = await validatePublication(root);
  return {
    candidate, item: relativeItem, issue, resumed: earlier !== undefined, flags: accepted.flags,
    problems: problems.filter((problem) => problem.file === relativeItem),
  };
}

/** The item of this issue named for `slug` whose text is exactly `text`: what an interrupted accept wrote. */
async function findWrittenItem(folder: string, slug: string, text: string): Promise<string | undefined> {
  const names = (await readdir(folder)).filter((name) => name.endsWith(`-${slug}.md`) && /^\d+-/.test(name));
  for (const name of names) {
    if ((await readFile(path.join(folder, name), 'utf8').catch(() => undefined)) === text) return name;
  }
  return undefined;
}
