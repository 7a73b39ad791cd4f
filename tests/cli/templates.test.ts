import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writePublication } from '../helpers/sample-publication.js';

const BUILT_IN = path.resolve('templates');

describe('monitor templates', () => {
  it('lists the built-in templates an editor may copy, without the preview\'s own pages', async () => {
    const root = await writePublication();
    const { code, stdout } = await runCli(['templates', 'list'], root);
    expect(code).toBe(0);
    const names = stdout.trim().split('\n');
    expect(names).toEqual(expect.arrayContaining(['web/issue.hbs', 'partials/item.hbs', 'email.mjml.hbs']));
    expect(names.some((name) => name.startsWith('preview/'))).toBe(false);
  });

  it('copies one template, by path or short name, and never overwrites a copy', async () => {
    const root = await writePublication();
    const copied = await runCli(['templates', 'copy', 'web/issue'], root);
    expect(copied.code).toBe(0);
    expect(copied.stdout.trim()).toBe('templates/web/issue.hbs');
    const copy = path.join(root, 'templates/web/issue.hbs');
    expect(await readFile(copy, 'utf8')).toBe(await readFile(path.join(BUILT_IN, 'web/issue.hbs'), 'utf8'));
    await writeFile(copy, 'my own page');
    const again = await runCli(['templates', 'copy', 'web/issue.hbs'], root);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('templates/web/issue.hbs exists already');
    expect(await readFile(copy, 'utf8')).toBe('my own page');
    const mixed = await runCli(['templates', 'copy', 'text.hbs', 'web/issue.hbs'], root);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('nothing was copied');
    await expect(readFile(path.join(root, 'templates/text.hbs'), 'utf8')).rejects.toThrow();
  });

  it('refuses an unknown or ambiguous name, naming the templates', async () => {
    const root = await writePublication();
    const unknown = await runCli(['templates', 'copy', 'isue'], root);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is no built-in template "isue"');
    expect(unknown.stderr).toContain('web/issue.hbs');
  });

  it('shows where a copy differs from the built-in template, and says which are the same', async () => {
    const root = await writePublication();
    await runCli(['templates', 'copy', 'partials/citation.hbs', 'web/archive.hbs'], root);
    const citation = path.join(root, 'templates/partials/citation.hbs');
    await writeFile(citation, `<!-- house note -->\n${await readFile(citation, 'utf8')}`);
    const { code, stdout, stderr } = await runCli(['templates', 'diff'], root);
    expect(code).toBe(0);
    expect(stdout).toContain('--- built-in/partials/citation.hbs');
    expect(stdout).toContain('+++ templates/partials/citation.hbs');
    expect(stdout).toContain('+<!-- house note -->');
    expect(stdout).not.toContain('archive.hbs');
    expect(stderr).toContain('templates/web/archive.hbs: the same as the built-in template');
  });

  it('names an editor\'s own template as not built in', async () => {
    const root = await writePublication({ 'templates/partials/mine.hbs': '<p>ours</p>' });
    const { code, stderr } = await runCli(['templates', 'diff', 'partials/mine.hbs'], root);
    expect(code).toBe(0);
    expect(stderr).toContain('templates/partials/mine.hbs: not a built-in template (your own)');
  });

  it('says when there are no copies', async () => {
    const root = await writePublication();
    const { code, stderr } = await runCli(['templates', 'diff'], root);
    expect(code).toBe(0);
    expect(stderr).toContain('templates/ holds no copy');
  });
});
