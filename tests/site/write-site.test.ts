import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MonitorError } from '../../src/core/errors.js';
import type { Problem } from '../../src/core/problems.js';
import { writeSite, type OutputFile } from '../../src/site/index.js';
import { hashTree, leftovers } from './site-fixtures.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function workspace(): Promise<{ root: string; out: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'monitor-write-'));
  folders.push(root);
  return { root, out: path.join(root, 'dist') };
}

async function* files(list: Array<[string, string]>, failAfter = Infinity): AsyncGenerator<OutputFile> {
  let count = 0;
  for (const [file, text] of list) {
    if (count++ >= failAfter) throw new Error('rendering failed');
    yield { path: file, text, kind: file.endsWith('.xml') ? 'feed' : 'page' };
  }
}

describe('writeSite', () => {
  it('writes the files and counts them by kind', async () => {
    const { root, out } = await workspace();
    const counts = await writeSite(files([['index.html', 'a'], ['issues/1/index.html', 'b'], ['feed.xml', '<rss/>']]), { out, root, keepPrevious: false });
    expect(counts).toEqual({ page: 2, email: 0, feed: 1, asset: 0 });
    expect(await readFile(path.join(out, 'issues/1/index.html'), 'utf8')).toBe('b');
    expect(await leftovers(out)).toEqual([]);
  });

  it('replaces the whole previous output, so files no longer built disappear', async () => {
    const { root, out } = await workspace();
    await writeSite(files([['index.html', 'old'], ['issues/9/index.html', 'gone']]), { out, root, keepPrevious: false });
    await writeSite(files([['index.html', 'new']]), { out, root, keepPrevious: false });
    expect([...(await hashTree(out)).keys()]).toEqual(['index.html']);
  });

  it('keeps the previous output byte for byte and leaves no temporary folder when rendering fails halfway', async () => {
    const { root, out } = await workspace();
    await writeSite(files([['index.html', 'one'], ['issues/1/index.html', 'two']]), { out, root, keepPrevious: false });
    const before = await hashTree(out);
    const failing = files([['index.html', 'changed'], ['issues/2/index.html', 'x'], ['feed.xml', 'y']], 2);
    await expect(writeSite(failing, { out, root, keepPrevious: false })).rejects.toThrow('rendering failed');
    expect(await hashTree(out)).toEqual(before);
    expect(await leftovers(out)).toEqual([]);
  });

  it('keeps the previous output and leaves no temporary folder when a file cannot be written', async () => {
    const { root, out } = await workspace();
    await writeSite(files([['index.html', 'one']]), { out, root, keepPrevious: false });
    const before = await hashTree(out);
    // issues/1 is written as a file, so the folder issues/1/ cannot be made for the next one.
    const clash = files([['index.html', 'two'], ['issues/1', 'a file'], ['issues/1/index.html', 'x'], ['feed.xml', 'y']]);
    await expect(writeSite(clash, { out, root, keepPrevious: false })).rejects.toThrow(/^cannot write the build output: (ENOTDIR|EEXIST).*issues\/1/);
    expect(await hashTree(out)).toEqual(before);
    expect(await leftovers(out)).toEqual([]);
  });

  it('tells of every file written with its size and status change time', async () => {
    const { root, out } = await workspace();
    const written: Array<{ path: string; kind: string; size: number }> = [];
    await writeSite(files([['index.html', 'é'], ['issues/1/index.html', 'abc'], ['feed.xml', '<rss/>']]), {
      out, root, keepPrevious: false, written: ({ path: file, kind, size, ctimeMs }) => {
        expect(ctimeMs).toBeGreaterThan(0);
        written.push({ path: file, kind, size });
      },
    });
    expect(written).toEqual([
      { path: 'index.html', kind: 'page', size: 2 },
      { path: 'issues/1/index.html', kind: 'page', size: 3 },
      { path: 'feed.xml', kind: 'feed', size: 6 },
    ]);
  });

  it('starts from a copy of the previous output when asked (a one-issue build)', async () => {
    const { root, out } = await workspace();
    await writeSite(files([['index.html', 'one'], ['issues/1/index.html', 'kept']]), { out, root, keepPrevious: false });
    await writeSite(files([['index.html', 'two']]), { out, root, keepPrevious: true });
    expect(await readFile(path.join(out, 'issues/1/index.html'), 'utf8')).toBe('kept');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('two');
  });

  it('in a one-issue build, never writes through to the previous output, even when the build then fails', async () => {
    const { root, out } = await workspace();
    await writeSite(files([['index.html', 'one'], ['issues/1/index.html', 'kept']]), { out, root, keepPrevious: false });
    const before = await hashTree(out);
    const failing = files([['index.html', 'overwritten'], ['issues/1/index.html', 'overwritten'], ['feed.xml', 'y']], 2);
    await expect(writeSite(failing, { out, root, keepPrevious: true })).rejects.toThrow('rendering failed');
    expect(await hashTree(out)).toEqual(before);
    expect(await leftovers(out)).toEqual([]);
  });

  it('removes the temporary folder of a killed build, but not one of a build still running', async () => {
    const { root, out } = await workspace();
    const running = otherBuild();
    try {
      const dead = `${out}.tmp-999999999-abc123`;
      const alive = `${out}.tmp-${running.pid}-def456`;
      await mkdir(path.join(dead, 'issues'), { recursive: true });
      await mkdir(alive);
      await writeSite(files([['index.html', 'x']]), { out, root, keepPrevious: false });
      expect(await leftovers(out)).toEqual([path.basename(alive)]);
    } finally {
      running.kill();
    }
  });

  it('takes a folder named with its own process id for a dead build\'s (in a container every run may be pid 1)', async () => {
    const { root, out } = await workspace();
    await writeSite(files([['index.html', 'first']]), { out, root, keepPrevious: false });
    await mkdir(path.join(`${out}.tmp-${process.pid}-abc123`, 'issues'), { recursive: true });
    await mkdir(path.join(`${out}.old-${process.pid}-abc123`, 'issues'), { recursive: true });
    await writeSite(files([['index.html', 'second']]), { out, root, keepPrevious: false });
    expect(await leftovers(out)).toEqual([]);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('second');
  });

  it('removes every folder a killed build left beside the output (new, set aside, staging), not those of a build still running', async () => {
    const { root, out } = await workspace();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!; // a process that has ended
    const running = otherBuild();
    try {
      await writeSite(files([['index.html', 'first']]), { out, root, keepPrevious: false });
      for (const name of [`old-${gone}-aaaaaa`, `tmp-${gone}-bbbbbb`, `staging-${gone}-cccccc/files`, `old-${running.pid}-dddddd`]) {
        await mkdir(path.join(`${out}.${name}`, 'issues'), { recursive: true });
      }
      await writeSite(files([['index.html', 'second']]), { out, root, keepPrevious: false });
      expect(await leftovers(out)).toEqual([`dist.old-${running.pid}-dddddd`]);
    } finally {
      running.kill();
    }
  });

  it('puts back the complete new site of a build killed between its two renames, before a one-issue build starts from it', async () => {
    const { root, out } = await workspace();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    await mkdir(`${out}.old-${gone}-abcdef`);
    await writeFile(path.join(`${out}.old-${gone}-abcdef`, 'index.html'), 'previous');
    await mkdir(`${out}.tmp-${gone}-abcdef`);
    await writeFile(path.join(`${out}.tmp-${gone}-abcdef`, 'index.html'), 'new and complete');
    await writeSite(files([['feed.xml', '<rss/>']]), { out, root, keepPrevious: true });
    expect(await readdir(out)).toEqual(['feed.xml', 'index.html']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('new and complete');
    expect(await leftovers(out)).toEqual([]);
  });

  it('puts back the previous output when the killed build had not finished its new site', async () => {
    const { root, out } = await workspace();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    await mkdir(`${out}.old-${gone}-abcdef`);
    await writeFile(path.join(`${out}.old-${gone}-abcdef`, 'index.html'), 'previous');
    await mkdir(`${out}.tmp-${gone}-012345`); // another build's, half written
    await writeSite(files([['feed.xml', '<rss/>']]), { out, root, keepPrevious: true });
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous');
    expect(await leftovers(out)).toEqual([]);
  });

  it('warns, and keeps the new site, when the previous output cannot be removed after the swap', async () => {
    const { root, out } = await workspace();
    await writeSite(files([['index.html', 'old']]), { out, root, keepPrevious: false });
    const warnings: Problem[] = [];
    process.env.MONITOR_TEST_FAIL_AT = 'remove-leftover';
    try {
      await writeSite(files([['index.html', 'new']]), { out, root, keepPrevious: false, warn: (problem) => warnings.push(problem) });
    } finally {
      delete process.env.MONITOR_TEST_FAIL_AT;
    }
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('new');
    const [aside] = await leftovers(out);
    expect(aside).toMatch(/^dist\.old-\d+-[0-9a-f]+$/);
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', file: path.join(root, aside!), message: expect.stringContaining('could not be removed') })]);
  });

  it('refuses a path that leaves the output folder', async () => {
    const { root, out } = await workspace();
    await expect(writeSite(files([['../escape.html', 'x']]), { out, root, keepPrevious: false })).rejects.toThrow('outside the output folder');
    expect(await leftovers(out)).toEqual([]);
  });

  it('refuses an output folder that holds the publication or does not look like a build', async () => {
    const { root, out } = await workspace();
    await expect(writeSite(files([]), { out: root, root, keepPrevious: false })).rejects.toThrow(MonitorError);
    await expect(writeSite(files([]), { out: path.dirname(root), root, keepPrevious: false })).rejects.toThrow('would contain the publication');
    await mkdir(out);
    await writeFile(path.join(out, 'notes.md'), 'precious');
    await expect(writeSite(files([['index.html', 'x']]), { out, root, keepPrevious: false })).rejects.toThrow('does not look like an earlier build');
    expect(await readFile(path.join(out, 'notes.md'), 'utf8')).toBe('precious');
  });
});

/** A process that stands for another build still running: alive until killed. */
function otherBuild(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
}
