import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import { firstBadLine } from '../core/read-text.js';
import { htmlBlocks } from './html-blocks.js';
import { textBlocks } from './text-blocks.js';
import type { Block } from './types.js';

/** Endings of the files an import reads from a folder. */
const READABLE = /\.(txt|text|md|markdown|html?)$/i;

/**
 * The files named on the command line, a folder standing for the readable files below it (sorted, so
 * runs are repeatable). A name that does not exist stops the import before anything is written.
 */
export async function listInputs(cwd: string, names: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const name of names) {
    const full = path.resolve(cwd, name);
    const info = await stat(full).catch(() => undefined);
    if (!info) throw new MonitorError(`${name}: no such file or folder to import`);
    if (info.isDirectory()) {
      const entries = await readdir(full, { recursive: true, withFileTypes: true }).catch((cause: Error) => {
        throw new MonitorError(`${name}: cannot read this folder (${cause.message})`, { cause });
      });
      const found = entries.filter((entry) => entry.isFile() && READABLE.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name));
      files.push(...found.sort());
    } else if (info.isFile()) {
      files.push(full);
    } else {
      throw new MonitorError(`${name}: not a regular file (a device, pipe or socket); name a file or a folder of published issues`);
    }
  }
  return [...new Set(files)];
}

/** The blocks of one input, or why it cannot be read. */
export type InputBlocks = { ok: true; blocks: Block[] } | { ok: false; line: number; message: string };

/** Read one input as strict UTF-8 and split it into blocks: HTML by its ending or its first tag. */
export async function readInputBlocks(file: string): Promise<InputBlocks> {
  const bytes = await readFile(file).catch((cause: NodeJS.ErrnoException) => cause);
  if (bytes instanceof Error) return { ok: false, line: 1, message: `cannot read the file (${bytes.code ?? bytes.message})` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, line: firstBadLine(bytes), message: 'the file is not UTF-8 text; save it as UTF-8 and import it again' };
  }
  const html = /\.html?$/i.test(file) || /^\s*(<!doctype html|<html[\s>])/i.test(text);
  return { ok: true, blocks: html ? htmlBlocks(text) : textBlocks(text) };
}
