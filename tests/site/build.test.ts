import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/index.js';
import { issueFile, itemFile, runCli, writePublication } from '../helpers/sample-publication.js';
import { fakeRendering, hashTree, leftovers } from './site-fixtures.js';

const DRAFT = {
  'issues/3/issue.md': issueFile(3, '2020-01-20').replace('status: published', 'status: draft'),
  'issues/3/01-draft.md': itemFile('Unpublished draft story', { categories: '[Russia]' }),
};

describe('monitor build', () => {
  it('writes the issue pages, emails, archive, category pages and feeds, and says where to look', async () => {
    const root = await writePublication(DRAFT);
    const { code, stdout, stderr } = await runCli(['build'], root);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = path.join(root, 'dist');
    const files = [...(await hashTree(out)).keys()];
    for (const n of [1, 2]) {
      expect(files).toEqual(expect.arrayContaining([`issues/${n}/index.html`, `issues/${n}/email.html`, `issues/${n}/email.txt`]));
    }
    expect(files).toEqual(expect.arrayContaining(['index.html', 'feed.xml', 'atom.xml', 'feed.json', 'categories/russia/index.html', 'categories/russia/feed.xml']));
    expect(files.some((file) => file.startsWith('issues/3/'))).toBe(false);
    const categories = files.filter((file) => /^categories\/[^/]+\/index\.html$/.test(file)).length;
    expect(files).toContain('style.css');
    // Issue pages, the archive, category pages, and the list of categories, one author's page, search and 404.
    const pages = 2 + 1 + categories + 4;
    const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const hint = ' (from disk, links to folders and search do not work: browse with `monitor preview`)';
    const pattern = `${escaped(`Built 2 issues, ${pages} pages, ${3 + categories} feeds into dist${path.sep} in `)}\\d+\\.\\d s; ${escaped(`open ${out}${path.sep}index.html${hint}`)}`;
    // Issue 3 is a draft: the build says it left it out.
    expect(stdout.trim()).toMatch(new RegExp(`^${pattern}\n1 draft not built; use --drafts to build it for preview$`));
    expect(await leftovers(out)).toEqual([]);
  });

  it('gives feeds of real rendered content that are well-formed, with absolute links only', async () => {
    const root = await writePublication({
      'issues/2/02-governors.md': itemFile('"AT&T <script>alert(1)</script> и 🎉"', { body: 'See [the decree](https://example.org/decree) & more.' }),
    });
    expect((await runCli(['build'], root)).code).toBe(0);
    const out = path.join(root, 'dist');
    for (const file of ['feed.xml', 'atom.xml']) {
      const text = await readFile(path.join(out, file), 'utf8');
      expect(XMLValidator.validate(text), file).toBe(true);
      expect(text).not.toContain('<script>');
    }
    const json = JSON.parse(await readFile(path.join(out, 'feed.json'), 'utf8'));
    const html: string = json.items.map((item: { content_html: string }) => item.content_html).join('\n');
    expect(html).toContain('https://example.org/decree');
    expect(html).not.toMatch(/<script/i);
    for (const [, link] of html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(link).toMatch(/^https?:\/\//);
  });

  it('prints the summary as JSON with --json', async () => {
    const root = await writePublication();
    const { code, stdout } = await runCli(['build', '--json', '--out', 'public'], root);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ issues: 2, feeds: expect.any(Number), pages: expect.any(Number), out: path.join(root, 'public'), index: path.join(root, 'public', 'index.html'), warnings: [] });
    expect(await readdir(path.join(root, 'public'))).toContain('index.html');
  });

  it('with --drafts, writes draft pages but keeps drafts out of the archive, category pages and feeds', async () => {
    const root = await writePublication(DRAFT);
    expect((await runCli(['build', '--drafts'], root)).code).toBe(0);
    const out = path.join(root, 'dist');
    expect(await readFile(path.join(out, 'issues/3/index.html'), 'utf8')).toContain('Unpublished draft story'.toUpperCase());
    for (const file of ['index.html', 'feed.xml', 'atom.xml', 'feed.json', 'categories/russia/index.html', 'categories/russia/feed.xml']) {
      const text = await readFile(path.join(out, file), 'utf8');
      expect(text, file).not.toContain('issues/3/');
      expect(text.toLowerCase(), file).not.toContain('unpublished draft story');
    }
  });
});

describe('a failed build', () => {
  const breakages = {
    'invalid YAML': { file: 'issues/2/02-governors.md', text: '---\nheadline: [unclosed\nsources:\n  - publication: Reuters\n    date: 2020-01-02\n---\nBody.\n', line: /issues\/2\/02-governors\.md:\d+:\d+: error: YAML/ },
    'a missing headline': { file: 'issues/1/01-first.md', text: itemFile('x').replace('headline: x\n', ''), line: /issues\/1\/01-first\.md:2:1: error: headline:/ },
  };
  for (const [name, breakage] of Object.entries(breakages)) {
    it(`exits 1 on ${name}, names file and line, and leaves the previous dist/ byte for byte`, async () => {
      const root = await writePublication();
      expect((await runCli(['build'], root)).code).toBe(0);
      const out = path.join(root, 'dist');
      const before = await hashTree(out);
      const broken = await writePublication({ [breakage.file]: breakage.text });
      const { code, stdout, stderr } = await runCli(['build', '--out', out], broken);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(breakage.line);
      expect(stderr).not.toContain('    at ');
      expect(await hashTree(out)).toEqual(before);
      expect(await leftovers(out)).toEqual([]);
    });
  }

  it('leaves the previous dist/ byte for byte when rendering fails halfway through', async () => {
    const root = await writePublication();
    await buildSite(root, {}, fakeRendering());
    const out = path.join(root, 'dist');
    const before = await hashTree(out);
    await expect(buildSite(root, {}, fakeRendering({ failOn: 1 }))).rejects.toThrow('email of 1 failed');
    expect(await hashTree(out)).toEqual(before);
    expect(await leftovers(out)).toEqual([]);
  });
});

describe('monitor build --issue', () => {
  it('rewrites that issue, its neighbours and the pages that list it, and keeps the rest of the previous build', async () => {
    const root = await writePublication();
    await buildSite(root, {}, fakeRendering());
    const out = path.join(root, 'dist');
    const added = await writePublication({
      'issues/3/issue.md': issueFile(3, '2020-01-20'),
      'issues/3/01-new.md': itemFile('A new week', { categories: '[China]' }),
    });
    const summary = await buildSite(added, { out, issue: 3 }, fakeRendering());
    expect(summary.issues).toBe(2);
    const read = (file: string) => readFile(path.join(out, file), 'utf8');
    expect(await read('issues/3/index.html')).toBe('page 3 of 3,2,1; previous 2; next -');
    expect(await read('issues/2/index.html')).toBe('page 2 of 3,2,1; previous 1; next 3');
    expect(await read('issues/1/index.html')).toBe('page 1 of 2,1; previous -; next 2');
    expect(await read('index.html')).toBe('archive 3,2,1');
    expect(await read('categories/china/index.html')).toBe('category china: 3,1');
    expect(await read('feed.xml')).toContain('issues/3/');
  });

  it('exits 1 naming the issues there are when the number is unknown', async () => {
    const root = await writePublication();
    const { code, stderr } = await runCli(['build', '--issue', '7'], root);
    expect(code).toBe(1);
    expect(stderr).toContain('there is no issue 7');
    await expect(readdir(path.join(root, 'dist'))).rejects.toThrow();
  });
});
