import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CANDIDATES_FOLDER } from '../content/index.js';
import { stableName } from './candidate-names.js';
import type { Candidate } from './draft-candidate.js';
import { TEMPORARY_FOLDER, writeNewFile } from '../core/write-new-file.js';

/**
 * Write a candidate into issues/candidates/ whole (never a half-written or empty file) and without ever
 * replacing a file: when the name is taken (an edited candidate, or another story with the same headline),
 * with or without a candidate's number, `-2`, `-3`... is added. Returns the path relative to the root.
 */
export async function writeCandidate(root: string, candidate: Candidate): Promise<string> {
  const folder = path.join(root, 'issues', CANDIDATES_FOLDER);
  await mkdir(folder, { recursive: true });
  const stem = candidate.fileName.replace(/\.md$/, '');
  // Taken names are compared without the candidates' numbers, so that an earlier name stays one candidate's.
  const taken = new Set((await readdir(folder)).map(stableName));
  const free = Array.from({ length: 200 }, (_, index) => (index === 0 ? `${stem}.md` : `${stem}-${index + 1}.md`)).filter((name) => !taken.has(name)).slice(0, 100);
  const written = free.length === 0 ? undefined : await writeNewFile(root, candidate.text, (attempt) => path.join(folder, free[attempt - 1]!), free.length);
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
