import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readConfig, readSources } from '../config/read-config.js';
import { error, type Problem } from '../core/problems.js';
import { readIssueFile, readItemFile } from './read-issue.js';
import type { Issue, Publication } from './types.js';

/** Folder under issues/ where `monitor ingest` leaves drafts; not an issue. */
export const CANDIDATES_FOLDER = 'candidates';

/** A publication as read from disk: `publication` is absent only when its settings are unusable. */
export interface ReadResult {
  publication: Publication | undefined;
  /** Every problem found while reading, errors and warnings. */
  problems: Problem[];
  /** Numbers of every issue folder, including those whose files have errors. */
  folderNumbers: number[];
}

/**
 * Read a whole publication: settings, sources and every issue with its items. Files with errors are
 * left out of the result and reported, so one broken item does not hide the problems of the others.
 */
export async function readPublication(root: string): Promise<ReadResult> {
  const absoluteRoot = path.resolve(root);
  const [config, sources] = await Promise.all([readConfig(absoluteRoot), readSources(absoluteRoot)]);
  const folders = listIssueFolders(absoluteRoot);
  const problems = [...config.problems, ...sources.problems, ...folders.problems];
  const issues: Issue[] = [];
  for (const folder of folders.names) {
    const result = readIssueFolder(absoluteRoot, folder);
    problems.push(...result.problems);
    if (result.issue) issues.push(result.issue);
  }
  issues.sort((a, b) => a.number - b.number);
  const folderNumbers = folders.names.map(Number);
  if (!config.value || !sources.value) return { publication: undefined, problems, folderNumbers };
  const publication = { root: absoluteRoot, config: config.value, sources: sources.value, issues };
  return { publication, problems, folderNumbers };
}

function listIssueFolders(root: string): { names: string[]; problems: Problem[] } {
  let entries;
  try {
    entries = readdirSync(path.join(root, 'issues'), { withFileTypes: true });
  } catch {
    return { names: [], problems: [] };
  }
  const names: string[] = [];
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === CANDIDATES_FOLDER || entry.name.startsWith('.')) continue;
    if (/^\d+$/.test(entry.name)) names.push(entry.name);
    else problems.push(error({ file: `issues/${entry.name}`, line: 0, column: 0, path: '' }, `issue folders are named by the issue number, such as issues/2359; rename "${entry.name}"`));
  }
  return { names: names.sort((a, b) => Number(a) - Number(b)), problems };
}

function readIssueFolder(root: string, folder: string): { issue?: Issue; problems: Problem[] } {
  const names = readdirSync(path.join(root, 'issues', folder)).filter((name) => name.endsWith('.md') && name !== 'issue.md');
  const issueResult = readIssueFile(root, folder);
  const itemResults = names.sort().map((name) => readItemFile(root, `issues/${folder}/${name}`));
  const problems = [...issueResult.problems, ...itemResults.flatMap((result) => result.problems)];
  const issue = issueResult.issue;
  if (issue) {
    issue.items = itemResults.flatMap((result) => (result.item ? [result.item] : []));
    issue.items.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  }
  return { issue, problems };
}
