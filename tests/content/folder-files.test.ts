import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueFile, itemFile, runCli, writePublication } from '../helpers/sample-publication.js';

describe('files in an issue folder that monitor does not read', () => {
  it('are each named with what to do, by validate and by every build', async () => {
    const root = await writePublication({
      'issues/2/06-china.MD': itemFile('Beijing and Moscow sign a gas deal'),
      'issues/2/07-trade.md.txt': itemFile('Trade grows'),
      'issues/2/notes.docx': 'not an item',
      'issues/2/.DS_Store': 'finder',
      'issues/2/01-sanctions.md~': 'an editor backup',
    });
    const validate = await runCli(['validate'], root);
    expect(validate.code).toBe(0);
    expect(validate.stderr).toContain('issues/2/06-china.MD:1:1: warning: "06-china.MD" is not read: monitor reads issue.md and item files ending in .md; rename it 06-china.md');
    expect(validate.stderr).toContain('issues/2/07-trade.md.txt:1:1: warning: "07-trade.md.txt" is not read: monitor reads issue.md and item files ending in .md. Notepad added .txt; rename it 07-trade.md');
    expect(validate.stderr).toMatch(/issues\/2\/notes\.docx:1:1: warning: "notes\.docx" is not read.*move it out of the issue folder/);
    expect(validate.stderr).not.toMatch(/DS_Store|md~/);
    expect(validate.stdout).toContain('2 issues checked: valid (0 errors, 3 warnings)');
    const build = await runCli(['build'], root);
    expect(build.code).toBe(0);
    expect(build.stderr).toContain('rename it 06-china.md');
    // A later build lists the folders from its stamps: it still names the files, and sees a new one.
    await writeFile(path.join(root, 'issues/1/03-oil.MARKDOWN'), itemFile('Oil'));
    const again = await runCli(['build'], root);
    expect(again.stderr).toContain('rename it 06-china.md');
    expect(again.stderr).toContain('issues/1/03-oil.MARKDOWN:1:1: warning: "03-oil.MARKDOWN" is not read: monitor reads issue.md and item files ending in .md; rename it 03-oil.md');
  });

  it('a file directly in issues/ is named too', async () => {
    const root = await writePublication({ 'issues/plan.txt': 'ideas' });
    const validate = await runCli(['validate'], root);
    expect(validate.code).toBe(0);
    expect(validate.stderr).toContain('issues/plan.txt: warning: "plan.txt" is not read: issues/ holds one folder per issue');
  });
});

describe('entries that are not regular files', () => {
  it('a symbolic link in place of an item is refused, not published', async () => {
    const root = await writePublication({ 'elsewhere/draft.md': itemFile('Secret draft, not for this issue') });
    await symlink(path.join(root, 'elsewhere/draft.md'), path.join(root, 'issues/2/03-linked.md'));
    for (const command of ['validate', 'build']) {
      const result = await runCli([command], root);
      expect(result.code, command).toBe(1);
      expect(result.stderr).toContain('issues/2/03-linked.md:1:1: error: issues/2/03-linked.md is a symbolic link; monitor reads only regular files: copy the file here instead');
    }
    await expect(readFile(path.join(root, 'dist/issues/2/index.html'), 'utf8')).rejects.toThrow();
  });

  it('a symbolic link in place of an issue folder is refused, not ignored', async () => {
    const root = await writePublication({ 'archive/3/issue.md': issueFile(3, '2020-01-20'), 'archive/3/01-a.md': itemFile('Linked in') });
    await symlink(path.join(root, 'archive/3'), path.join(root, 'issues/3'));
    const result = await runCli(['validate'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('issues/3: error: issues/3 is a symbolic link; monitor reads only folders that are really in issues/: move or copy the folder here instead');
  });

  it('a named pipe called like an item is reported without being opened (validate does not hang)', async () => {
    const root = await writePublication();
    await mkdir(path.join(root, 'issues/2'), { recursive: true });
    execFileSync('mkfifo', [path.join(root, 'issues/2/03-pipe.md')]);
    for (const command of ['validate', 'build']) {
      const result = await runCli([command], root);
      expect(result.code, command).toBe(1);
      expect(result.stderr).toContain('issues/2/03-pipe.md:1:1: error: issues/2/03-pipe.md is a named pipe (FIFO), not a file; monitor reads only regular files');
    }
  }, 20_000);
});
