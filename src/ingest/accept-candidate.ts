import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import type { Problem } from '../core/problems.js';
import { readIssueFile, validatePublication } from '../content/index.js';
import { candidateSlug, candidateToItem, nextItemFileName } from './candidate-to-item.js';
import { findCandidate, readCandidateText } from './find-candidate.js';
import { removeStaleTemporaries, writeNewFile } from './write-new-file.js';

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
  const issue = issueNumber ?? (await newestDraftIssue(root));
  const folder = path.join(root, 'issues', String(issue));
  const { issue: found } = await readIssueFile(root, String(issue));
  if (!found) throw new MonitorError(`issue ${issue} does not exist or cannot be read (issues/${issue}/issue.md); create it with "monitor new" or choose another with --issue`);
  await removeStaleTemporaries(root);
  const slug = candidateSlug(path.basename(candidate));
  const earlier = await findWrittenItem(folder, slug, accepted.text);
  const item = earlier ?? (await writeNextItem(root, folder, slug, accepted.text));
  await rm(path.join(root, candidate));
  const relativeItem = `issues/${issue}/${item}`;
  const { problems } = await validatePublication(root);
  return {
    candidate, item: relativeItem, issue, resumed: earlier !== undefined, flags: accepted.flags,
    problems: problems.filter((problem) => problem.file === relativeItem),
  };
}

async function writeNextItem(root: string, folder: string, slug: string, text: string): Promise<string> {
  const written = await writeNewFile(root, text, async () => path.join(folder, nextItemFileName(await readdir(folder), slug)), 20);
  if (written === undefined) throw new MonitorError(`cannot find a free item file name in ${folder}`);
  return path.basename(written);
}

/** The item of this issue named for `slug` whose text is exactly `text`: what an interrupted accept wrote. */
async function findWrittenItem(folder: string, slug: string, text: string): Promise<string | undefined> {
  const names = (await readdir(folder)).filter((name) => name.endsWith(`-${slug}.md`) && /^\d+-/.test(name));
  for (const name of names) {
    if ((await readFile(path.join(folder, name), 'utf8').catch(() => undefined)) === text) return name;
  }
  return undefined;
}

async function newestDraftIssue(root: string): Promise<number> {
  const folders = (await readdir(path.join(root, 'issues')).catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
  const numbers = folders.map(Number).sort((a, b) => b - a);
  for (const number of numbers) {
    const { issue } = await readIssueFile(root, String(number));
    if (issue?.status === 'draft') return number;
  }
  throw new MonitorError('no draft issue to accept into; create one with "monitor new", or name an issue with --issue N');
}
