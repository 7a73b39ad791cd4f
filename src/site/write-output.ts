import { closeSync, fstatSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';

/** A file as it was written: its path relative to the output folder, its size and modification time. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Write `text` to `file` (relative, already checked to stay inside `folder`), making its folder once
 * (`madeFolders` remembers them). Over a hard link (`linked`) the target is unlinked first: writing into
 * it would change the previous output's file too, through the shared link.
 */
export function writeOutputFile(folder: string, file: string, text: string, linked: boolean, madeFolders: Set<string>): FileStamp {
  const target = path.join(folder, file);
  try {
    const parent = path.dirname(target);
    if (!madeFolders.has(parent)) {
      mkdirSync(parent, { recursive: true });
      madeFolders.add(parent);
    }
    if (linked) rmSync(target, { force: true });
    const descriptor = openSync(target, 'w');
    try {
      writeFileSync(descriptor, text, 'utf8');
      const { size, mtimeMs } = fstatSync(descriptor);
      return { path: file, size, mtimeMs };
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    throw new MonitorError(`cannot write the build output: ${(error as Error).message}`, { cause: error });
  }
}
