import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CANDIDATES_FOLDER } from '../content/index.js';
import type { Candidate } from './draft-candidate.js';
import { TEMPORARY_FOLDER, writeNewFile } from '../core/write-new-file.js';

/**
 * Write a candidate into issues/candidates/ whole (never a half-written or empty file) and without ever
 * replacing a file: when the name is taken (an edited candidate, or another story with the same headline),
 * `-2`, `-3`... is added. Returns the path relative to the root.
 */
export async function writeCandidate(root: string, candidate: Candidate): Promise<string> {
  const folder = path.join(root, 'issues', CANDIDATES_FOLDER);
  await mkdir(folder, { recursive: true });
  const stem = candidate.fileName.replace(/\.md$/, '');
  const written = await writeNewFile(root, candidate.text, (attempt) => path.join(folder, attempt === 1 ? `${stem}.md` : `${stem}-${attempt}.md`));
  if (written === undefined) throw new Error(`issues/${CANDIDATES_FOLDER}/ holds 100 candidates named ${stem}; no name is left for another`);
  return `issues/${CANDIDATES_FOLDER}/${path.basename(written)}`;
}

/** Replace a candidate's text at once: a temporary file in .monitor/tmp renamed over it, so it is never half-written. */
export async function rewriteCandidate(root: string, file: string, text: string): Promise<void> {
  const temporary = path.join(root, TEMPORARY_FOLDER, `${process.pid}-candidate-${randomBytes(6).toString('hex')}.tmp`);
  await mkdir(path.dirname(temporary), { recursive: true });
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, path.join(root, file));
  } catch (caught) {
    await rm(temporary, { force: true });
    throw caught;
  }
}
