import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import type { Problem } from '../core/problems.js';
import { CANDIDATES_FOLDER, readIssueFile, validatePublication } from '../content/index.js';
import { candidateSlug, candidateToItem, nextItemFileName } from './candidate-to-item.js';

/** What accepting a candidate did. */
export interface Acceptance {
  /** The candidate file, relative to the root. */
  candidate: string;
  /** The new item file, relative to the root. */
  item: string;
  issue: number;
  /** Flags the ingester had raised on the candidate. */
  flags: string[];
  /** Problems the content checks find in the new item. */
  problems: Problem[];
}

/**
 * Move a candidate into an issue as its next item: the item is written first (never over an existing
 * file) and the candidate removed only then, so a failure loses nothing. The new item is then checked.
 */
export async function acceptCandidate(root: string, candidateName: string, issueNumber: number | undefined): Promise<Acceptance> {
  const candidatePath = await findCandidate(root, candidateName);
  const candidate = path.relative(root, candidatePath).split(path.sep).join('/');
  const accepted = candidateToItem(candidate, await readFile(candidatePath, 'utf8'));
  const issue = issueNumber ?? (await newestDraftIssue(root));
  const folder = path.join(root, 'issues', String(issue));
  const { issue: found } = await readIssueFile(root, String(issue));
  if (!found) throw new MonitorError(`issue ${issue} does not exist or cannot be read (issues/${issue}/issue.md); create it with "monitor new" or choose another with --issue`);
  const item = await writeNextItem(folder, candidateSlug(path.basename(candidatePath)), accepted.text);
  await rm(candidatePath);
  const relativeItem = `issues/${issue}/${item}`;
  const { problems } = await validatePublication(root);
  return { candidate, item: relativeItem, issue, flags: accepted.flags, problems: problems.filter((problem) => problem.file === relativeItem) };
}

async function writeNextItem(folder: string, slug: string, text: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const name = nextItemFileName(await readdir(folder), slug);
    try {
      await writeFile(path.join(folder, name), text, { encoding: 'utf8', flag: 'wx' });
      return name;
    } catch (caught) {
      if ((caught as NodeJS.ErrnoException).code !== 'EEXIST') throw caught;
    }
  }
  throw new MonitorError(`cannot find a free item file name in ${folder}`);
}

async function findCandidate(root: string, name: string): Promise<string> {
  const folder = path.join(root, 'issues', CANDIDATES_FOLDER);
  const tries = [path.resolve(root, name), path.resolve(name), path.join(folder, name), path.join(folder, `${name}.md`)];
  for (const candidate of tries) {
    if (await stat(candidate).then((info) => info.isFile(), () => false)) return candidate;
  }
  const known = (await readdir(folder).catch(() => [] as string[])).filter((file) => file.endsWith('.md'));
  const list = known.length > 0 ? ` Candidates in issues/${CANDIDATES_FOLDER}/: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', ...' : ''}` : ` issues/${CANDIDATES_FOLDER}/ holds no candidate; run "monitor ingest" first.`;
  throw new MonitorError(`no candidate "${name}".${list}`);
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
