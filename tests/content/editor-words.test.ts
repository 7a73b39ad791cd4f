import { describe, expect, it } from 'vitest';
import { validatePublication } from '../../src/content/index.js';
import { issueFile, itemFile, runCli, SOURCES, validateJson, writePublication } from '../helpers/sample-publication.js';

describe('messages name fields in the editor\'s words, counted from one', () => {
  it('says which source has no date', async () => {
    const sources = '  - publication: Reuters\n    date: 2020-01-03\n  - publication: Interfax\n';
    const root = await writePublication({ 'issues/1/03-nord-stream.md': itemFile('Pipeline', { sources }) });
    const { code, stderr } = await runCli(['validate'], root);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^issues\/1\/03-nord-stream\.md:6:\d+: error: the second source has no date\. expected a date written YYYY-MM-DD/m);
    expect(stderr).not.toContain('sources.1');
  });

  it('names a bad value by its place in a list', async () => {
    const sources = '  - publication: Reuters\n    date: 2020-01-03\n    url: ftp://example.org/a\n';
    const { errors } = await validateJson({ 'issues/1/01-first.md': itemFile('Story', { sources }) });
    expect(errors).toEqual([expect.objectContaining({ path: 'sources.0.url', line: 6, message: expect.stringMatching(/^the url of the first source: "ftp:/) })]);
  });

  it('shows how to write a source given as a bare name', async () => {
    const { code, errors } = await validateJson({ 'issues/1/01-first.md': itemFile('Story', { sources: '  - Reuters\n' }) });
    expect(code).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'issues/1/01-first.md', line: 4 });
    expect(errors[0]!.message).toBe('the first source: written as "Reuters"; a source is a publication and the date of its story, such as:\n  - publication: Reuters\n    date: 2019-12-29');
  });

  it('names an unknown field of a source', async () => {
    const sources = '  - publication: Reuters\n    dat: 2020-01-03\n';
    const { errors } = await validateJson({ 'issues/1/01-first.md': itemFile('Story', { sources }) });
    expect(errors).toEqual([expect.objectContaining({ line: 5, message: 'the first source has an unknown field "dat". Did you mean "date"?' })]);
  });

  it('names a publication of feeds/sources.yaml by its place', async () => {
    const { errors } = await validateJson({ 'feeds/sources.yaml': `${SOURCES}- name: TASS\n  homepage: tass.ru\n` });
    expect(errors).toEqual([expect.objectContaining({ file: 'feeds/sources.yaml', line: 10, message: expect.stringMatching(/^the homepage of the fifth publication: "tass\.ru" is not an http\(s\) URL/) })]);
  });
});

describe('words that differ only in case', () => {
  it('accepts style: Wire and status: Published', async () => {
    const root = await writePublication({
      'feeds/sources.yaml': SOURCES.replace('style: wire', 'style: Wire'),
      'issues/1/issue.md': issueFile(1, '2020-01-06').replace('status: published', 'status: Published'),
    });
    const { publication, problems } = await validatePublication(root);
    expect(problems).toEqual([]);
    expect(publication?.sources.find((source) => source.name === 'Reuters')?.style).toBe('wire');
    expect(publication?.issues[0]?.status).toBe('published');
  });
});

describe('validate reports every problem of every file in one run', () => {
  it('reports a misspelled category even when its issue has a bad date, and counts every issue folder', async () => {
    const root = await writePublication({
      'issues/2/issue.md': issueFile(2, '2020-02-31'),
      'issues/2/02-governors.md': itemFile('Governors reshuffled', { categories: '[Democracy and Governanse]' }),
    });
    const { code, stdout, stderr } = await runCli(['validate'], root);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^issues\/2\/issue\.md:3:\d+: error: date: "2020-02-31" is not a real date/m);
    expect(stderr).toMatch(/^issues\/2\/02-governors\.md:3:\d+: error: unknown category "Democracy and Governanse"\. Did you mean "Democracy and Governance"\?/m);
    expect(stdout).toContain('2 issues checked: not valid (2 errors, 0 warnings)');
  });
});
