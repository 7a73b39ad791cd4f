import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writePublication } from '../helpers/sample-publication.js';
import { hashTree } from '../site/site-fixtures.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/monitor.js');

/** Run the compiled binary (npm test compiles lib/ first) and collect exit code and output. */
async function monitor(args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (failure) {
    const { code, stdout, stderr } = failure as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const COMMANDS = ['init', 'new', 'validate', 'build', 'render', 'preview', 'send', 'export', 'ingest', 'accept', 'item', 'templates', 'import'];

describe('the monitor binary', () => {
  it('lists every command in --help and exits 0', async () => {
    const { code, stdout } = await monitor(['--help']);
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it.each(COMMANDS)('gives help for %s with --root among its options', async (command) => {
    const { code, stdout } = await monitor([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--root <dir>');
  });

  it('exits 2 on a bad command line', async () => {
    expect((await monitor(['validate', '--no-such-flag'])).code).toBe(2);
    expect((await monitor(['no-such-command'])).code).toBe(2);
    expect((await monitor(['render', 'x', '--format', 'pdf'])).code).toBe(2);
    for (const args of [['render', 'latest'], ['send', 'latest', '--to', 'ed@example.org'], ['export', 'latest']]) {
      const { code, stderr } = await monitor(args);
      expect(code).toBe(2);
      expect(stderr).toContain('expected a whole number such as 2359');
    }
  });

  it('reports a broken item with file and line, exit 1 and no stack trace', async () => {
    const root = await writePublication({ 'issues/2/01-sanctions.md': '---\nheadline: [oops\n---\nText\n' });
    const { code, stderr } = await monitor(['validate', '--root', root]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^issues\/2\/01-sanctions\.md:2:\d+: error: YAML syntax/m);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a folder without a publication clearly', async () => {
    const root = await writePublication({ 'monitor.config.yaml': null });
    const { code, stderr } = await monitor(['validate'], root);
    expect(code).toBe(1);
    expect(stderr).toContain('monitor.config.yaml: error: file not found. Is this a publication folder?');
  });

  it('finds the publication from a folder inside it, as git finds its repository', async () => {
    const root = await writePublication();
    const inside = path.join(root, 'issues', '2');
    const { code, stdout, stderr } = await monitor(['validate'], inside);
    expect(code).toBe(0);
    expect(stdout + stderr).toContain('2 issues checked: valid');
    const built = await monitor(['build'], inside);
    expect(built.code).toBe(0);
    expect(existsSync(path.join(root, 'dist', 'index.html'))).toBe(true);
    expect(existsSync(path.join(inside, 'dist'))).toBe(false);
  });

  it('says so when --root names a folder that does not exist, and writes nothing', async () => {
    const missing = path.join(await writePublication(), 'no-such-folder');
    const { code, stderr } = await monitor(['build', '--root', missing]);
    expect(code).toBe(1);
    expect(stderr).toContain(`the folder ${missing} (given with --root) does not exist`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(missing)).toBe(false);
  });

  it('shows no empty default for repeatable options in --help', async () => {
    for (const command of ['new', 'send']) {
      const { stdout } = await monitor([command, '--help']);
      expect(stdout).not.toContain('(default: [])');
    }
  });

  it('builds from its bundle (lib/bundle/) exactly what the unbundled lib/ builds', async () => {
    expect(existsSync(path.resolve('lib/bundle/main.js'))).toBe(true);
    const root = await writePublication();
    expect((await monitor(['build', '--root', root, '--out', 'bundled'])).code).toBe(0);
    const script = `
      const { main } = await import(${JSON.stringify(path.resolve('lib/cli/main.js'))});
      process.exitCode = await main(['build', '--root', ${JSON.stringify(root)}, '--out', 'unbundled'], { out() {}, err() {} });
    `;
    await run(process.execPath, ['--input-type=module', '-e', script]);
    const bundled = await hashTree(path.join(root, 'bundled'));
    expect(bundled.size).toBeGreaterThan(10);
    expect(await hashTree(path.join(root, 'unbundled'))).toEqual(bundled);
  });

  it('loads neither MJML nor the feed parser for --help', async () => {
    const script = `
      import { createRequire } from 'node:module';
      const { main } = await import(${JSON.stringify(path.resolve('lib/cli/main.js'))});
      await main(['--help'], { out() {}, err() {} });
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify(loaded.filter((file) => /node_modules\\/(mjml|rss-parser|handlebars|marked)\\//.test(file))));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    expect(JSON.parse(stdout)).toEqual([]);
  });
});
