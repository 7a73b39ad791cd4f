import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writePublication } from '../helpers/sample-publication.js';

const DRAFT = '---\nnumber: 3\ndate: 2020-01-20\nauthor: Ada Example\nstatus: draft\n---\n';

describe('monitor item', () => {
  it('writes the next item of the newest draft with its front matter, and prints its path', async () => {
    const root = await writePublication({ 'issues/3/issue.md': DRAFT, 'issues/3/01-earlier.md': '---\nheadline: x\n---\n' });
    const { code, stdout, stderr } = await runCli([
      'item', 'Mishustin: the tax man becomes prime minister',
      '--source', 'The Moscow Times, 2020-01-15, https://www.themoscowtimes.com/2020/01/15/a',
      '--source', 'Reuters, 2020-01-16', '--category', 'russia', '--category', 'Democracy and Governance',
    ], root);
    expect(code).toBe(0);
    expect(stdout.trim().endsWith(path.join('issues', '3', '02-mishustin-the-tax-man-becomes-prime-minister.md'))).toBe(true);
    const text = await readFile(path.join(root, 'issues/3/02-mishustin-the-tax-man-becomes-prime-minister.md'), 'utf8');
    expect(text).toBe([
      '---',
      'headline: "Mishustin: the tax man becomes prime minister"',
      'categories:',
      '  - Russia',
      '  - Democracy and Governance',
      'sources:',
      '  - publication: The Moscow Times',
      '    date: 2020-01-15',
      '    url: https://www.themoscowtimes.com/2020/01/15/a',
      '  - publication: Reuters',
      '    date: 2020-01-16',
      '---',
      '',
    ].join('\n'));
    expect(stderr).toContain('Write its paragraphs after the closing "---"');
    await writeFile(path.join(root, 'issues/3/01-earlier.md'), '---\nheadline: Earlier\nsources:\n  - publication: Reuters\n    date: 2020-01-10\n---\nText.\n');
    await writeFile(path.join(root, 'issues/3/02-mishustin-the-tax-man-becomes-prime-minister.md'), `${text}Mikhail Mishustin was confirmed.\n`);
    expect((await runCli(['validate'], root)).code).toBe(0);
  });

  it('goes into the issue named with --issue', async () => {
    const root = await writePublication();
    const { code } = await runCli(['item', 'Governors meet', '--issue', '2', '--source', 'Interfax, 2020-01-12'], root);
    expect(code).toBe(0);
    expect(await readdir(path.join(root, 'issues/2'))).toContain('03-governors-meet.md');
  });

  it('refuses an unknown category with a suggestion, and a source it cannot read, writing nothing', async () => {
    const root = await writePublication({ 'issues/3/issue.md': DRAFT });
    const category = await runCli(['item', 'Tanks', '--category', 'Miltary', '--category', 'Rusia'], root);
    expect(category.code).toBe(1);
    expect(category.stderr).toContain('unknown category "Rusia"');
    expect(category.stderr).toContain('Did you mean "Russia"?');
    const source = await runCli(['item', 'Tanks', '--source', 'Reuters'], root);
    expect(source.code).toBe(2);
    expect(source.stderr).toContain('--source "Reuters": write the publication, the date');
    expect(await readdir(path.join(root, 'issues/3'))).toEqual(['issue.md']);
  });

  it('says how to go on when there is no draft issue', async () => {
    const root = await writePublication();
    const { code, stderr } = await runCli(['item', 'Tanks'], root);
    expect(code).toBe(1);
    expect(stderr).toContain('no draft issue to add the item to; create one with "monitor new"');
  });
});

describe('monitor item and accept with a linked issue folder', () => {
  it('refuses to write through a symbolic link, leaving the folder it points to as it was', async () => {
    const { mkdtemp, symlink, mkdir } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const outside = await mkdtemp(path.join(tmpdir(), 'monitor-outside-'));
    await mkdir(path.join(outside, '77'));
    await writeFile(path.join(outside, '77', 'issue.md'), '---\nnumber: 77\ndate: 2020-03-02\nauthor: Ada Example\nstatus: draft\n---\n');
    const root = await writePublication();
    await symlink(path.join(outside, '77'), path.join(root, 'issues', '77'));
    const { code, stderr } = await runCli(['item', 'Written outside', '--issue', '77', '--source', 'Reuters, 2020-03-01'], root);
    expect(code).toBe(1);
    expect(stderr).toContain('issues/77 is a symbolic link');
    expect(await readdir(path.join(outside, '77'))).toEqual(['issue.md']);
  });
});
