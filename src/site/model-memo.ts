import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ComposedIssue } from '../compose/types.js';
import { TOOL_VERSION } from '../core/version.js';
import { CACHE_FOLDER } from './build-state.js';
import type { Stamp, Stamps } from './input-stamps.js';
import type { IssueHashes, RememberedHashes } from './output-keys.js';

const MEMO_FORMAT = 2;
const MEMO_FILE = 'issue-hashes.json';
const ISSUES = 'issues/';

/** `[signature, header, issue, listing, ...items]` by issue number. */
type Stored = Record<string, string[]>;

/**
 * Hashes of composed issues, remembered between builds so that the keys of 2,500 unchanged issues cost
 * no serialising. An issue's composed form depends only on its own folder's files, its neighbours' links,
 * the settings (monitor.config.yaml, feeds/sources.yaml) and monitor itself, so the signature it is
 * remembered by covers exactly those; the stamps are the ones taken before the build read anything.
 * Kept apart from the build state so that a build with nothing changed never reads it.
 */
export class IssueMemo {
  private readonly folders = new Map<string, string[]>();
  private readonly signatures = new WeakMap<ComposedIssue, string | undefined>();
  private readonly base: string;

  private constructor(private readonly file: string, private readonly stored: Stored, inputs: Stamps) {
    // Sorted: the same stamps give the same signature whichever way they were collected.
    const settings: Array<[string, Stamp]> = [];
    for (const name in inputs) {
      const stamp = inputs[name]!;
      if (name.startsWith(ISSUES)) {
        const end = name.indexOf('/', ISSUES.length);
        const folder = name.slice(ISSUES.length, end < 0 ? undefined : end);
        const list = this.folders.get(folder) ?? [];
        list.push(`${name}:${stamp === 0 ? 0 : stamp.join(',')}`);
        this.folders.set(folder, list);
      } else if (path.isAbsolute(name) || name === 'monitor.config.yaml' || name === 'feeds/sources.yaml') {
        settings.push([name, stamp]);
      }
    }
    this.base = createHash('sha1').update(JSON.stringify(settings.sort(([a], [b]) => (a < b ? -1 : 1)))).digest('base64url');
  }

  /** The memo of the publication at `root`, read from its cache folder (empty when missing or unreadable). */
  static open(root: string, inputs: Stamps): IssueMemo {
    const file = path.join(root, CACHE_FOLDER, MEMO_FILE);
    let stored: Stored = {};
    try {
      const body = JSON.parse(readFileSync(file, 'utf8'));
      if (body?.format === MEMO_FORMAT && body.tool === TOOL_VERSION && typeof body.issues === 'object' && body.issues) stored = body.issues;
    } catch {
      stored = {};
    }
    return new IssueMemo(file, stored, inputs);
  }

  /** Remembered hashes of an issue whose signature is unchanged. */
  readonly remembered: RememberedHashes = (issue) => {
    const entry = this.stored[String(issue.number)];
    if (!Array.isArray(entry) || entry.length < 4 || entry.some((part) => typeof part !== 'string')) return undefined;
    const [signature, header, whole, listing, ...items] = entry as [string, string, string, string, ...string[]];
    return signature === this.signature(issue) ? { header, issue: whole, listing, items } : undefined;
  };

  /** Remember the hashes of this build's issues. Never fails a build: without it the next one only serialises more. */
  save(issues: Map<ComposedIssue, IssueHashes>): void {
    const stored: Stored = {};
    for (const [issue, hashes] of issues) {
      const signature = this.signature(issue);
      if (signature) stored[String(issue.number)] = [signature, hashes.header, hashes.issue, hashes.listing, ...hashes.items];
    }
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ format: MEMO_FORMAT, tool: TOOL_VERSION, issues: stored }));
      renameSync(temporary, this.file);
    } catch {
      // ignored, see above
    }
  }

  /** What the issue's composed form depends on, hashed; undefined when its folder was not stamped. */
  private signature(issue: ComposedIssue): string | undefined {
    if (this.signatures.has(issue)) return this.signatures.get(issue);
    const signature = this.computeSignature(issue);
    this.signatures.set(issue, signature);
    return signature;
  }

  private computeSignature(issue: ComposedIssue): string | undefined {
    const files = this.folders.get(String(issue.number))?.sort();
    if (!files) return undefined;
    const links = JSON.stringify([issue.status, issue.previous ?? null, issue.next ?? null]);
    return createHash('sha1').update(this.base).update(files.join('\n')).update(links).digest('base64url');
  }
}
