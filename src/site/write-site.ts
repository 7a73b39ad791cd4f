import { randomBytes } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import { isRunning } from './abandoned-files.js';
import type { OutputFile } from './render-site.js';

export interface WriteOptions {
  /** Absolute output folder, such as `<root>/dist`. */
  out: string;
  /** The publication folder, which the output must never contain. */
  root: string;
  /** Start from a copy of the current output instead of an empty folder. */
  keepPrevious: boolean;
  /** Told of every file written, with its size and ctime (for the build's record of its output). */
  written?: ((file: WrittenFile) => void) | undefined;
}

/** A file of the build as written: its path relative to the output folder, its sort, size and ctime. */
export interface WrittenFile {
  path: string;
  kind: OutputFile['kind'];
  size: number;
  ctimeMs: number;
}

/** How many files of each kind were written. */
export type WriteCounts = Record<OutputFile['kind'], number>;

/** No file written yet. */
export function noCounts(): WriteCounts {
  return { page: 0, email: 0, feed: 0, asset: 0 };
}

/**
 * Write the files into a temporary folder next to `out` (same file system, so renames are atomic) and
 * swap it into place only when every file was written. On any failure the temporary folder is removed
 * and the previous output is left exactly as it was.
 */
export async function writeSite(files: AsyncIterable<OutputFile>, options: WriteOptions): Promise<WriteCounts> {
  const { out } = options;
  checkOutputFolder(out, options.root);
  removeAbandoned(out);
  const temporary = `${out}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  try {
    const keep = options.keepPrevious && exists(out);
    if (keep) linkTree(out, temporary);
    else mkdirSync(temporary, { recursive: true });
    const counts = await writeFiles(files, temporary, keep, options.written);
    swapIn(temporary, out);
    return counts;
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Fill `copy` with hard links to the files of `folder`: a one-issue build starts from the previous output
 * without copying megabytes. Falls back to copying where links are refused.
 */
function linkTree(folder: string, copy: string): void {
  mkdirSync(copy, { recursive: true });
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const from = path.join(entry.parentPath, entry.name);
    const to = path.join(copy, path.relative(folder, from));
    if (entry.isDirectory()) mkdirSync(to, { recursive: true });
    if (!entry.isFile()) continue;
    mkdirSync(path.dirname(to), { recursive: true });
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  }
}

/**
 * Write every file into `folder` as it is rendered, synchronously: thousands of small files are written
 * several times faster without a promise and a thread-pool round trip each. (Worker threads were
 * measured too, for the writing and for the emails: no faster on two cores, 80-100 MB more memory. A
 * one-thread build already keeps the second core busy with V8's garbage collection; with two threads
 * rendering, each ran 40-50 % slower, and the worker lexes the bodies and loads MJML again.)
 * Over linked files (`linked`), each target is unlinked first: writing into it would change the previous
 * output's file too, through the shared link.
 */
async function writeFiles(files: AsyncIterable<OutputFile>, folder: string, linked: boolean, written: WriteOptions['written']): Promise<WriteCounts> {
  const counts = noCounts();
  const made = new Set<string>();
  for await (const file of files) {
    const target = path.join(folder, safeRelative(file.path));
    try {
      const parent = path.dirname(target);
      if (!made.has(parent)) {
        mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      if (linked) rmSync(target, { force: true });
      writeFileSync(target, file.text, 'utf8');
      if (written) {
        const { size, ctimeMs } = statSync(target);
        written({ path: file.path, kind: file.kind, size, ctimeMs });
      }
    } catch (error) {
      throw new MonitorError(`cannot write the build output: ${(error as Error).message}`, { cause: error });
    }
    counts[file.kind] += 1;
  }
  return counts;
}

/** Replace `out` by `temporary`: move the old output aside, move the new one in, then delete the old. */
function swapIn(temporary: string, out: string): void {
  if (!exists(out)) {
    renameSync(temporary, out);
    return;
  }
  const aside = `${out}.old-${process.pid}-${randomBytes(3).toString('hex')}`;
  renameSync(out, aside);
  try {
    renameSync(temporary, out);
  } catch (error) {
    renameSync(aside, out);
    throw error;
  }
  rmSync(aside, { recursive: true, force: true });
}

/**
 * Remove temporary folders of builds that were killed (Ctrl-C) before they could clean up: those whose
 * process is gone. A build still running elsewhere keeps its folder.
 */
function removeAbandoned(out: string): void {
  const pattern = new RegExp(`^${escapeRegExp(path.basename(out))}\\.tmp-(\\d+)-[0-9a-f]+$`);
  for (const name of listNames(path.dirname(out))) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (pid && !isRunning(pid)) rmSync(path.join(path.dirname(out), name), { recursive: true, force: true });
  }
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

/** A renderer's path must stay inside the output folder. */
export function safeRelative(file: string): string {
  const normal = path.posix.normalize(file);
  if (path.posix.isAbsolute(normal) || normal === '..' || normal.startsWith('../') || normal === '.') {
    throw new Error(`build output path "${file}" is outside the output folder`);
  }
  return normal;
}

/**
 * The output folder is replaced as a whole, so refuse one that holds the publication, or an existing
 * folder that does not look like a build (say `--out src` by mistake), rather than delete someone's work.
 */
export function checkOutputFolder(out: string, root: string): void {
  const fromOut = path.relative(out, path.resolve(root));
  const outside = fromOut === '..' || fromOut.startsWith(`..${path.sep}`) || path.isAbsolute(fromOut);
  if (!outside) {
    throw new MonitorError(`--out ${out}: the output folder would contain the publication itself; choose a folder inside it, such as dist`);
  }
  if (!exists(out)) return;
  const info = statSync(out);
  if (!info.isDirectory()) throw new MonitorError(`--out ${out}: this is a file, not a folder; choose another output folder`);
  const names = readdirSync(out);
  if (names.length > 0 && !names.includes('index.html')) {
    throw new MonitorError(`--out ${out}: this folder is not empty and holds no index.html, so it does not look like an earlier build; monitor replaces the output folder as a whole, so remove it or choose another --out`);
  }
}

function exists(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false }) !== undefined;
}
