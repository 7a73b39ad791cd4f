import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/index.js';
import { writePublication } from '../helpers/publication.js';
import { hashTree, leftovers } from './site-fixtures.js';

// A full build renders its emails in a worker thread, which only the compiled lib/ can start (npm test
// compiles it first); the other tests run the sources, where emails are rendered on the main thread.
// These tests run the compiled command line and compare it with the sources.

const EXAMPLE = path.resolve('.');
const COMPILED_CLI = path.resolve('bin/monitor.js');

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'monitor-email-thread-'));
  folders.push(folder);
  return folder;
}

async function compiledBuild(root: string, out: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [COMPILED_CLI, 'build', '--root', root, '--out', out]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('a full build with its emails rendered in a worker thread', () => {
  it('writes the example publication byte for byte as a build that renders every email on the main thread', async () => {
    const folder = await temporaryFolder();
    const threaded = path.join(folder, 'threaded');
    const result = await compiledBuild(EXAMPLE, threaded);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Built 4 issues, \d+ pages, \d+ feeds into /);
    const single = path.join(folder, 'single');
    await buildSite(EXAMPLE, { out: single, cache: false });
    const files = await hashTree(threaded);
    expect([...files.keys()].filter((file) => file.endsWith('/email.html'))).toHaveLength(4);
    expect(files).toEqual(await hashTree(single));
  });

  it('hands an incremental build its changed emails back, and the output equals a clean build', async () => {
    const root = await writePublication();
    const out = path.join(root, 'dist');
    expect((await compiledBuild(root, out)).code).toBe(0);
    const item = path.join(root, 'issues/1/01-first.md');
    await writeFile(item, (await readFile(item, 'utf8')).replace('written for the tests.', 'written for the tests, then edited.'));
    const { code, stdout } = await compiledBuild(root, out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Updated 1 issue, /);
    expect(await readFile(path.join(out, 'issues/1/email.txt'), 'utf8')).toContain('then edited.');
    expect(await readFile(path.join(out, 'issues/1/email.html'), 'utf8')).toContain('then edited.');
    const clean = path.join(await temporaryFolder(), 'clean');
    await buildSite(root, { out: clean, cache: false });
    expect(await hashTree(out)).toEqual(await hashTree(clean));
  });

  it('exits 1 naming the template when its MJML is invalid, and leaves the previous dist/ as it was', async () => {
    const root = await writePublication();
    const out = path.join(root, 'dist');
    expect((await compiledBuild(root, out)).code).toBe(0);
    const before = await hashTree(out);
    const broken = await writePublication({
      'templates/email.mjml.hbs': '<mjml><mj-body><mj-column><mj-text>{{issue.title}}</mj-text></mj-column></mj-body></mjml>\n',
    });
    const { code, stdout, stderr } = await compiledBuild(broken, out);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('templates/email.mjml.hbs does not produce valid MJML');
    expect(stderr).not.toContain('    at ');
    expect(await hashTree(out)).toEqual(before);
    expect(await leftovers(out)).toEqual([]);
  });
});
