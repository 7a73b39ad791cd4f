import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/generate-archive.js';
import { main } from '../../src/cli/main.js';

const folders: string[] = [];

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function generated(options: { issues: number; seed: number }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'monitor-bench-test-'));
  folders.push(dir);
  generateArchive(dir, options);
  return dir;
}

/** Every file below `dir`, by relative path, with its bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  files.sort();
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(dir, file))] as const)));
}

describe('generateArchive', () => {
  it('writes a publication of the requested size: config, sources, an issue.md and five items per issue', async () => {
    const dir = await generated({ issues: 12, seed: 7 });
    const files = [...(await snapshot(dir)).keys()];
    expect(files).toContain('monitor.config.yaml');
    expect(files).toContain(path.join('feeds', 'sources.yaml'));
    expect(await readdir(path.join(dir, 'issues'))).toHaveLength(12);
    const issue = await readdir(path.join(dir, 'issues', '6'));
    expect(issue).toContain('issue.md');
    expect(issue.filter((name) => /^0[1-5]-[a-z0-9-]+\.md$/.test(name))).toHaveLength(5);
    const sources = await readFile(path.join(dir, 'feeds', 'sources.yaml'), 'utf8');
    expect(sources.match(/^- name:/gm)).toHaveLength(10);
    expect(sources).toContain('style: wire');
  });

  it('gives byte-identical files for the same seed', async () => {
    const first = await snapshot(await generated({ issues: 12, seed: 3 }));
    const second = await snapshot(await generated({ issues: 12, seed: 3 }));
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, bytes] of first) expect(second.get(file)?.equals(bytes), file).toBe(true);
  });

  it('gives different text for a different seed', async () => {
    const first = await snapshot(await generated({ issues: 12, seed: 3 }));
    const second = await snapshot(await generated({ issues: 12, seed: 4 }));
    const items = (files: Map<string, Buffer>) =>
      [...files].filter(([file]) => file.startsWith('issues')).map(([file, bytes]) => `${file}\n${bytes.toString('utf8')}`).join('\n');
    expect(items(second)).not.toEqual(items(first));
  });

  it('passes monitor validate with no errors and no warnings', async () => {
    const dir = await generated({ issues: 12, seed: 1 });
    let out = '';
    let err = '';
    const code = await main(['validate', '--root', dir, '--json'], { out: (text) => (out += text), err: (text) => (err += text) });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ errors: [], warnings: [] });
  });
});
