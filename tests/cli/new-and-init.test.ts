import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { issueFile, runCli, writePublication } from '../helpers/sample-publication.js';

describe('monitor new', () => {
  it('creates the next issue as a draft a week after the last, and validate still passes', async () => {
    const root = await writePublication();
    const { code, stdout } = await runCli(['new'], root);
    expect(code).toBe(0);
    expect(stdout.trim().endsWith(path.join('issues', '3', 'issue.md'))).toBe(true);
    const text = await readFile(path.join(root, 'issues/3/issue.md'), 'utf8');
    expect(text).toBe('---\nnumber: 3\ndate: 2020-01-20\nauthor: Ada Example\nstatus: draft\n---\n');
    expect((await runCli(['validate'], root)).code).toBe(0);
  });

  it('follows the cadence of the last two issues', async () => {
    const root = await writePublication({ 'issues/2/issue.md': issueFile(2, '2020-01-20') });
    await runCli(['new'], root);
    expect(await readFile(path.join(root, 'issues/3/issue.md'), 'utf8')).toContain('date: 2020-02-03');
  });

  it('takes --date, --number and several --author flags', async () => {
    const root = await writePublication();
    const { code } = await runCli(['new', '--date', '2020-02-01', '--number', '7', '--author', 'Ann One', '--author', 'Bob Two'], root);
    expect(code).toBe(0);
    const text = await readFile(path.join(root, 'issues/7/issue.md'), 'utf8');
    expect(text).toContain('number: 7\ndate: 2020-02-01\nauthor:\n  - Ann One\n  - Bob Two\n');
  });

  it('refuses an existing number and leaves the issue untouched', async () => {
    const root = await writePublication();
    const before = await readFile(path.join(root, 'issues/2/issue.md'), 'utf8');
    const { code, stderr } = await runCli(['new', '--number', '2'], root);
    expect(code).toBe(1);
    expect(stderr).toContain('issue 2 already exists');
    expect(await readFile(path.join(root, 'issues/2/issue.md'), 'utf8')).toBe(before);
  });

  it('refuses a date before the last issue', async () => {
    const root = await writePublication();
    const { code, stderr } = await runCli(['new', '--date', '2019-12-01'], root);
    expect(code).toBe(1);
    expect(stderr).toContain('before 2020-01-13');
    await expect(stat(path.join(root, 'issues/3'))).rejects.toThrow();
  });

  it('rejects a malformed --date as a usage error', async () => {
    const root = await writePublication();
    expect((await runCli(['new', '--date', '2020-02-30'], root)).code).toBe(2);
  });

  it('does not reuse the number of a folder whose issue.md is broken', async () => {
    const root = await writePublication({ 'issues/3/issue.md': 'broken' });
    await runCli(['new'], root);
    expect(await readdir(path.join(root, 'issues'))).toContain('4');
  });
});

describe('monitor init', () => {
  const made: string[] = [];
  afterEach(async () => Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))));

  async function emptyFolder(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'monitor-init-'));
    made.push(dir);
    return dir;
  }

  it('scaffolds a publication without template copies that validates straight away', async () => {
    const dir = await emptyFolder();
    const { code, stdout } = await runCli(['init', 'news'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('Created a publication');
    const root = path.join(dir, 'news');
    const files = await readdir(root, { recursive: true });
    expect(files).toEqual(expect.arrayContaining(['monitor.config.yaml', path.join('feeds', 'sources.yaml'), path.join('issues', '1', 'issue.md'), '.gitignore']));
    expect(files).not.toContain('templates');
    const ignored = (await readFile(path.join(root, '.gitignore'), 'utf8')).split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['dist/', '.monitor-cache/', '.monitor/', 'feeds/.state.json', '/issue-*.eml']));
    const validation = await runCli(['validate', '--json'], root);
    expect(validation.code).toBe(0);
    expect(JSON.parse(validation.stdout)).toEqual({ errors: [], warnings: [] });
  });

  it('refuses a folder that is already a publication, changing nothing', async () => {
    const root = await writePublication();
    const before = await readFile(path.join(root, 'monitor.config.yaml'), 'utf8');
    const { code, stderr } = await runCli(['init'], root);
    expect(code).toBe(1);
    expect(stderr).toContain('this folder is a publication already');
    expect(await readFile(path.join(root, 'monitor.config.yaml'), 'utf8')).toBe(before);
  });

  it('refuses a non-empty folder unless --force, and then keeps existing files', async () => {
    const dir = await emptyFolder();
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    await writeFile(path.join(dir, '.gitignore'), 'custom\n');
    expect((await runCli(['init'], dir)).code).toBe(1);
    expect((await runCli(['init', '--force'], dir)).code).toBe(0);
    expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe('custom\n');
  });
});
