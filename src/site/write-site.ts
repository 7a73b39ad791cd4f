import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import { faultPoint } from './fault-points.js';
import { exists, newSiblingId, safeRelative, siblingPath, type Warn, warnOnStderr } from './output-paths.js';
import { recoverOutput } from './recover-output.js';
import type { OutputFile } from './render-site.js';
import { swapIn } from './swap-output.js';

export interface WriteOptions {
  /** Absolute output folder, such as `<root>/dist`. */
  out: string;
  /** The publication folder, which the output must never contain. */
  root: string;
  /** Start from a copy of the current output instead of an empty folder. */
  keepPrevious: boolean;
  /** Told of every file written, with its size and ctime (for the build's record of its output). */
  written?: ((file: WrittenFile) => void) | undefined;
  /** Told of a problem the build survived (an old output it could not remove); default: printed on standard error. */
  warn?: Warn | undefined;
  /** Adds to the new site once every file is written, before it is swapped in (the search index). */
  complete?: ((folder: string) => Promise<void>) | undefined;
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
 * swap it into place only when every file was written (swap-output.ts). On any failure the temporary
 * folder is removed and the previous output is left exactly as it was. First of all, what builds that
 * died left beside `out` is recovered (recover-output.ts).
 */
export async function writeSite(files: AsyncIterable<OutputFile>, options: WriteOptions): Promise<WriteCounts> {
  const { out } = options;
  const warn = options.warn ?? warnOnStderr;
  recoverOutput(out, warn);
  checkOutputFolder(out, options.root);
  const id = newSiblingId();
  const temporary = siblingPath(out, 'tmp', id);
  try {
    const keep = options.keepPrevious && exists(out);
    startFolder(keep ? out : undefined, temporary);
    const counts = await writeFiles(files, temporary, keep, options.written);
    await options.complete?.(temporary);
    faultPoint('full:written');
    swapIn(temporary, out, id, warn);
    return counts;
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}

/** Make the temporary folder: empty, or holding the previous output (`previous`) as links. */
function startFolder(previous: string | undefined, temporary: string): void {
  try {
    if (previous) linkTree(previous, temporary);
    else mkdirSync(temporary, { recursive: true });
  } catch (error) {
    throw new MonitorError(`cannot write the build output beside ${path.dirname(temporary)}: ${(error as Error).message}`, { cause: error });
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
