import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import { readTextFile } from '../core/read-text.js';
import { CANDIDATES_FOLDER } from '../content/index.js';
import { isNumbered, stableName } from './candidate-names.js';

const FOLDER = `issues/${CANDIDATES_FOLDER}`;

/**
 * The candidate an editor named, as a path relative to the root: a plain file name in issues/candidates/
 * (with or without `.md`; with its number, an earlier one or none) or a path to one. Only a regular
 * Markdown file directly in that folder is a candidate; a link, a folder, or a file anywhere else (reached
 * through `..` or a linked folder) is refused, since accepting moves the file and deletes the original.
 */
export async function findCandidate(root: string, name: string): Promise<string> {
  const folder = path.join(root, FOLDER);
  const realFolder = await realpath(folder).catch(() => undefined);
  if (realFolder === undefined) throw new MonitorError(`no candidate "${name}": there is no ${FOLDER}/ folder; run "monitor ingest" first`);
  if (!isInside(await realpath(root), realFolder)) throw notCandidate(name, `${FOLDER}/ is a link to a folder outside the publication`);
  const plain = path.basename(name) === name && name !== '.' && name !== '..';
  const tries = plain ? [path.join(folder, name), path.join(folder, `${name}.md`)] : [path.resolve(root, name), path.resolve(name)];
  const known = (await readdir(folder).catch(() => [] as string[])).filter((file) => file.endsWith('.md')).sort();
  // Ingest renumbers candidates by rank: a name printed before that (or without its number) still finds the candidate.
  const base = path.basename(name).endsWith('.md') ? path.basename(name) : `${path.basename(name)}.md`;
  const inFolder = plain || path.dirname(path.resolve(root, name)) === folder;
  const renumbered = inFolder ? known.filter((file) => isNumbered(file) && stableName(file) === stableName(base)) : [];
  if (renumbered.length === 1) tries.push(path.join(folder, renumbered[0]!));
  for (const tried of tries) {
    const info = await lstat(tried).catch(() => undefined);
    if (info === undefined) continue;
    if (info.isSymbolicLink()) throw notCandidate(name, 'it is a symbolic link');
    if (!info.isFile()) throw notCandidate(name, 'it is not a file');
    if ((await realpath(path.dirname(tried))) !== realFolder) throw notCandidate(name, `it is not in ${FOLDER}/`);
    if (!tried.endsWith('.md')) throw notCandidate(name, 'it is not a Markdown (.md) file');
    return `${FOLDER}/${path.basename(tried)}`;
  }
  if (!plain && !isInside(folder, path.resolve(root, name))) throw notCandidate(name, `it is not in ${FOLDER}/`);
  const list = known.length > 0 ? ` Candidates in ${FOLDER}/: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', ...' : ''}` : ` ${FOLDER}/ holds no candidate; run "monitor ingest" first.`;
  throw new MonitorError(`no candidate "${name}".${list}`);
}

/** A candidate's text, read as strict UTF-8; bytes that are not UTF-8 are an error naming the line. */
export async function readCandidateText(root: string, candidate: string): Promise<string> {
  const read = readTextFile(root, candidate);
  if (read.text !== undefined) return read.text;
  throw new MonitorError(`${read.problem.message}. Nothing was moved.`, { place: { file: candidate, line: read.problem.line, column: 0, path: '' } });
}

function notCandidate(name: string, reason: string): MonitorError {
  return new MonitorError(
    `"${name}" is not a candidate: ${reason}. A candidate is a Markdown file that monitor ingest drafted in ${FOLDER}/; ` +
      `name it by its file name, such as 2024-03-05-grain-exporters.md, or by its path, ${FOLDER}/2024-03-05-grain-exporters.md. Nothing was moved.`,
  );
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
