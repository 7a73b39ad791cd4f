import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateArchive } from '../../../bench/generate-archive.js';
import { createRandom } from '../../../bench/random.js';
import { ContentError } from '../../../src/core/errors.js';
import { formatProblem } from '../../../src/core/problems.js';
import { buildSite } from '../../../src/site/index.js';
import { hashTree } from '../site-fixtures.js';
import { ArchiveEditor } from './archive-edits.js';

/**
 * The randomized differential test of the incremental build: random edits to a generated archive,
 * and after each, the cached build (incremental, or unchanged) must equal a clean uncached build byte
 * for byte, with the same warnings, or fail with the same errors. About five seconds by default, on an
 * archive of 30-40 issues; `MONITOR_FUZZ_SECONDS=600` runs longer, through new seeds and archives of
 * 30-100 issues; `MONITOR_FUZZ_SEED=N` replays one seed (with the same MONITOR_FUZZ_SECONDS).
 */
const SECONDS = Number(process.env.MONITOR_FUZZ_SECONDS ?? 5);
const FIRST_SEED = Number(process.env.MONITOR_FUZZ_SEED ?? 1);

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** What a build gives to compare: its output files by hash and its warnings, or its error's problems. */
async function outcome(root: string, out: string, options: { drafts: boolean; cache: boolean }): Promise<unknown> {
  if (!options.cache) rmSync(out, { recursive: true, force: true });
  try {
    const summary = await buildSite(root, { out, ...options });
    return { files: Object.fromEntries(await hashTree(out)), warnings: summary.warnings.map(formatProblem) };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { error: error.problems.map(formatProblem) };
  }
}

/** Run one seed until `deadline`; returns the number of edits checked. */
async function runSeed(seed: number, deadline: number): Promise<number> {
  const random = createRandom(seed);
  const root = mkdtempSync(path.join(tmpdir(), 'monitor-differential-'));
  folders.push(root);
  // The first check builds the whole archive twice, past any deadline: a short run keeps it small.
  generateArchive(root, { issues: SECONDS > 5 ? random.int(30, 100) : random.int(30, 40), seed });
  const editor = new ArchiveEditor(root, random);
  const log: string[] = [];
  let edits = 0;
  do {
    const drafts = random.chance(0.3);
    const cached = await outcome(root, path.join(root, drafts ? 'dist-drafts' : 'dist'), { drafts, cache: true });
    const clean = await outcome(root, path.join(root, 'clean'), { drafts, cache: false });
    expect(cached, `seed ${seed}, after: ${log.join('; ') || 'nothing'} (drafts: ${drafts})`).toEqual(clean);
    log.push(editor.edit());
    edits += 1;
  } while (Date.now() < deadline);
  rmSync(root, { recursive: true, force: true });
  if (process.env.MONITOR_FUZZ_VERBOSE) process.stderr.write(`seed ${seed}: ${log.join('; ')}\n`);
  return edits;
}

describe('the incremental build after random edits', () => {
  it(`equals a clean build byte for byte, warnings and errors included (${SECONDS} s)`, async () => {
    const deadline = Date.now() + SECONDS * 1000;
    let seed = FIRST_SEED;
    let edits = 0;
    do edits += await runSeed(seed++, Math.min(deadline, Date.now() + 60_000));
    while (Date.now() < deadline && process.env.MONITOR_FUZZ_SEED === undefined);
    expect(edits).toBeGreaterThan(0);
  }, (SECONDS + 120) * 1000);
});
