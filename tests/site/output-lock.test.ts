import { spawn } from 'node:child_process';
import { access, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/index.js';
import { runCli, writePublication } from '../helpers/sample-publication.js';
import { hashTree, leftovers } from './site-fixtures.js';

/** A process that runs until it is stopped (a build still under way elsewhere), and how to stop it. */
function otherProcess(): { pid: number; stop: () => Promise<void> } {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { pid: child.pid!, stop: () => (child.kill(), exited) };
}

const exists = (file: string) => access(file).then(() => true, () => false);

describe('two builds into one output folder', () => {
  it('the second stops with a named error, exit 1, and leaves the output and the first build\'s lock alone', async () => {
    const root = await writePublication();
    await buildSite(root);
    const out = path.join(root, 'dist');
    const before = await hashTree(out);
    const other = otherProcess();
    try {
      await writeFile(`${out}.lock`, `${other.pid}\n`);
      const item = path.join(root, 'issues/1/01-first.md');
      await writeFile(item, (await readFile(item, 'utf8')).replace('Budget', 'Spending'));
      const result = await runCli(['build'], root);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`another monitor build (process ${other.pid}) is writing dist/`);
      expect(await hashTree(out)).toEqual(before);
      expect(await exists(`${out}.lock`)).toBe(true);
    } finally {
      await other.stop();
    }
  });

  it('a lock left by a build that died is taken over, and every build removes its own', async () => {
    const root = await writePublication();
    const out = path.join(root, 'dist');
    const dead = otherProcess();
    await dead.stop();
    await writeFile(`${out}.lock`, `${dead.pid}\n`);
    const summary = await buildSite(root);
    expect(summary.mode).toBe('full');
    expect(await leftovers(out)).toEqual([]);
    expect((await readdir(root)).filter((name) => name.endsWith('.lock'))).toEqual([]);
  });
});
