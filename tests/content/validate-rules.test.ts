import { describe, expect, it } from 'vitest';
import { issueFile, itemFile, validateJson } from '../helpers/sample-publication.js';

describe('monitor validate: rules across issues', () => {
  it('requires the issue number to equal its folder', async () => {
    const { code, errors } = await validateJson({ 'issues/2/issue.md': issueFile(3, '2020-01-13') });
    expect(code).toBe(1);
    expect(errors).toEqual([expect.objectContaining({ file: 'issues/2/issue.md', line: 2, path: 'number' })]);
    expect(errors[0]!.message).toContain('does not match its folder issues/2');
  });

  it('rejects two issues with the same number', async () => {
    const { errors } = await validateJson({ 'issues/3/issue.md': issueFile(2, '2020-01-20'), 'issues/3/01-a.md': itemFile('A') });
    expect(errors.some((entry) => entry.file === 'issues/3/issue.md' && /also used by issues\/2\/issue.md/.test(entry.message))).toBe(true);
  });

  it('rejects an issue dated before the issue numbered below it', async () => {
    const { errors } = await validateJson({ 'issues/2/issue.md': issueFile(2, '2020-01-01') });
    const dateError = errors.find((entry) => entry.path === 'date');
    expect(dateError).toMatchObject({ file: 'issues/2/issue.md', line: 3 });
    expect(dateError!.message).toContain('before 2020-01-06, the date of issue 1');
  });

  it('warns about a gap in the numbering but passes', async () => {
    const { code, warnings } = await validateJson({ 'issues/5/issue.md': issueFile(5, '2020-02-10'), 'issues/5/01-a.md': itemFile('A') });
    expect(code).toBe(0);
    expect(warnings).toEqual([expect.objectContaining({ file: 'issues/5/issue.md', path: 'number', message: 'numbering jumps from 2 to 5 (2 missing)' })]);
  });

  it('rejects a published issue without items, but accepts an empty draft', async () => {
    const published = await validateJson({ 'issues/3/issue.md': issueFile(3, '2020-01-20') });
    expect(published.errors[0]).toMatchObject({ file: 'issues/3/issue.md', path: 'status' });
    const draft = await validateJson({ 'issues/3/issue.md': issueFile(3, '2020-01-20').replace('published', 'draft') });
    expect(draft.code).toBe(0);
  });
});

