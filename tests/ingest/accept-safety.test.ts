import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/sample-publication.js';
import { writePublication } from './publication.js';

const CANDIDATE = `---
headline: Grain exporters get a workaround
sources:
  - publication: Capital Ledger
    date: 2024-03-05
    url: https://ledger.example/news/1
status: candidate
---
The finance ministry widened a payment channel for grain exporters.
`;

const roots: string[] = [];
let outside: string;

beforeAll(async () => {
  outside = await mkdtemp(path.join(tmpdir(), 'monitor-outside-'));
  await writeFile(path.join(outside, 'notes.md'), CANDIDATE);
});
afterAll(() => Promise.all([outside, ...roots].map((folder) => rm(folder, { recursive: true, force: true }))));

async function publication(): Promise<string> {
  const root = await writePublication({ 'Capital Ledger': 'https://ledger.example/rss' });
  roots.push(root);
  await mkdir(path.join(root, 'issues', 'candidates'));
  await writeFile(path.join(root, 'issues', 'candidates', '2024-03-05-grain-exporters.md'), CANDIDATE);
  return root;
}

const issueFiles = (root: string) => readdir(path.join(root, 'issues', '1')).then((names) => names.sort());

describe('monitor accept takes only a candidate', () => {
  it.each([
    ['a file outside the publication', () => path.join(outside, 'notes.md'), /it is not in issues\/candidates\//],
    ['the issue header', () => 'issues/1/issue.md', /it is not in issues\/candidates\//],
    ['an item reached through ..', () => 'issues/candidates/../1/01-earlier-story.md', /it is not in issues\/candidates\//],
    ['the folder above, by name', () => '..', /no candidate|not a candidate/],
  ])('refuses %s, moving and deleting nothing', async (_case, name, reason) => {
    const root = await publication();
    const before = await issueFiles(root);
    const header = await readFile(path.join(root, 'issues/1/issue.md'), 'utf8');
    const result = await runCli(['accept', name(), '--issue', '1'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).toMatch(/A candidate is a Markdown file that monitor ingest drafted in issues\/candidates\/|no candidate/);
    expect(await issueFiles(root)).toEqual(before);
    expect(await readFile(path.join(root, 'issues/1/issue.md'), 'utf8')).toBe(header);
    expect(await readFile(path.join(outside, 'notes.md'), 'utf8')).toBe(CANDIDATE);
  });

  it('refuses a link in issues/candidates/, a linked folder inside it, a folder, and a linked candidates folder', async () => {
    const root = await publication();
    const candidates = path.join(root, 'issues', 'candidates');
    await symlink(path.join(outside, 'notes.md'), path.join(candidates, 'linked.md'));
    await symlink(outside, path.join(candidates, 'elsewhere'));
    await mkdir(path.join(candidates, 'folder.md'));
    for (const [name, reason] of [['linked.md', /it is a symbolic link/], ['issues/candidates/elsewhere/notes.md', /it is not in issues\/candidates\//], ['folder.md', /it is not a file/]] as const) {
      const result = await runCli(['accept', name, '--issue', '1'], root);
      expect(result.code, name).toBe(1);
      expect(result.stderr).toMatch(reason);
    }
    expect(await readFile(path.join(outside, 'notes.md'), 'utf8')).toBe(CANDIDATE);
    await rm(candidates, { recursive: true });
    await symlink(outside, candidates);
    const linkedFolder = await runCli(['accept', 'notes.md', '--issue', '1'], root);
    expect(linkedFolder.stderr).toMatch(/issues\/candidates\/ is a link to a folder outside the publication/);
    expect(await readdir(outside)).toContain('notes.md');
    expect(await issueFiles(root)).toEqual(['01-earlier-story.md', 'issue.md']);
  });

  it('refuses a candidate that is not UTF-8, naming file and line, and keeps it', async () => {
    const root = await publication();
    const file = path.join(root, 'issues', 'candidates', 'undated-cafe.md');
    const bytes = Buffer.concat([Buffer.from('---\nheadline: A '), Buffer.from([0x43, 0x61, 0x66, 0xe9]), Buffer.from(' opens\nsources: []\n---\nText.\n')]);
    await writeFile(file, bytes);
    const result = await runCli(['accept', 'undated-cafe.md', '--issue', '1'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/issues\/candidates\/undated-cafe\.md:2: error: .*not valid UTF-8.*Nothing was moved/);
    expect(await readFile(file)).toEqual(bytes);
    expect(await issueFiles(root)).toEqual(['01-earlier-story.md', 'issue.md']);
  });

  it('after a kill between writing the item and removing the candidate, a retry removes the candidate and makes no second copy', async () => {
    const root = await publication();
    const candidate = path.join(root, 'issues', 'candidates', '2024-03-05-grain-exporters.md');
    expect((await runCli(['accept', '2024-03-05-grain-exporters.md', '--issue', '1'], root)).code).toBe(0);
    await writeFile(candidate, CANDIDATE); // as if the process had died before removing it
    const retry = await runCli(['accept', '2024-03-05-grain-exporters.md', '--issue', '1'], root);
    expect(retry.code).toBe(0);
    expect(retry.stderr).toMatch(/had been accepted already as issues\/1\/02-grain-exporters\.md/);
    expect(retry.stdout).toBe('issues/1/02-grain-exporters.md\n');
    expect(await issueFiles(root)).toEqual(['01-earlier-story.md', '02-grain-exporters.md', 'issue.md']);
    expect(await readdir(path.join(root, 'issues', 'candidates'))).toEqual([]);
    expect(await readdir(path.join(root, '.monitor', 'tmp'))).toEqual([]);
  });
});
