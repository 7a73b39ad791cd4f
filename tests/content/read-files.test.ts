import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/content/index.js';
import { readTextFile } from '../../src/core/read-text.js';

describe('splitting front matter from the body', () => {
  it.each([
    ['a plain item', '---\na: 1\n---\nText\n', { yaml: 'a: 1', yamlLine: 2, body: 'Text', bodyLine: 4 }],
    ['blank and space-only lines before the body', '---\na: 1\nb: 2\n---\n\n   \n\nText\nMore\n\n', { yaml: 'a: 1\nb: 2', yamlLine: 2, body: 'Text\nMore', bodyLine: 8 }],
    ['a closing "..." with trailing spaces', '---\na: 1\n...   \nText', { yaml: 'a: 1', yamlLine: 2, body: 'Text', bodyLine: 4 }],
    ['an empty front matter', '---\n---\nText', { yaml: '', yamlLine: 2, body: 'Text', bodyLine: 3 }],
    ['no body and no final line feed', '---\na: 1\n---', { yaml: 'a: 1', yamlLine: 2, body: '', bodyLine: 4 }],
    ['a byte order mark and an opening fence with spaces', '\uFEFF---  \na: 1\n---\nText', { yaml: 'a: 1', yamlLine: 2, body: 'Text', bodyLine: 4 }],
    ['fence look-alikes inside the front matter', '---\n---x\n --- \n----\n---\nText', { yaml: '---x\n --- \n----', yamlLine: 2, body: 'Text', bodyLine: 6 }],
  ])('splits %s', (_name, text, expected) => {
    expect(splitFrontMatter('f.md', text)).toEqual({ value: expected });
  });

  it.each([
    ['an empty file', '  \n\n', /file is empty/],
    ['a file without an opening fence', 'a: 1\n---\n', /must start with a "---" line/],
    ['a front matter never closed', '---\na: 1\n--- x\n', /never closed/],
    ['a lone fence', '---', /never closed/],
  ])('reports %s', (_name, text, message) => {
    expect(splitFrontMatter('f.md', text).problem?.message).toMatch(message);
  });
});

describe('reading a text file', () => {
  it('reads files larger than its buffer whole, and small files after them', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'monitor-read-'));
    const large = `---\nheadline: Large\n---\n${'A paragraph of text. '.repeat(12_000)}end`;
    await writeFile(path.join(root, 'large.md'), large);
    await writeFile(path.join(root, 'small.md'), 'small');
    expect(readTextFile(root, 'large.md').text).toBe(large);
    expect(readTextFile(root, 'small.md').text).toBe('small');
    expect(readTextFile(root, 'large.md').text).toBe(large);
  });

  it('drops a byte order mark and turns CRLF and lone CR into LF', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'monitor-read-'));
    await writeFile(path.join(root, 'windows.md'), '\uFEFF---\r\na: 1\r\n---\rText\r\n');
    expect(readTextFile(root, 'windows.md').text).toBe('---\na: 1\n---\nText\n');
  });

  it('reads a good file after a badly encoded one', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'monitor-read-'));
    await writeFile(path.join(root, 'bad.md'), Buffer.from([0x2d, 0x0a, 0xc3]));
    await writeFile(path.join(root, 'good.md'), '© 20');
    expect(readTextFile(root, 'bad.md').problem?.message).toMatch(/not valid UTF-8/);
    expect(readTextFile(root, 'good.md').text).toBe('© 20');
  });
});
