import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { findAll, getAttributeValue, textContent } from 'domutils';
import type { Element } from 'domhandler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importIssues } from '../../src/import/import-issues.js';
import { buildSite } from '../../src/site/index.js';

/** The example publication at the repository's root: its built issues are imported back and rebuilt. */
const EXAMPLE = path.resolve('.');
const NUMBERS = [101, 102, 103, 104];
let work: string;
let original: string;

/** A new publication with the example's settings and no issues. */
async function emptyPublication(name: string): Promise<string> {
  const root = path.join(work, name);
  await mkdir(path.join(root, 'feeds'), { recursive: true });
  await copyFile(path.join(EXAMPLE, 'monitor.config.yaml'), path.join(root, 'monitor.config.yaml'));
  await copyFile(path.join(EXAMPLE, 'feeds/sources.yaml'), path.join(root, 'feeds/sources.yaml'));
  return root;
}

/** Each item of a built issue page: its headline, its paragraphs' text and its citation as HTML. */
function itemsOfPage(html: string): Array<{ headline: string; paragraphs: string[]; citation: string }> {
  const document = parseDocument(html);
  const articles = findAll((element) => element.name === 'article' && getAttributeValue(element, 'class') === 'item', document.children);
  return articles.map((article) => {
    const paragraphs = findAll((element) => element.name === 'p', article.children);
    const citation = findAll((element) => getAttributeValue(element, 'class') === 'citation', article.children)[0] as Element | undefined;
    return {
      headline: textContent(findAll((element) => element.name === 'h2', article.children)[0]!),
      paragraphs: paragraphs.map((paragraph) => textContent(paragraph).replace(/\s+/g, ' ').trim()),
      citation: citation ? textContent(citation) : '',
    };
  });
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'monitor-import-'));
  original = path.join(work, 'original');
  await buildSite(EXAMPLE, { out: original, cache: false });
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('monitor import, round trip through the example publication', () => {
  it('rebuilds each issue\'s plain text exactly from its imported email.txt', async () => {
    const root = await emptyPublication('from-text');
    const inputs = NUMBERS.map((number) => path.join(original, `issues/${number}/email.txt`));
    const summary = await importIssues(root, inputs, { cwd: work });
    expect(summary.results.map((result) => [result.number, result.status, result.reason])).toEqual(NUMBERS.map((number) => [number, 'imported', undefined]));
    expect(summary.problems).toEqual([]);
    const rebuilt = path.join(work, 'from-text-out');
    await buildSite(root, { out: rebuilt, cache: false });
    for (const number of NUMBERS) {
      const before = await readFile(path.join(original, `issues/${number}/email.txt`), 'utf8');
      expect(await readFile(path.join(rebuilt, `issues/${number}/email.txt`), 'utf8')).toBe(before);
    }
  });

  it('rebuilds each issue\'s items (headline, paragraphs, citation) from its imported web page', async () => {
    const root = await emptyPublication('from-web');
    const inputs = NUMBERS.map((number) => path.join(original, `issues/${number}/index.html`));
    const summary = await importIssues(root, inputs, { cwd: work });
    expect(summary.results.every((result) => result.status === 'imported')).toBe(true);
    expect(summary.problems).toEqual([]);
    const rebuilt = path.join(work, 'from-web-out');
    await buildSite(root, { out: rebuilt, cache: false });
    for (const number of NUMBERS) {
      const before = itemsOfPage(await readFile(path.join(original, `issues/${number}/index.html`), 'utf8'));
      const after = itemsOfPage(await readFile(path.join(rebuilt, `issues/${number}/index.html`), 'utf8'));
      expect(before.length).toBeGreaterThanOrEqual(5);
      expect(after).toEqual(before);
    }
  });
});
