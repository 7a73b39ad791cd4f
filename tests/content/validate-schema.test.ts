import { readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemFile, runCli, validateJson, writePublication } from '../helpers/sample-publication.js';

describe('monitor validate: a valid publication', () => {
  it('exits 0 with no errors and no warnings', async () => {
    const { code, errors, warnings } = await validateJson({});
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(code).toBe(0);
  });

  it('prints a summary in text mode', async () => {
    const root = await writePublication();
    const { code, stdout, stderr } = await runCli(['validate'], root);
    expect(code).toBe(0);
    // The summary is the command's result: standard output; problems go to standard error.
    expect(stdout).toBe('2 issues checked: valid (0 errors, 0 warnings)\n');
    expect(stderr).toBe('');
  });
});

describe('monitor validate: schema errors name file, line, column and field', () => {
  it('reports a missing headline at the front matter', async () => {
    const item = '---\nsources:\n  - publication: Reuters\n    date: 2020-01-03\n---\nText.\n';
    const { code, errors } = await validateJson({ 'issues/1/01-first.md': item });
    expect(code).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'issues/1/01-first.md', path: 'headline' });
    expect(errors[0]!.message).toMatch(/"headline" is required/);
    expect(errors[0]!.line).toBe(2);
  });

  it('reports an item with no sources', async () => {
    const item = '---\nheadline: A story\nsources: []\n---\nText.\n';
    const { errors } = await validateJson({ 'issues/1/01-first.md': item });
    expect(errors[0]).toMatchObject({ file: 'issues/1/01-first.md', line: 3, path: 'sources' });
    expect(errors[0]!.message).toMatch(/at least one source/);
  });

  it('reports a source without publication and one without date, each at its own line', async () => {
    const sources = '  - date: 2020-01-03\n  - publication: Reuters\n';
    const { errors } = await validateJson({ 'issues/1/01-first.md': itemFile('Story', { sources }) });
    const byPath = Object.fromEntries(errors.map((entry) => [entry.path, entry]));
    expect(byPath['sources.0.publication']).toMatchObject({ file: 'issues/1/01-first.md', line: 4 });
    expect(byPath['sources.1.date']).toMatchObject({ file: 'issues/1/01-first.md', line: 5 });
  });

  it('rejects a date that does not exist, pointing at the value', async () => {
    const sources = '  - publication: Reuters\n    date: 2019-02-30\n';
    const { errors } = await validateJson({ 'issues/1/01-first.md': itemFile('Story', { sources }) });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 5, column: 11, path: 'sources.0.date' });
    expect(errors[0]!.message).toContain('"2019-02-30" is not a real date');
  });

  it.each(['javascript:alert(1)', 'ftp://example.org/file', 'www.example.org/no-scheme'])('rejects the source URL %s', async (url) => {
    const sources = `  - publication: Reuters\n    date: 2020-01-03\n    url: "${url}"\n`;
    const { errors } = await validateJson({ 'issues/1/01-first.md': itemFile('Story', { sources }) });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'sources.0.url', line: 6 });
    expect(errors[0]!.message).toContain('not an http(s) URL');
  });

  it('reports an unknown key as a likely typo with a suggestion', async () => {
    const item = '---\nheadline: Story\ncategory: [Russia]\nsources:\n  - publication: Reuters\n    date: 2020-01-03\n---\nText.\n';
    const { errors } = await validateJson({ 'issues/1/01-first.md': item });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, column: 1, path: 'category' });
    expect(errors[0]!.message).toBe('unknown field "category". Did you mean "categories"?');
  });

  it('reports an unknown key in the config with a suggestion', async () => {
    const { CONFIG } = await import('../helpers/sample-publication.js');
    const { errors } = await validateJson({ 'monitor.config.yaml': CONFIG.replace('publisher:', 'publsher:') });
    expect(errors[0]).toMatchObject({ file: 'monitor.config.yaml', line: 2, path: 'publsher' });
    expect(errors[0]!.message).toContain('Did you mean "publisher"?');
  });

  it('reports an issue whose status is not draft or published', async () => {
    const issue = '---\nnumber: 1\ndate: 2020-01-06\nauthor: Ada Example\nstatus: final\n---\n';
    const { errors } = await validateJson({ 'issues/1/issue.md': issue });
    expect(errors[0]).toMatchObject({ file: 'issues/1/issue.md', line: 5, path: 'status' });
  });

  it('collects the errors of several files in one run', async () => {
    const { errors } = await validateJson({
      'issues/1/01-first.md': '---\nsources: []\n---\nText\n',
      'issues/2/02-governors.md': itemFile('Story', { sources: '  - publication: Reuters\n    date: 2020-13-01\n' }),
    });
    expect(new Set(errors.map((entry) => entry.file))).toEqual(new Set(['issues/1/01-first.md', 'issues/2/02-governors.md']));
  });

  it('reports an item without text', async () => {
    const { errors } = await validateJson({ 'issues/1/01-first.md': itemFile('Story', { body: '' }) });
    expect(errors[0]).toMatchObject({ file: 'issues/1/01-first.md', path: 'body' });
  });
});

describe('hidden files in an issue folder', () => {
  it('are not items: an editor\'s lock file (a dangling link) or backup neither fails validate nor build', async () => {
    const root = await writePublication({ 'issues/1/.01-first.md.swp.md': 'not front matter at all' });
    await symlink('user@host.1234:1700000000', path.join(root, 'issues/1/.#01-first.md'));
    const validate = await runCli(['validate'], root);
    expect(validate.stdout).toContain('valid (0 errors, 0 warnings)');
    expect(validate.code).toBe(0);
    const build = await runCli(['build'], root);
    expect(build.code).toBe(0);
    // A second build, which lists the folders from its stamps, agrees.
    await writeFile(path.join(root, 'issues/1/01-first.md'), itemFile('Edited after the lock file appeared'));
    expect((await runCli(['build'], root)).code).toBe(0);
    expect(await readFile(path.join(root, 'dist/issues/1/index.html'), 'utf8')).toContain('EDITED AFTER THE LOCK FILE APPEARED');
  });
});
