import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/sample-publication.js';
import { readItemFile } from '../../src/content/index.js';
import { nextItemFileName } from '../../src/content/index.js';
import { candidateToItem } from '../../src/ingest/candidate-to-item.js';
import { writePublication } from './publication.js';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

const GOOD = `---
headline: 'Grain exporters get a "sanctions" workaround'
categories:
  - Economic Sanctions
sources:
  - publication: Capital Ledger
    date: 2024-03-05
    url: https://ledger.example/news/1
status: candidate
---
The finance ministry widened a payment channel for grain exporters.
`;

const UNDATED = `---
headline: Undated story
sources:
  - publication: Capital Ledger
    url: https://ledger.example/news/2
status: candidate
flags:
  - the feed gives no usable date for this story; add sources[0].date, the day it appeared
---
Some text.
`;

async function publicationWithCandidates(files: Record<string, string>): Promise<string> {
  const root = await writePublication({ 'Capital Ledger': 'https://ledger.example/rss' });
  roots.push(root);
  await mkdir(path.join(root, 'issues', 'candidates'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, 'issues', 'candidates', name), text);
  return root;
}

async function monitor(root: string, ...args: string[]) {
  const { code, stdout: out, stderr: err } = await runCli(args, root);
  return { code, out, err };
}

describe('monitor accept', () => {
  it('moves a candidate into the newest draft issue as its next item, without status, and it validates', async () => {
    const root = await publicationWithCandidates({ '2024-03-05-grain-exporters.md': GOOD });
    const result = await monitor(root, 'accept', '2024-03-05-grain-exporters.md');
    expect(result.err).toBe('accepted issues/candidates/2024-03-05-grain-exporters.md into issue 1 as issues/1/02-grain-exporters.md\n');
    expect(result.code).toBe(0);
    expect(await readdir(path.join(root, 'issues', 'candidates'))).toEqual([]);
    const text = await readFile(path.join(root, 'issues/1/02-grain-exporters.md'), 'utf8');
    expect(text).not.toContain('status');
    const { item, problems } = await readItemFile(root, 'issues/1/02-grain-exporters.md');
    expect(problems).toEqual([]);
    expect(item?.headline).toBe('Grain exporters get a "sanctions" workaround');
    expect((await monitor(root, 'validate')).code).toBe(0);
  });

  it('reports the flags and the missing date of a flagged candidate, and exits 1', async () => {
    const root = await publicationWithCandidates({ 'undated-undated-story.md': UNDATED });
    const result = await monitor(root, 'accept', 'issues/candidates/undated-undated-story.md', '--issue', '1');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/flagged this draft: the feed gives no usable date/);
    expect(result.err).toMatch(/issues\/1\/02-undated-story\.md:\d+:\d+: error: the first source has no date/);
  });

  it('fails clearly, losing nothing, when the issue does not exist or there is no draft issue', async () => {
    const root = await publicationWithCandidates({ '2024-03-05-grain-exporters.md': GOOD });
    const missing = await monitor(root, 'accept', '2024-03-05-grain-exporters.md', '--issue', '9');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/issue 9 does not exist/);
    await writeFile(path.join(root, 'issues/1/issue.md'), '---\nnumber: 1\ndate: 2024-03-08\nauthor: Test Editor\nstatus: published\n---\n');
    const none = await monitor(root, 'accept', '2024-03-05-grain-exporters.md');
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no draft issue/);
    expect(await readdir(path.join(root, 'issues', 'candidates'))).toEqual(['2024-03-05-grain-exporters.md']);
  });

  it('names the candidates when the one asked for does not exist', async () => {
    const root = await publicationWithCandidates({ '2024-03-05-grain-exporters.md': GOOD });
    const result = await monitor(root, 'accept', 'nope.md');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no candidate "nope.md".*2024-03-05-grain-exporters.md/);
  });
});

describe('candidate to item', () => {
  it('drops status and flags and keeps comments and the body', () => {
    const item = candidateToItem('c.md', UNDATED.replace('headline:', '# checked\nheadline:'));
    expect(item.text).toContain('# checked');
    expect(item.text).not.toMatch(/status|flags/);
    expect(item.text.endsWith('Some text.\n')).toBe(true);
    expect(item.flags).toHaveLength(1);
  });

  it('numbers the next item after the highest prefix', () => {
    expect(nextItemFileName(['issue.md', '01-a.md', '07-b.md'], 'c')).toBe('08-c.md');
    expect(nextItemFileName(['issue.md'], 'c')).toBe('01-c.md');
    expect(nextItemFileName(['099-a.md'], 'c')).toBe('100-c.md');
  });
});
