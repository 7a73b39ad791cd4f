import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CategoryLink, ComposedIssue } from '../compose/types.js';
import type { KnownIssue } from '../content/index.js';
import type { Problem } from '../core/problems.js';
import { TOOL_VERSION } from '../core/version.js';
import { CACHE_FOLDER } from './build-state.js';
import type { Stamp, Stamps } from './input-stamps.js';
import type { IssueHashes, RememberedHashes } from './output-keys.js';

const MEMO_FORMAT = 3;
const MEMO_FILE = 'issue-memo.json';
/** The memo file of format 2 and earlier, which nothing reads any more. */
const OLD_MEMO_FILE = 'issue-hashes.json';
const ISSUES = 'issues/';

/** What a build remembers of an issue folder, for as long as its files and the settings are unchanged. */
interface Remembered {
  /** Hash of the stamps of the folder's files, the settings and monitor itself. */
  signature: string;
  /** Its warnings (file by file and issue rules; not the rules across issues). */
  problems: Problem[];
  outline: IssueOutline;
  hashes: IssueHashes;
}

/**
 * What archive pages, category pages, feeds' keys and the neighbours' links need of a composed issue:
 * everything but its previous/next links, its items' bodies, citations and files, and its note.
 */
type IssueOutline = Omit<ComposedIssue, 'previous' | 'next' | 'sections' | 'items' | 'note'> & {
  items: Array<{ anchor: string; headline: string; headlineCaps: string; categories: CategoryLink[] }>;
};

/** An issue composed this run, as the memo takes it. */
export interface FreshIssue {
  folder: string;
  /** Composed, previous/next links or not: they are not remembered. */
  issue: ComposedIssue;
  problems: Problem[];
  hashes: IssueHashes;
}

/**
 * What builds remember of each issue folder, so that the next build need not read, check or compose
 * the folders that did not change: an issue's warnings, its outline (enough to list it, link to it and
 * key every output but its own files and the feeds that carry it) and the hashes of its composed form.
 * A composed issue depends only on its own folder's files, the settings (monitor.config.yaml,
 * feeds/sources.yaml) and monitor itself, so an entry is trusted while the stamps of exactly those are
 * unchanged; the stamps are the ones taken before the build read anything. The file carries a sha1 of
 * itself: a damaged memo is ignored. Kept apart from the build state so that a build with nothing
 * changed never reads it.
 */
export class IssueMemo {
  private readonly signatures = new Map<string, string>();
  /** Entries whose signature is the folder's current one, by folder. */
  private readonly current = new Map<string, Remembered>();
  private readonly byNumber = new Map<number, Remembered>();

  private constructor(private readonly file: string, stored: Record<string, Remembered>, inputs: Stamps) {
    const folders = new Map<string, string[]>();
    // Sorted: the same stamps give the same signature whichever way they were collected.
    const settings: Array<[string, Stamp]> = [];
    for (const name in inputs) {
      const stamp = inputs[name]!;
      if (name.startsWith(ISSUES)) {
        const end = name.indexOf('/', ISSUES.length);
        const folder = name.slice(ISSUES.length, end < 0 ? undefined : end);
        const list = folders.get(folder) ?? [];
        list.push(`${name}:${stamp === 0 ? 0 : stamp.join(',')}`);
        folders.set(folder, list);
      } else if (path.isAbsolute(name) || name === 'monitor.config.yaml' || name === 'feeds/sources.yaml') {
        settings.push([name, stamp]);
      }
    }
    const base = createHash('sha1').update(JSON.stringify(settings.sort(([a], [b]) => (a < b ? -1 : 1)))).digest('base64url');
    for (const [folder, files] of folders) {
      const signature = createHash('sha1').update(base).update(files.sort().join('\n')).digest('base64url');
      this.signatures.set(folder, signature);
      const entry = stored[folder];
      if (entry?.signature === signature) {
        this.current.set(folder, entry);
        this.byNumber.set(entry.outline.number, entry);
      }
    }
  }

  /** The memo of the publication at `root`, read from its cache folder (empty when missing, damaged or old). */
  static open(root: string, inputs: Stamps): IssueMemo {
    const file = path.join(root, CACHE_FOLDER, MEMO_FILE);
    return new IssueMemo(file, readStored(file), inputs);
  }

  /** What the content stage needs to know of the unchanged folders, to check the publication without reading them. */
  known(): Map<string, KnownIssue> {
    const known = new Map<string, KnownIssue>();
    for (const [folder, { outline, problems }] of this.current) known.set(folder, { number: outline.number, date: outline.date, problems });
    return known;
  }

  /**
   * The issue of an unchanged folder as an earlier build composed it, without links, bodies, citations
   * or note: it may be listed, linked to and keyed, never rendered on its own.
   */
  outline(folder: string): ComposedIssue {
    const { outline } = this.current.get(folder)!;
    const items = outline.items.map((item) => ({ ...item, body: '', citation: { parts: [], text: '', markdown: '' }, file: '' }));
    return { ...outline, note: '', sections: [], items, previous: undefined, next: undefined };
  }

  /** Remembered hashes of an issue of an unchanged folder. */
  readonly remembered: RememberedHashes = (issue) => this.byNumber.get(issue.number)?.hashes;

  /**
   * Remember this build's issues: those composed this time, and those of the unchanged folders named in
   * `kept`. Never fails a build: without it the next one only reads more.
   */
  save(fresh: FreshIssue[], kept: string[]): void {
    const stored: Record<string, Remembered> = {};
    for (const folder of kept) {
      const entry = this.current.get(folder);
      if (entry) stored[folder] = entry;
    }
    for (const { folder, issue, problems, hashes } of fresh) {
      const signature = this.signatures.get(folder);
      if (signature) stored[folder] = { signature, problems, outline: outlineOf(issue), hashes };
    }
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      const body = JSON.stringify({ format: MEMO_FORMAT, tool: TOOL_VERSION, issues: stored });
      writeFileSync(temporary, `${sha1(body)}\n${body}`);
      renameSync(temporary, this.file);
      rmSync(path.join(path.dirname(this.file), OLD_MEMO_FILE), { force: true });
    } catch {
      // ignored, see above
    }
  }
}

function readStored(file: string): Record<string, Remembered> {
  try {
    const text = readFileSync(file, 'utf8');
    const cut = text.indexOf('\n');
    const body = text.slice(cut + 1);
    if (cut < 0 || text.slice(0, cut) !== sha1(body)) return {};
    const memo = JSON.parse(body);
    if (memo?.format !== MEMO_FORMAT || memo.tool !== TOOL_VERSION || typeof memo.issues !== 'object' || !memo.issues) return {};
    return memo.issues;
  } catch {
    return {};
  }
}

function outlineOf(issue: ComposedIssue): IssueOutline {
  const { previous: _previous, next: _next, sections: _sections, note: _note, items, ...header } = issue;
  const outline = items.map(({ anchor, headline, headlineCaps, categories }) => ({ anchor, headline, headlineCaps, categories }));
  return { ...header, items: outline };
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
