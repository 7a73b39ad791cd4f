/**
 * The bench's working folder in the system temp folder: the synthetic publication, the large feed and the
 * Hugo twin of the publication. Keyed by a hash of the options and of the generators' source, so a second
 * run with the same seed and size reuses it, and a changed generator never reuses stale files.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArchive } from './generate-archive.js';
import { generateFeed } from './generate-feed.js';
import { generateHugoSite } from './generate-hugo-site.js';

const GENERATORS = ['random.js', 'words.js', 'archive-model.js', 'generate-archive.js', 'generate-feed.js', 'generate-hugo-site.js'];
const BENCH = fileURLToPath(new URL('./', import.meta.url));

/**
 * @typedef {object} Workspace
 * @property {string} dir
 * @property {string} publication   the monitor publication folder
 * @property {string} feedFile
 * @property {string} feedUrl
 * @property {number} feedBytes
 * @property {string} hugoSite
 * @property {string} hugoOut
 * @property {boolean} reused
 * @property {number} issues
 * @property {number} seed
 */

/**
 * @param {{ issues: number, seed: number }} options
 * @param {(message: string) => void} progress
 * @returns {Workspace}
 */
export function prepareWorkspace({ issues, seed }, progress) {
  const hash = createHash('sha256').update(JSON.stringify({ issues, seed }));
  for (const file of GENERATORS) hash.update(readFileSync(path.join(BENCH, file)));
  const dir = path.join(os.tmpdir(), `monitor-bench-${hash.digest('hex').slice(0, 16)}`);
  const ready = path.join(dir, 'ready.json');
  const reused = existsSync(ready);
  if (!reused) {
    progress(`generating a ${issues}-issue archive (seed ${seed}) into ${dir}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    generateArchive(path.join(dir, 'publication'), { issues, seed });
    const feed = generateFeed({ seed });
    writeFileSync(path.join(dir, 'feed.xml'), feed.xml);
    generateHugoSite(path.join(dir, 'hugo-site'), { issues, seed });
    writeFileSync(ready, `${JSON.stringify({ issues, seed, feedUrl: feed.url, feedBytes: Buffer.byteLength(feed.xml) })}\n`);
  } else {
    progress(`reusing the ${issues}-issue archive (seed ${seed}) in ${dir}`);
  }
  const { feedUrl, feedBytes } = JSON.parse(readFileSync(ready, 'utf8'));
  return {
    dir, publication: path.join(dir, 'publication'), feedFile: path.join(dir, 'feed.xml'), feedUrl, feedBytes,
    hugoSite: path.join(dir, 'hugo-site'), hugoOut: path.join(dir, 'hugo-out'), reused, issues, seed,
  };
}

/**
 * Clear an output folder before a cold run by moving it into the workspace's set-aside folder (a rename)
 * rather than deleting it there and then. On a file system without a journal (ext4 here), the inodes of
 * files deleted in the last seconds are skipped, one by one, by every file created after them: deleting
 * the last run's 7,650 files right before the next cold build added seconds to that build's writing, a
 * cost of the bench's own clean-up that a first build on an editor's machine does not pay. The folders
 * set aside are deleted by emptySetAside, once nothing is being timed. With `deleteNow`, the folder is
 * deleted at once instead (as `rm -rf` would), to measure that case.
 * @param {Workspace} workspace
 * @param {string} folder
 * @param {boolean} deleteNow
 */
export function clearOutput(workspace, folder, deleteNow) {
  if (!existsSync(folder)) return;
  if (deleteNow) {
    rmSync(folder, { recursive: true, force: true });
    return;
  }
  const aside = path.join(workspace.dir, SET_ASIDE);
  mkdirSync(aside, { recursive: true });
  renameSync(folder, path.join(aside, `${readdirSync(aside).length}-${path.basename(folder)}`));
}

/**
 * Delete what clearOutput set aside (call before and after timing anything).
 * @param {Workspace} workspace
 */
export function emptySetAside(workspace) {
  rmSync(path.join(workspace.dir, SET_ASIDE), { recursive: true, force: true });
}

const SET_ASIDE = 'set-aside';

/**
 * Edit one item in place for a while: the third of issue `number` (by default the middle issue of the
 * archive, which no feed carries). Until `restore` runs, the workspace is not reusable (the marker is
 * removed), so an interrupted bench regenerates it instead of timing a changed archive.
 * @param {Workspace} workspace
 * @param {number} [number]
 * @returns {{ file: string, appendWord: () => void, restore: () => void }}
 */
export function editableItem(workspace, number = Math.ceil(workspace.issues / 2)) {
  const folder = path.join(workspace.publication, 'issues', String(number));
  const name = readdirSync(folder).filter((entry) => entry !== 'issue.md').sort()[2] ?? '';
  const file = path.join(folder, name);
  const original = readFileSync(file);
  const ready = path.join(workspace.dir, 'ready.json');
  const marker = readFileSync(ready);
  return {
    file,
    appendWord() {
      rmSync(ready, { force: true });
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\n$/, ' again\n'));
    },
    restore() {
      writeFileSync(file, original);
      writeFileSync(ready, marker);
    },
  };
}
