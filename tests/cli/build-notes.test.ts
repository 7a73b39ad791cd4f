import { describe, expect, it } from 'vitest';
import { addDays, today } from '../../src/core/dates.js';
import { issueFile, itemFile, runCli, writePublication } from '../helpers/sample-publication.js';

describe('monitor build: drafts left out', () => {
  it('says how many drafts it did not build, also when nothing changed; not with --drafts', async () => {
    const root = await writePublication({
      'issues/3/issue.md': issueFile(3, '2020-01-20').replace('status: published', 'status: draft'),
      'issues/3/01-next.md': itemFile('Next week'),
    });
    const first = await runCli(['build'], root);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('1 draft not built; use --drafts to build it for preview\n');
    const again = await runCli(['build'], root);
    expect(again.stdout).toMatch(/^Nothing changed/);
    expect(again.stdout).toContain('1 draft not built; use --drafts');
    const withDrafts = await runCli(['build', '--drafts'], root);
    expect(withDrafts.stdout).not.toContain('not built');
  });
});

describe('a published issue dated far ahead', () => {
  it('is a warning with the date: the year is likely a typo', async () => {
    const ahead = addDays(today(), 45);
    const root = await writePublication({ 'issues/3/issue.md': issueFile(3, ahead), 'issues/3/01-next.md': itemFile('Next month') });
    const result = await runCli(['validate'], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`issues/3/issue.md:3:7: warning: date: ${ahead} is more than 30 days after today (${today()}); is the year right?`);
    const soon = await writePublication({ 'issues/3/issue.md': issueFile(3, addDays(today(), 7)), 'issues/3/01-next.md': itemFile('Next week') });
    expect((await runCli(['validate'], soon)).stderr).not.toContain('after today');
  });
});
