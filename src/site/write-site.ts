import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import type { OutputFile } from './render-site.js';

export interface WriteOptions {
  /** Absolute output folder, such as `<root>/dist`. */
  out: string;
  /** The publication folder, which the output must never contain. */
  root: string;
  /** Start from a copy of the current output instead of an empty folder. */
  keepPrevious: boolean;
}

/** How many files of each kind were written. */
export type WriteCounts = Record<OutputFile['kind'], number>;

/**
 * Write the files into a temporary folder next to `out` (same file system, so renames are atomic) and
 * swap it into place only when every file was written. On any failure the temporary folder is removed
 * and the previous output is left exactly as it was.
 */
export async function writeSite(files: AsyncIterable<OutputFile>, options: WriteOptions): Promise<WriteCounts> {
  const { out } = options;
  await checkOutputFolder(out, options.root);
  await removeAbandoned(out);
  const temporary = `${out}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  try {
    const keep = options.keepPrevious && (await exists(out));
    if (keep) await linkTree(out, temporary);
    else await mkdir(temporary, { recursive: true });
    const counts = await writeFiles(files, temporary, keep);
    await swapIn(temporary, out);
    return counts;
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Fill `copy` with hard links to the files of `folder`: a one-issue build starts from the previous output
 * without copying megabytes. Falls back to copying where links are refused.
 */
async function linkTree(folder: string, copy: string): Promise<void> {
  await mkdir(copy, { recursive: true });
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    const from = path.join(entry.parentPath, entry.name);
    const to = path.join(copy, path.relative(folder, from));
    if (entry.isDirectory()) await mkdir(to, { recursive: true });
    if (!entry.isFile()) continue;
    await mkdir(path.dirname(to), { recursive: true });
    await link(from, to).catch(() => copyFile(from, to));
  }
}

/**
 * Write every file into `folder`. Over linked files (`linked`), each target is unlinked first: writing
 * into it would change the previous output's file too, through the shared link.
 */
async function writeFiles(files: AsyncIterable<OutputFile>, folder: string, linked: boolean): Promise<WriteCounts> {
  const counts: WriteCounts = { page: 0, email: 0, feed: 0 };
  const made = new Set<string>();
  for await (const file of files) {
    const target = path.join(folder, safeRelative(file.path));
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    if (linked) await rm(target, { force: true });
    await writeFile(target, file.text, 'utf8');
    counts[file.kind] += 1;
  }
  return counts;
}

/** Replace `out` by `temporary`: move the old output aside, move the new one in, then delete the old. */
async function swapIn(temporary: string, out: string): Promise<void> {
  if (!(await exists(out))) {
    await rename(temporary, out);
    return;
  }
  const aside = `${out}.old-${process.pid}-${randomBytes(3).toString('hex')}`;
  await rename(out, aside);
  try {
    await rename(temporary, out);
  } catch (error) {
    await rename(aside, out);
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

/**
 * Remove temporary folders of builds that were killed (Ctrl-C) before they could clean up: those whose
 * process is gone. A build still running elsewhere keeps its folder.
 */
async function removeAbandoned(out: string): Promise<void> {
  const pattern = new RegExp(`^${escapeRegExp(path.basename(out))}\\.tmp-(\\d+)-[0-9a-f]+$`);
  for (const name of await readdir(path.dirname(out)).catch(() => [] as string[])) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (pid && !isRunning(pid)) await rm(path.join(path.dirname(out), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A renderer's path must stay inside the output folder. */
function safeRelative(file: string): string {
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
async function checkOutputFolder(out: string, root: string): Promise<void> {
  const fromOut = path.relative(out, path.resolve(root));
  const outside = fromOut === '..' || fromOut.startsWith(`..${path.sep}`) || path.isAbsolute(fromOut);
  if (!outside) {
    throw new MonitorError(`--out ${out}: the output folder would contain the publication itself; choose a folder inside it, such as dist`);
  }
  if (!(await exists(out))) return;
  const info = await stat(out);
  if (!info.isDirectory()) throw new MonitorError(`--out ${out}: this is a file, not a folder; choose another output folder`);
  const names = await readdir(out);
  if (names.length > 0 && !names.includes('index.html')) {
    throw new MonitorError(`--out ${out}: this folder is not empty and holds no index.html, so it does not look like an earlier build; monitor replaces the output folder as a whole, so remove it or choose another --out`);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
