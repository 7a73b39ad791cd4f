import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIssueEmail } from '../../src/send/index.js';
import { buildSite } from '../../src/site/index.js';
import { issueFile, itemFile, runCli, writePublication } from '../helpers/sample-publication.js';

/** Published No. 104 followed by draft No. 105 (and No. 103 before them). */
async function draftAfterPublished(): Promise<string> {
  return writePublication({
    'issues/1/issue.md': null, 'issues/1/01-first.md': null, 'issues/1/02-second.md': null,
    'issues/2/issue.md': null, 'issues/2/01-sanctions.md': null, 'issues/2/02-governors.md': null,
    'issues/103/issue.md': issueFile(103, '2020-01-06'),
    'issues/103/01-budget.md': itemFile('Budget talks stall', { categories: '[Russia]' }),
    'issues/104/issue.md': issueFile(104, '2020-01-13'),
    'issues/104/01-courts.md': itemFile('Moscow courts Beijing', { categories: '[China]' }),
    'issues/105/issue.md': issueFile(105, '2020-01-20').replace('status: published', 'status: draft'),
    'issues/105/01-draft.md': itemFile('A draft item', { categories: '[Russia]' }),
  });
}

/** The links to other issues a page holds, in order. */
function issueLinks(html: string): string[] {
  return [...html.matchAll(/href="([^"]*issues\/\d+\/[^"]*)"/g)].map((match) => match[1]!.replace(/^.*(issues\/\d+\/)/, '$1'));
}

describe('findIssue: render, export and the build agree on which issues exist and link', () => {
  it('monitor render 104 --format web prints no Next link to the draft No. 105 that the built page does not have', async () => {
    const root = await draftAfterPublished();
    await buildSite(root, { drafts: true, cache: false });
    const built = await readFile(path.join(root, 'dist/issues/104/index.html'), 'utf8');
    const { code, stdout } = await runCli(['render', '104', '--format', 'web'], root);
    expect(code).toBe(0);
    expect(built).not.toContain('No. 105');
    expect(stdout).not.toContain('No. 105');
    expect(issueLinks(stdout)).toEqual(issueLinks(built));
    expect(issueLinks(built)).toContain('issues/103/');
  });

  it('a draft is printed linked among the drafts, as the build with drafts writes it', async () => {
    const root = await draftAfterPublished();
    await buildSite(root, { drafts: true, cache: false });
    const built = await readFile(path.join(root, 'dist/issues/105/index.html'), 'utf8');
    const { stdout } = await runCli(['render', '105', '--format', 'web'], root);
    expect(issueLinks(stdout)).toEqual(issueLinks(built));
    expect(issueLinks(built)).toContain('issues/104/');
  });

  it('export and send take the email the build wrote, draft or not', async () => {
    const root = await draftAfterPublished();
    await buildSite(root, { drafts: true, cache: false });
    for (const number of [104, 105]) {
      const email = await readIssueEmail(root, number);
      expect(email.rendered.html).toBe(await readFile(path.join(root, `dist/issues/${number}/email.html`), 'utf8'));
      expect(email.rendered.text).toBe(await readFile(path.join(root, `dist/issues/${number}/email.txt`), 'utf8'));
    }
  });

  it('every command names the same issues when the number is unknown', async () => {
    const root = await draftAfterPublished();
    const expected = 'there is no issue 9 (no folder issues/9/); the issues are 103, 104, 105';
    expect((await runCli(['render', '9', '--format', 'text'], root)).stderr).toContain(expected);
    expect((await runCli(['export', '9'], root)).stderr).toContain(expected);
    expect((await runCli(['build', '--issue', '9'], root)).stderr).toContain(expected);
  });
});
