// Writing one output file, shared by the two threads that write a build's files: write-worker.js (the
// pages, feeds and, in the main thread's stead, any file) and email-worker.ts (the emails it renders).
// Plain JavaScript so that write-worker.js, itself plain JavaScript, can import it from the sources too.
import { closeSync, fstatSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Write `text` to `file` (relative, already checked to stay inside `folder`), making its folder once
 * (`madeFolders` remembers them). Over a hard link (`linked`) the target is unlinked first: writing into
 * it would change the previous output's file too, through the shared link.
 *
 * @param {string} folder
 * @param {string} file
 * @param {string} text
 * @param {boolean} linked
 * @param {Set<string>} madeFolders
 * @returns {[string, number, number]} the file's path, size and mtimeMs
 */
export function writeOutputFile(folder, file, text, linked, madeFolders) {
  const target = path.join(folder, file);
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
    return [file, size, mtimeMs];
  } finally {
    closeSync(descriptor);
  }
}
