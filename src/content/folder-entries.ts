import { warning, wholeFile, type Problem } from '../core/problems.js';

/** The entries of an issue folder, sorted out: the item files to read, and a warning for each one not read. */
export interface FolderEntries {
  /** Markdown files but issue.md: read as items (a badly named one is reported as an item). */
  items: string[];
  /** One warning per entry that is neither issue.md nor an item, nor hidden. */
  problems: Problem[];
}

/**
 * Sort the entry names of issues/<folder>/. Nothing an editor puts there is passed over without a word:
 * `06-china.MD` or a `06-china.md.txt` saved by Notepad would otherwise leave an item out of the issue.
 * Hidden files, editors' backups (`01-x.md~`, `#01-x.md#`) and the system's own files stay silent.
 */
export function sortFolderEntries(folder: string, names: Iterable<string>): FolderEntries {
  const items: string[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    if (name === 'issue.md' || isSilent(name)) continue;
    if (name.endsWith('.md')) items.push(name);
    else problems.push(warning(wholeFile(`issues/${folder}/${name}`), notRead(name)));
  }
  return { items, problems };
}

/** Files an editor did not put there on purpose: hidden files, backups, the system's folder files. */
function isSilent(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || (name.startsWith('#') && name.endsWith('#')) || SYSTEM_FILES.has(name.toLowerCase());
}

const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini']);

/** Why the file is not read, and what to do: the rename that makes it an item, when it looks like one. */
function notRead(name: string): string {
  const skipped = `"${name}" is not read: monitor reads issue.md and item files ending in .md`;
  const lower = name.toLowerCase();
  if (lower.endsWith('.md.txt')) return `${skipped}. Notepad added .txt; rename it ${name.slice(0, -'.md.txt'.length)}.md`;
  for (const ending of ['.md', '.markdown', '.txt']) {
    if (lower.endsWith(ending)) return `${skipped}; rename it ${name.slice(0, -ending.length)}.md`;
  }
  return `${skipped}; move it out of the issue folder, or rename it to end in .md if it is an item`;
}
