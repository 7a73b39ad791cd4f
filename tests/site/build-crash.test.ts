import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/index.js';
import { recoverOutput } from '../../src/site/recover-output.js';
import { CONFIG, issueFile, itemFile, writePublication } from '../helpers/sample-publication.js';
import { hashTree, leftovers } from './site-fixtures.js';

// Builds killed at the named points of src/site/fault-points.ts, in a child process running the compiled
// CLI (npm test compiles lib/ first), then built again: the result must be the site a clean build gives.

const BIN = path.resolve('bin/monitor.js');

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** `monitor build` in a child process, with a fault set at `point` (MONITOR_TEST_CRASH_AT or _FAIL_AT). */
function monitorBuild(root: string, fault: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...fault };
    execFile(process.execPath, [BIN, 'build', '--root', root], { env }, (error, stdout, stderr) => {
      const failure = error as (Error & { code?: number; signal?: string }) | null;
      resolve({ code: failure ? failure.code ?? null : 0, signal: failure?.signal ?? null, stdout, stderr });
    });
  });
}

/** The site a build from nothing gives, without any cache, built in a folder of its own then removed. */
async function cleanBuild(root: string): Promise<Map<string, string>> {
  const out = path.join(root, 'clean-dist');
  await buildSite(root, { out, cache: false });
  const hashes = await hashTree(out);
  await rm(out, { recursive: true, force: true });
  return hashes;
}

/** A site's files without its search index. */
function withoutIndex(files: Map<string, string>): Map<string, string> {
  return new Map([...files].filter(([file]) => !file.startsWith('search/index/')));
}

/** Files below `out` that are not part of a site: temporaries, hidden files, a journal. */
async function temporariesIn(out: string): Promise<string[]> {
  const names = await readdir(out, { recursive: true });
  return names.filter((name) => /(^|\/)\.|\.tmp$|\.part$|journal|staging/.test(name));
}

const THIRD = {
  'issues/3/issue.md': issueFile(3, '2020-01-20'),
  'issues/3/01-third.md': itemFile('Third week in the Duma', { categories: '[Russia]' }),
};

/** An edit after which the next build is a full one: the title is on every page. */
async function changeTitle(root: string): Promise<void> {
  await writeFile(path.join(root, 'monitor.config.yaml'), CONFIG.replace('title: Test Reform Monitor', 'title: Test Reform Weekly'));
}

/** An edit after which the next build is incremental: one item rewritten, the newest issue withdrawn. */
async function editAndWithdraw(root: string): Promise<void> {
  const item = path.join(root, 'issues/1/01-first.md');
  await writeFile(item, (await readFile(item, 'utf8')).replace('written for the tests.', 'written for the tests, then corrected.'));
  await rm(path.join(root, 'issues/3'), { recursive: true });
}

/** Build, edit, kill the next build at `point`; then what the output looks like and the site expected. */
async function crashAfterEdit(edit: (root: string) => Promise<void>, point: string) {
  const root = await writePublication(THIRD);
  const out = path.join(root, 'dist');
  expect((await monitorBuild(root)).code).toBe(0);
  await edit(root);
  const crashed = await monitorBuild(root, { MONITOR_TEST_CRASH_AT: point });
  expect(crashed.signal).toBe('SIGKILL');
  return { root, out, expected: await cleanBuild(root) };
}

describe('a full build killed at any point', () => {
  it.each(['full:written', 'full:set-aside'])('at %s: the next build gives the clean site and removes what the killed one left', async (point) => {
    const { root, out, expected } = await crashAfterEdit(changeTitle, point);
    expect(await leftovers(out)).not.toEqual([]);
    const next = await monitorBuild(root);
    expect(next.code).toBe(0);
    expect(await hashTree(out)).toEqual(expected);
    expect(await leftovers(out)).toEqual([]);
  }, 90_000);

  it('between the two renames: the dead build\'s complete new site is put in place before anything else', async () => {
    const { out, expected } = await crashAfterEdit(changeTitle, 'full:set-aside');
    recoverOutput(out);
    expect(await hashTree(out)).toEqual(expected);
    expect(await leftovers(out)).toEqual(['dist.lock']); // the dead build's lock, which the next build takes over
  }, 90_000);
});

describe('an incremental build killed at any point', () => {
  it.each(['changes:staged', 'changes:renamed-4', 'changes:removed'])(
    'at %s: no temporary file in dist/, and the next build gives the clean site', async (point) => {
      const { root, out, expected } = await crashAfterEdit(editAndWithdraw, point);
      expect(await temporariesIn(out)).toEqual([]);
      const next = await monitorBuild(root);
      expect(next.code).toBe(0);
      expect(await hashTree(out)).toEqual(expected);
      expect(await leftovers(out)).toEqual([]);
    }, 90_000,
  );

  it('halfway through its renames: the journal lets the next build finish the changes', async () => {
    const { out, expected } = await crashAfterEdit(editAndWithdraw, 'changes:renamed-4');
    expect(await hashTree(out)).not.toEqual(expected); // part old, part new
    recoverOutput(out);
    // The search index is replaced after the journal's changes, as a whole folder: the killed build
    // never got to it, so the previous index is still in place; the next build remakes it (above).
    expect(withoutIndex(await hashTree(out))).toEqual(withoutIndex(expected));
    expect([...(await hashTree(out)).keys()].some((file) => file === 'search/index/documents.json')).toBe(true);
    expect(await leftovers(out)).toEqual(['dist.lock']); // the dead build's lock, which the next build takes over
  }, 90_000);
});

describe('a build killed after writing its search index, before recording what it was made from', () => {
  it('leaves the next build to make the index again, even when an edit is undone in between', async () => {
    const root = await writePublication(THIRD);
    const out = path.join(root, 'dist');
    const item = path.join(root, 'issues/1/01-first.md');
    const text = await readFile(item, 'utf8');
    expect((await monitorBuild(root)).code).toBe(0);
    await writeFile(item, text.replace('written for the tests.', 'written about zebrafish.'));
    const crashed = await monitorBuild(root, { MONITOR_TEST_CRASH_AT: 'search:parts-kept' });
    expect(crashed.signal).toBe('SIGKILL');
    expect(await readFile(path.join(out, 'search/index/terms-ze.json'), 'utf8')).toContain('zebrafish');
    // Undone: the issues are those the index was recorded as made from before the killed build.
    await writeFile(item, text);
    expect((await monitorBuild(root)).code).toBe(0);
    expect(await hashTree(out)).toEqual(await cleanBuild(root));
  }, 90_000);
});

describe('a previous output that cannot be removed after the swap', () => {
  it('is a warning naming the folder: exit 0, the new site in place, the folder removed by a later build', async () => {
    const root = await writePublication();
    const out = path.join(root, 'dist');
    expect((await monitorBuild(root)).code).toBe(0);
    await changeTitle(root);
    const run = await monitorBuild(root, { MONITOR_TEST_FAIL_AT: 'remove-leftover' });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/dist\.old-\d+-[0-9a-f]+: warning: .*could not be removed.*EIO/);
    expect(run.stderr).not.toMatch(/bug/i);
    expect(await hashTree(out)).toEqual(await cleanBuild(root));
    expect(await leftovers(out)).toHaveLength(1);
    const later = await monitorBuild(root);
    expect(later.code).toBe(0);
    expect(later.stdout).toMatch(/^Nothing changed/);
    expect(await leftovers(out)).toEqual([]);
  }, 90_000);
});
