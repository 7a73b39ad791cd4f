import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import path from 'node:path';
import { error, wholeFile, type Problem } from './problems.js';

/** Editors' files are small; anything larger is a mistake (a pasted PDF, a log), not a newsletter item. */
export const MAX_TEXT_FILE_BYTES = 1024 * 1024;

/** A file's change time and size, as a cache compares them (see content/content-cache.ts). */
export interface FileStamp {
  ctimeMs: number;
  size: number;
}

/** The text of a file, with the stamp of the file that was read (taken on the open file, before reading it). */
export type TextFile = { text: string; stamp: FileStamp; problem?: undefined } | { text?: undefined; stamp?: undefined; problem: Problem };

/** One buffer for every read: files are read one at a time, and most are a few hundred bytes. */
let buffer = Buffer.alloc(64 * 1024);
/** Strict: bytes that are not UTF-8 throw rather than turn into U+FFFD. A leading BOM is dropped. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Read at most `limit` bytes of an open file into the shared buffer; returns how many. */
function readUpTo(descriptor: number, limit: number): number {
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) break;
      buffer = Buffer.concat([buffer, Buffer.alloc(Math.min(buffer.length, limit - length))]);
    }
    const count = readSync(descriptor, buffer, length, buffer.length - length, null);
    if (count === 0) break;
    length += count;
  }
  return length;
}

/**
 * Read an editor's text file as UTF-8. Missing, oversized, binary or badly encoded files come back as a
 * problem naming the file (relative to `root`), never as an exception.
 */
export function readTextFile(root: string, relativePath: string): TextFile {
  const place = wholeFile(relativePath);
  let descriptor: number | undefined;
  let bytes = Buffer.alloc(0);
  try {
    // Never through a link (it would publish its target), and without waiting (opening a FIFO to read
    // waits for a writer forever); what was opened is then asked what it is, so nothing can be swapped
    // in between. Synchronous on purpose: an archive is thousands of small files, and the thread pool
    // behind fs/promises costs more per file than the read itself.
    descriptor = openSync(path.join(root, relativePath), OPEN_TO_READ);
    const stats = fstatSync(descriptor);
    if (!stats.isFile() && !stats.isDirectory()) return { problem: error(place, notRegularFile(relativePath, stats)) };
    const length = readUpTo(descriptor, MAX_TEXT_FILE_BYTES + 1); // may replace the buffer with a larger one
    bytes = buffer.subarray(0, length);
    if (bytes.length > MAX_TEXT_FILE_BYTES) {
      const megabytes = (fstatSync(descriptor).size / 1024 / 1024).toFixed(1);
      return { problem: error(place, `file is ${megabytes} MB; monitor reads text files up to 1 MB. Is this the right file?`) };
    }
    if (bytes.includes(0)) return { problem: error(place, 'file holds binary data, not text; save it as UTF-8 text') };
    const text = utf8.decode(bytes);
    return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, stamp: { ctimeMs: stats.ctimeMs, size: stats.size } };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: error({ ...place, line: 0, column: 0 }, 'file not found') };
    if (code === 'EISDIR') return { problem: error(place, 'this is a folder, not a file') };
    if (code === 'ELOOP') return { problem: error(place, symbolicLink(relativePath)) };
    if (code === 'ENXIO') return { problem: error(place, notAFile(relativePath, 'a socket')) };
    if (cause instanceof TypeError) {
      return { problem: error({ ...place, line: firstBadLine(bytes), column: 1 }, 'file is not valid UTF-8 text; save it with UTF-8 encoding') };
    }
    return { problem: error(place, `cannot read file: ${(cause as Error).message}`) };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** The line (from 1) holding the first bytes that are not UTF-8; each line decoded once, so linear. */
export function firstBadLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for (let start = 0; start <= bytes.length; line += 1) {
    const end = bytes.indexOf(10, start);
    const stop = end === -1 ? bytes.length : end;
    try {
      decoder.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    start = stop + 1;
  }
  return line - 1;
}

/** What a path that is not a regular file is, in words, and what to do instead. */
function notRegularFile(relativePath: string, stats: Stats): string {
  if (stats.isSymbolicLink()) return symbolicLink(relativePath);
  return notAFile(relativePath, stats.isFIFO() ? 'a named pipe (FIFO)' : stats.isSocket() ? 'a socket' : 'a device');
}

const ONLY_FILES = 'monitor reads only regular files';

function symbolicLink(relativePath: string): string {
  return `${relativePath} is a symbolic link; ${ONLY_FILES}: copy the file here instead`;
}

function notAFile(relativePath: string, kind: string): string {
  return `${relativePath} is ${kind}, not a file; ${ONLY_FILES}: remove it, or put the file itself here`;
}

/** Read only, never following a link, never waiting for a writer (a FIFO). Windows has neither flag, nor FIFOs. */
const OPEN_TO_READ = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
