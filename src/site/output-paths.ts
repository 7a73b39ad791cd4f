import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { formatProblem, type Problem } from '../core/problems.js';

/**
 * What a build keeps beside the output folder `out` (never inside it, which a deploy may copy at any
 * moment), named `<out>.<kind>-<pid>-<hex>` so that the next build knows whose it is:
 * - `tmp`: a full build's new site, being written (or complete, when its `old` exists: see swap-output.ts);
 * - `old`: the previous output, set aside by the swap and removed after it;
 * - `staging`: an incremental build's changed files and its journal (pending-changes.ts).
 */
export type SiblingKind = 'tmp' | 'old' | 'staging';

/** A folder beside the output that a build made. */
export interface Sibling {
  kind: SiblingKind;
  /** The process that made it. */
  pid: number;
  /** `<pid>-<hex>`: one build's `tmp` and `old` share it. */
  id: string;
  /** Absolute path. */
  path: string;
}

/** Told of a problem the build survived, such as an old output it could not remove. */
export type Warn = (problem: Problem) => void;

/** Where a warning goes when the caller gives no other place: standard error, as the build command prints warnings. */
export const warnOnStderr: Warn = (problem) => void process.stderr.write(`${formatProblem(problem)}\n`);

/** A fresh id for this process's folders beside the output. */
export function newSiblingId(): string {
  return `${process.pid}-${randomBytes(3).toString('hex')}`;
}

export function siblingPath(out: string, kind: SiblingKind, id: string): string {
  return `${out}.${kind}-${id}`;
}

/** The folders beside `out` that builds made, by any process. */
export function listSiblings(out: string): Sibling[] {
  const pattern = new RegExp(`^${escapeRegExp(path.basename(out))}\\.(tmp|old|staging)-((\\d+)-[0-9a-f]+)$`);
  return listNames(path.dirname(out)).flatMap((name) => {
    const match = pattern.exec(name);
    if (!match) return [];
    return [{ kind: match[1] as SiblingKind, pid: Number(match[3]), id: match[2]!, path: path.join(path.dirname(out), name) }];
  });
}

/** A renderer's path (or a journal's) must stay inside the output folder. */
export function safeRelative(file: string): string {
  const normal = path.posix.normalize(file);
  if (path.posix.isAbsolute(normal) || normal === '..' || normal.startsWith('../') || normal === '.') {
    throw new Error(`build output path "${file}" is outside the output folder`);
  }
  return normal;
}

function listNames(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a file or folder is there (any other failure to look is thrown). */
export function exists(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false }) !== undefined;
}
