import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CANDIDATES_FOLDER } from '../content/index.js';
import type { Candidate } from './draft-candidate.js';

/**
 * Write a candidate into issues/candidates/ without ever replacing a file: when the name is taken (an
 * edited candidate, or another story with the same headline), `-2`, `-3`... is added. Returns the path
 * relative to the root.
 */
export async function writeCandidate(root: string, candidate: Candidate): Promise<string> {
  const folder = path.join(root, 'issues', CANDIDATES_FOLDER);
  await mkdir(folder, { recursive: true });
  const stem = candidate.fileName.replace(/\.md$/, '');
  for (let attempt = 1; ; attempt += 1) {
    const name = attempt === 1 ? `${stem}.md` : `${stem}-${attempt}.md`;
    try {
      await writeFile(path.join(folder, name), candidate.text, { encoding: 'utf8', flag: 'wx' });
      return `issues/${CANDIDATES_FOLDER}/${name}`;
    } catch (caught) {
      if ((caught as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) throw caught;
    }
  }
}
