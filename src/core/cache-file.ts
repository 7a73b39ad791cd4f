import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The one file format of every cache in `.monitor-cache/`: a line with the sha1 of the cache's key and
 * of the body, then the body. The key names what the body depends on (the cache's format, monitor's
 * version or code, packages' versions), so a file written under another key fails the same check as a
 * damaged one: reading it is a miss, never an error. Nothing read from a cache is ever executed.
 */
const NEWLINE = 10;
const SUM_LENGTH = 40;

/** The body of a cache file written under `key`; undefined when it is missing, damaged, truncated or of another key. */
export function readCacheFile(file: string, key: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  if (data.length <= SUM_LENGTH || data[SUM_LENGTH] !== NEWLINE) return undefined;
  const body = data.subarray(SUM_LENGTH + 1);
  return data.toString('latin1', 0, SUM_LENGTH) === checksum(key, body) ? body : undefined;
}

/** The body of a cache file as text (see readCacheFile). */
export function readCacheText(file: string, key: string): string | undefined {
  return readCacheFile(file, key)?.toString('utf8');
}

/**
 * Write a cache file atomically (a temporary file `<name>.<pid>.tmp` renamed into place, so a reader
 * never sees half of it, and an abandoned one is recognised and removed). Throws on failure: whether
 * that fails the run is for the cache to say (it never should).
 */
export function writeCacheFile(file: string, key: string, body: string | Buffer): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${checksum(key, bytes)}\n`), bytes]));
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Remove a cache file; never fails (a file that cannot be removed is one a later read checks anyway). */
export function removeCacheFile(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // see above
  }
}

function checksum(key: string, body: Buffer): string {
  return createHash('sha1').update(key).update('\0').update(body).digest('hex');
}
