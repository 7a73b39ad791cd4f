import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writePublication } from '../helpers/publication.js';
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

const COMMANDS = ['init', 'new', 'validate', 'build', 'render', 'preview', 'send', 'export', 'ingest', 'accept'];

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