describe('monitor validate: items against the config and sources', () => {
  it('suggests the closest section for a typo', async () => {
    const { errors } = await validateJson({ 'issues/2/02-governors.md': itemFile('Governors', { section: 'securty' }) });
    expect(errors).toEqual([expect.objectContaining({ file: 'issues/2/02-governors.md', line: 3, column: 10, path: 'section' })]);
    expect(errors[0]!.message).toContain('Did you mean "security"?');
  });

  it('suggests the closest category for a typo, in items and in issue.md', async () => {
    const { errors } = await validateJson({
      'issues/1/01-first.md': itemFile('A', { categories: '[Russia, Economic Sanction]' }),
      'issues/1/issue.md': issueFile(1, '2020-01-06', 'categories: [Chinaa]\n'),
    });
    const item = errors.find((entry) => entry.file === 'issues/1/01-first.md');
    expect(item).toMatchObject({ line: 3, path: 'categories.1' });
    expect(item!.message).toBe('unknown category "Economic Sanction". Did you mean "Economic Sanctions"?');
    const issue = errors.find((entry) => entry.file === 'issues/1/issue.md');
    expect(issue).toMatchObject({ line: 6, path: 'categories.0' });
    expect(issue!.message).toContain('Did you mean "China"?');
  });

  it('rejects a source dated after its issue', async () => {
    const sources = '  - publication: Reuters\n    date: 2020-01-02\n  - publication: Reuters\n    date: 2020-01-07\n';
    const { errors } = await validateJson({ 'issues/1/01-first.md': itemFile('A', { sources }) });
    expect(errors).toEqual([expect.objectContaining({ file: 'issues/1/01-first.md', line: 7, path: 'sources.1.date' })]);
  });

  it('requires an order prefix on item file names', async () => {
    const { errors } = await validateJson({ 'issues/1/first.md': itemFile('A') });
    expect(errors).toEqual([expect.objectContaining({ file: 'issues/1/first.md', line: 1 })]);
    expect(errors[0]!.message).toContain('needs an order prefix');
  });

  it('warns about a publication missing from sources.yaml with the closest known name', async () => {
    const sources = '  - publication: Moscow Times\n    date: 2020-01-02\n  - publication: Pravda Weekly\n    date: 2020-01-02\n';
    const { code, warnings } = await validateJson({ 'issues/1/01-first.md': itemFile('A', { sources }) });
    expect(code).toBe(0);
    expect(warnings[0]).toMatchObject({ file: 'issues/1/01-first.md', line: 4, path: 'sources.0.publication' });
    expect(warnings[0]!.message).toContain('Did you mean "The Moscow Times"?');
    expect(warnings[1]!.message).toContain('Add it to feeds/sources.yaml');
  });

  it('warns when recent issues cite the same story twice, ignoring tracking parameters', async () => {
    const url = (query: string) => `  - publication: Reuters\n    date: 2020-01-02\n    url: https://www.reuters.com/world/story-1${query}\n`;
    const { code, warnings } = await validateJson({
      'issues/1/01-first.md': itemFile('A', { sources: url('') }),
      'issues/2/02-governors.md': itemFile('B', { sources: url('?utm_source=newsletter') }),
    });
    expect(code).toBe(0);
    expect(warnings).toEqual([expect.objectContaining({ file: 'issues/2/02-governors.md', path: 'sources.0.url', line: 6 })]);
    expect(warnings[0]!.message).toContain('also cited in issues/1/01-first.md');
  });
});

describe('monitor validate: files that are not what they should be', () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['an empty file', '', /file is empty/],
    ['bad YAML', '---\nheadline: [unclosed\nsources: x\n---\nText\n', /YAML syntax/],
    ['a missing front matter fence', 'headline: No fences\n\nText\n', /must start with a "---" line/],
    ['an unclosed front matter', '---\nheadline: Open\n', /never closed/],
    ['binary junk', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe]), /binary data/],
    ['a 10 MB file', `---\nheadline: Big\n---\n${'x'.repeat(10 * 1024 * 1024)}`, /10\.0 MB/],
    ['invalid UTF-8', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xc3, 0x28, 0x0a]), /not valid UTF-8/],
  ];
  it.each(cases)('reports %s as an error naming the file', async (_name, content, message) => {
    const { code, errors } = await validateJson({ 'issues/1/01-first.md': content });
    expect(code).toBe(1);
    expect(errors).toEqual([expect.objectContaining({ file: 'issues/1/01-first.md', message: expect.stringMatching(message) })]);
  });

  it('reports a YAML syntax error at its line', async () => {
    const { errors } = await validateJson({ 'issues/1/01-first.md': '---\nheadline: ok\nsources:\n  - publication: "unclosed\n---\nText\n' });
    expect(errors[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('reports a missing issue.md in an issue folder', async () => {
    const { errors } = await validateJson({ 'issues/2/issue.md': null });
    expect(errors).toEqual([expect.objectContaining({ file: 'issues/2/issue.md', message: 'file not found' })]);
  });

  it('reports a folder that is not named by a number', async () => {
    const { errors } = await validateJson({ 'issues/latest/issue.md': issueFile(3, '2020-01-20') });
    expect(errors[0]).toMatchObject({ file: 'issues/latest' });
  });

  it('ignores the candidates folder', async () => {
    const { code } = await validateJson({ 'issues/candidates/2020-01-01-a-story.md': 'not an item at all' });
    expect(code).toBe(0);
  });
});
