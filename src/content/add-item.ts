import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import { writeNewFile } from '../core/write-new-file.js';
import { readIssueFile } from './read-issue.js';

/** An issue an item is added to. */
export interface TargetIssue {
  number: number;
  /** Its folder, absolute. */
  folder: string;
}

/**
 * The issue a new item goes into: the one named, which must exist and read, else the newest draft.
 * `command` names the command in messages ("accept", "item").
 */
export async function issueToAddTo(root: string, number: number | undefined, command: string): Promise<TargetIssue> {
  const chosen = number ?? (await newestDraftIssue(root, command));
  const { issue } = await readIssueFile(root, String(chosen));
  if (!issue) {
    throw new MonitorError(`issue ${chosen} does not exist or cannot be read (issues/${chosen}/issue.md); create it with "monitor new" or choose another with --issue`);
  }
  const folder = path.join(root, 'issues', String(chosen));
  await refuseLinkedFolder(root, folder);
  return { number: chosen, folder };
}

/** An issue folder that is a link, or that leads out of issues/, would put the item outside the publication. */
async function refuseLinkedFolder(root: string, folder: string): Promise<void> {
  const relative = path.relative(root, folder);
  const issues = await realpath(path.join(root, 'issues'));
  const linked = (await lstat(folder)).isSymbolicLink() || path.dirname(await realpath(folder)) !== issues;
  if (linked) {
    throw new MonitorError(`${relative} is a symbolic link (or leads out of issues/); monitor writes items only into real issue folders. Replace the link with the folder itself`);
  }
}

/**
 * Write an item into an issue's folder under the next order prefix (`<NN>-<slug>.md`), whole and never
 * over an existing file. Returns the file name.
 */
export async function writeNextItem(root: string, folder: string, slug: string, text: string): Promise<string> {
  const written = await writeNewFile(root, text, async () => path.join(folder, nextItemFileName(await readdir(folder), slug)), 20);
  if (written === undefined) throw new MonitorError(`cannot find a free item file name in ${folder}`);
  return path.basename(written);
}

/** The next item file name in an issue folder holding `names`: the highest order prefix plus one. */
export function nextItemFileName(names: string[], slug: string): string {
  const prefixes = names.map((name) => /^(\d+)-[^/]*\.md$/.exec(name)?.[1]).filter((prefix): prefix is string => prefix !== undefined);
  const next = Math.max(0, ...prefixes.map(Number)) + 1;
  const width = Math.max(2, ...prefixes.map((prefix) => prefix.length));
  return `${String(next).padStart(width, '0')}-${slug}.md`;
}

async function newestDraftIssue(root: string, command: string): Promise<number> {
  const folders = (await readdir(path.join(root, 'issues')).catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
  for (const number of folders.map(Number).sort((a, b) => b - a)) {
    const { issue } = await readIssueFile(root, String(number));
    if (issue?.status === 'draft') return number;
  }
  throw new MonitorError(`no draft issue to add the item to; create one with "monitor new", or name an issue with "monitor ${command} ... --issue N"`);
}
