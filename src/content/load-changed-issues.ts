import { ContentError, MonitorError } from '../core/errors.js';
import { hasErrors, sortProblems, type Problem } from '../core/problems.js';
import { checkIssue, checkNumbering, checkRepeatedStories, checkStrayItems, RECENT_ISSUES_FOR_DUPLICATES, type NumberedIssue } from './check-publication.js';
import { ContentCache } from './content-cache.js';
import { loadPublication, type LoadOptions } from './load-publication.js';
import { issueFileLocate, readIssueFolders, readSettings, type ReadOptions } from './read-publication.js';
import type { Issue, Publication } from './types.js';

/** What an earlier run found in an issue folder whose files have not changed since. */
export interface KnownIssue {
  number: number;
  date: string;
  /** The warnings about its files (a folder with errors is never known). */
  problems: Problem[];
}

export interface ChangedLoadOptions extends LoadOptions {
  /**
   * Issue folders that an earlier run read and checked, by folder name, whose files (and the settings)
   * have not changed since: the caller answers for that, and keeps the rest of what it knows of them.
   */
  known: ReadonlyMap<string, KnownIssue>;
}

/** A publication loaded in part. */
export interface ChangedIssues {
  /** The settings and the issues that were read: every folder not known, and the newest issues. */
  publication: Publication;
  /** Known folders that were not read, oldest first. */
  unread: string[];
  /** Every warning about the publication, as loadPublication reports them. */
  warnings: Problem[];
  /**
   * The warnings of each folder read and checked this time, by folder name: about its files and its
   * issue, not the rules across issues. What the caller may know of it next time.
   */
  checked: Map<string, Problem[]>;
}

/**
 * Load a publication reading only the issue folders that are not known, and the newest ones, which a
 * rule across issues looks into (a story cited twice). Every rule runs as for the whole publication:
 * the known folders that are not read take part with what is known of them (number, date, warnings);
 * the newest are checked afresh, as they are read anyway. Like loadPublication, a ContentError lists
 * every problem when there is an error.
 */
export async function loadChangedIssues(root: string, options: ChangedLoadOptions): Promise<ChangedIssues> {
  const settings = await readSettings(root);
  const { config, sources } = settings;
  if (!config || !sources) {
    // Unusable settings are an error, reported with every other problem as loadPublication reports them.
    const whole = await loadPublication(root, options);
    return { publication: whole.publication, unread: [], warnings: whole.warnings, checked: new Map() };
  }
  const cache = ContentCache.open(options.cacheDir, options.stamps, options.tool);
  const reading: ReadOptions = { cache, stamps: options.stamps };
  const read = new Map<string, Issue>();
  const checked = new Map<string, Problem[]>();
  const take = (folders: string[]) => {
    for (const folder of readIssueFolders(settings.root, folders, reading)) {
      checked.set(folder.folder, folder.problems);
      if (folder.issue) read.set(folder.folder, folder.issue);
      else folder.problems.push(...checkStrayItems({ config, sources }, folder.strayItems));
    }
  };
  take(settings.folders.filter((name) => !options.known.has(name)));
  // The newest issues, read: until they are (a newest one that no longer reads makes room for another).
  let sequence = numbered(settings.folders, read, checked, options.known, settings.root);
  for (let unread = newestUnread(sequence, checked); unread.length > 0; unread = newestUnread(sequence, checked)) {
    take(unread);
    sequence = numbered(settings.folders, read, checked, options.known, settings.root);
  }
  const problems = [...settings.problems, ...checkNumbering(sequence)];
  for (const folder of settings.folders) {
    const issue = read.get(folder);
    const found = checked.get(folder);
    if (found && issue) found.push(...checkIssue({ config, sources }, issue));
    problems.push(...(found ?? options.known.get(folder)?.problems ?? []));
  }
  problems.push(...checkRepeatedStories(sequence.slice(-RECENT_ISSUES_FOR_DUPLICATES).flatMap(({ folder }) => read.get(folder) ?? [])));
  const sorted = sortProblems(problems);
  if (hasErrors(sorted)) throw new ContentError(sorted);
  cache.save(options.known.size === 0);
  const issues = [...read.values()].sort((a, b) => a.number - b.number);
  const unread = settings.folders.filter((folder) => options.known.has(folder) && !read.has(folder));
  return { publication: { root: settings.root, config, sources, issues }, unread, warnings: sorted, checked };
}

/** Folders of the newest issues that were not read. */
function newestUnread(sequence: NumberedIssue[], checked: Map<string, Problem[]>): string[] {
  return sequence.slice(-RECENT_ISSUES_FOR_DUPLICATES).map((issue) => issue.folder).filter((folder) => !checked.has(folder));
}

/**
 * Every issue by number, for the rules across issues: the ones read, and the known ones not read as
 * known (a folder read without an issue, its issue.md broken, has none, as for loadPublication).
 */
function numbered(folders: string[], read: Map<string, Issue>, checked: Map<string, Problem[]>, known: ReadonlyMap<string, KnownIssue>, root: string): NumberedIssue[] {
  const sequence: NumberedIssue[] = [];
  for (const folder of folders) {
    const issue = read.get(folder);
    const facts = checked.has(folder) ? undefined : known.get(folder);
    if (issue) sequence.push(issue);
    else if (facts) sequence.push({ number: facts.number, date: facts.date, folder, file: `issues/${folder}/issue.md`, locate: issueFileLocate(root, folder) });
  }
  return sequence.sort((a, b) => a.number - b.number);
}

/**
 * Read known issue folders again, to render them: their files are unchanged since they were checked, so
 * their problems are not collected again. Oldest first. Should one no longer read without errors (its
 * files changed while keeping their stamps), the publication is checked as a whole and a ContentError
 * lists what is wrong, as `monitor validate` would.
 */
export async function readKnownIssues(root: string, folders: string[], options: LoadOptions): Promise<Issue[]> {
  const cache = ContentCache.open(options.cacheDir, options.stamps, options.tool);
  const reads = readIssueFolders(root, folders, { cache, stamps: options.stamps });
  if (reads.some((read) => !read.issue || hasErrors(read.problems))) {
    await loadPublication(root, options);
    throw new MonitorError(`issues/${reads.find((read) => !read.issue)?.folder ?? folders[0]}: its files changed while the build ran; build again`);
  }
  cache.save(false);
  return reads.map((read) => read.issue!).sort((a, b) => a.number - b.number);
}
