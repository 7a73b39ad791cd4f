import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MonitorError } from '../../src/core/errors.js';
import type { OutputFile } from '../../src/site/index.js';
import { recoverOutput } from '../../src/site/recover-output.js';
import { writeChanges } from '../../src/site/write-changes.js';
import { hashTree, leftovers } from './site-fixtures.js';

const folders: string[] = [];
afterEach(async () => {
  delete process.env.MONITOR_TEST_FAIL_AT;
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** An output folder holding `files`, and a twin holding what it should hold after the changes. */
async function outputs(files: Record<string, string>, after: Record<string, string>): Promise<{ out: string; expected: Map<string, string> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'monitor-changes-'));
  folders.push(root);
  const write = async (folder: string, list: Record<string, string>) => {
    for (const [file, text] of Object.entries(list)) {
      await mkdir(path.dirname(path.join(root, folder, file)), { recursive: true });
      await writeFile(path.join(root, folder, file), text);
    }
  };
  await write('dist', files);
  await write('expected', after);
  return { out: path.join(root, 'dist'), expected: await hashTree(path.join(root, 'expected')) };
}

const page = (file: string, text: string): OutputFile => ({ path: file, text, kind: 'page' });
const BEFORE = { 'index.html': 'archive 1', 'issues/1/index.html': 'one', 'issues/2/index.html': 'two', 'feed.xml': 'feed 1' };
const CHANGES = [page('index.html', 'archive 2'), page('issues/1/index.html', 'one, corrected'), page('issues/3/index.html', 'three')];
const AFTER = { 'index.html': 'archive 2', 'issues/1/index.html': 'one, corrected', 'issues/3/index.html': 'three', 'feed.xml': 'feed 1' };

/** Every file below `out`, to see that none is a temporary. */
async function names(out: string): Promise<string[]> {
  return (await readdir(out, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
}

describe('writeChanges', () => {
  it('renames the changed files into place and deletes the withdrawn ones, leaving nothing beside the output', async () => {
    const { out, expected } = await outputs(BEFORE, AFTER);
    expect(writeChanges(out, CHANGES, ['issues/2/index.html'])).toEqual({ page: 3, email: 0, feed: 0, asset: 0 });
    expect(await hashTree(out)).toEqual(expected);
    expect(await readdir(path.join(out, 'issues'))).toEqual(['1', '3']);
    expect(await leftovers(out)).toEqual([]);
  });

  it('stages outside the output: failing before the first rename leaves it byte for byte, with no temporary anywhere', async () => {
    const { out } = await outputs(BEFORE, AFTER);
    const before = await hashTree(out);
    process.env.MONITOR_TEST_FAIL_AT = 'changes:staged';
    expect(() => writeChanges(out, CHANGES, ['issues/2/index.html'])).toThrow(MonitorError);
    expect(await hashTree(out)).toEqual(before);
    expect(await names(out)).toEqual(['feed.xml', 'index.html', 'index.html', 'index.html']);
    expect(await leftovers(out)).toEqual([]);
  });

  it('failing halfway through its renames, keeps a journal beside the output that the next build finishes', async () => {
    const { out, expected } = await outputs(BEFORE, AFTER);
    process.env.MONITOR_TEST_FAIL_AT = 'changes:renamed-2';
    expect(() => writeChanges(out, CHANGES, ['issues/2/index.html'])).toThrow(/the next build makes them/);
    delete process.env.MONITOR_TEST_FAIL_AT;
    expect((await names(out)).every((name) => name.endsWith('.html') || name === 'feed.xml')).toBe(true);
    // As though the failed build's process had ended, as a command line's does.
    const [staging] = await leftovers(out);
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    await rename(path.join(path.dirname(out), staging!), `${out}.staging-${gone}-abcdef`);
    recoverOutput(out);
    expect(await hashTree(out)).toEqual(expected);
    expect(await leftovers(out)).toEqual([]);
  });

  it('removes the staging folder of a build that died before its journal, leaving the output as it was', async () => {
    const { out } = await outputs(BEFORE, AFTER);
    const before = await hashTree(out);
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    await mkdir(`${out}.staging-${gone}-abcdef/files/issues/1`, { recursive: true });
    await writeFile(`${out}.staging-${gone}-abcdef/files/issues/1/index.html`, 'half');
    recoverOutput(out);
    expect(await hashTree(out)).toEqual(before);
    expect(await leftovers(out)).toEqual([]);
  });
});
