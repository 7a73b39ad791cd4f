import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePublication } from '../../src/content/index.js';
import type { ComposedIssue } from '../../src/compose/types.js';
import { ContentError } from '../../src/core/errors.js';
import { createRenderer, readTemplates } from '../../src/render/index.js';
import { buildSite, type BuildSummary, type Rendering } from '../../src/site/index.js';
import { issueFile, itemFile, writePublication, type PublicationFiles } from '../helpers/sample-publication.js';
import { hashTree, leftovers } from './site-fixtures.js';

/**
 * A build of an archive longer than the feeds (20 issues) and the repeated-story check (10 issues) reads
 * only the issue folders that changed and those the outputs to rewrite show in full; the others take part
 * as the last build left them. These tests edit the archive in the ways an editor does and compare each
 * result with a clean build made without any cache, and its warnings with `validate`'s.
 */

const ISSUES = 30;
const CATEGORIES = ['Democracy and Governance', 'Economic Sanctions', 'China', 'North Korea', 'Russia'];

/** `2020-01-06` plus `weeks` weeks. */
function weekOf(weeks: number, daysBefore = 0): string {
  const day = new Date(Date.UTC(2020, 0, 6 + weeks * 7 - daysBefore));
  return day.toISOString().slice(0, 10);
}

/**
 * Issues 1-30, a week apart, two items each in rotating categories. Issue 5 cites a publication missing
 * from feeds/sources.yaml (a warning, in a folder no edit below touches); issues 29 and 30 cite the same
 * story (a warning of the rule across the newest issues).
 */
function longArchive(count = ISSUES): PublicationFiles {
  const files: PublicationFiles = { 'issues/1/01-first.md': null, 'issues/1/02-second.md': null, 'issues/2/01-sanctions.md': null, 'issues/2/02-governors.md': null };
  for (let number = 1; number <= count; number += 1) {
    files[`issues/${number}/issue.md`] = issueFile(number, weekOf(number - 1));
    for (const order of [1, 2]) {
      const categories = `[${CATEGORIES[(number + order) % CATEGORIES.length]}]`;
      const publication = number === 5 && order === 2 ? 'Novaya Gazeta' : 'The Moscow Times';
      const story = number >= count - 1 && order === 1 ? 'shared-story' : `story-${number}-${order}`;
      const sources = `  - publication: ${publication}\n    date: ${weekOf(number - 1, 2)}\n    url: https://www.themoscowtimes.com/${story}\n`;
      files[`issues/${number}/0${order}-item.md`] = itemFile(`Story ${order} of issue ${number}`, { categories, sources, body: `What happened in week ${number}, part ${order}.` });
    }
  }
  return files;
}

async function edit(root: string, file: string, change: (text: string) => string): Promise<void> {
  const full = path.join(root, file);
  await writeFile(full, change(await readFile(full, 'utf8')));
}

/** The same sources built from nothing, without any cache, into a folder of its own. */
async function cleanBuild(root: string): Promise<Map<string, string>> {
  const out = path.join(root, 'clean-dist');
  await rm(out, { recursive: true, force: true });
  await buildSite(root, { out, cache: false });
  return hashTree(out);
}

/** Build incrementally, check the output equals a clean build and the warnings equal validate's; return what was written. */
async function rebuild(root: string, built?: BuildSummary): Promise<string[]> {
  const summary = built ?? await buildSite(root);
  const { problems } = await validatePublication(root);
  expect(summary.warnings).toEqual(problems);
  expect(await hashTree(path.join(root, 'dist'))).toEqual(await cleanBuild(root));
  expect(await leftovers(path.join(root, 'dist'))).toEqual([]);
  return [...summary.written].sort();
}

async function builtArchive(count = ISSUES): Promise<string> {
  const root = await writePublication(longArchive(count));
  expect((await buildSite(root)).mode).toBe('full');
  return root;
}

describe('an incremental build of a long archive', () => {
  it('after editing an old item rewrites that issue alone, with the warnings of the folders it did not read', async () => {
    const root = await builtArchive();
    await edit(root, 'issues/3/01-item.md', (text) => text.replace('What happened in week 3', 'What really happened in week 3'));
    // Its files, the feeds of its items' categories, which reach back this far, and the page of the
    // item's category, which shows its first sentence (no archive page); its issue in the search index.
    const summary = await buildSite(root);
    expect(await rebuild(root, summary)).toEqual([
      'categories/democracy-and-governance/feed.xml', 'categories/russia/feed.xml', 'categories/russia/index.html',
      'issues/3/email.html', 'issues/3/email.txt', 'issues/3/index.html',
    ]);
    expect(summary.search).toEqual({ parts: 1, issues: 1 });
    const warnings = (await buildSite(root)).warnings.map((problem) => problem.message);
    expect(warnings).toContain('publication "Novaya Gazeta" is not in feeds/sources.yaml. Add it to feeds/sources.yaml so its citation is styled right.');
    expect(warnings.some((message) => message.startsWith('this story is also cited in issues/29/01-item.md'))).toBe(true);
  });

  it('after editing an old headline rewrites the archive page and category pages that list it', async () => {
    const root = await builtArchive();
    await edit(root, 'issues/3/02-item.md', (text) => text.replace('headline: Story 2 of issue 3', 'headline: A retold story of issue 3'));
    const written = await rebuild(root);
    expect(written).toContain('page/2/index.html');
    expect(written).toContain('categories/democracy-and-governance/index.html');
    expect(written.filter((file) => file.startsWith('issues/'))).toEqual(['issues/3/email.html', 'issues/3/email.txt', 'issues/3/index.html']);
  });

  it('after editing the newest issue rewrites the feeds, which carry issues it did not read', async () => {
    const root = await builtArchive();
    await edit(root, 'issues/30/02-item.md', (text) => text.replace('What happened in week 30', 'What happened in week 30, updated'));
    const written = await rebuild(root);
    expect(written).toEqual(expect.arrayContaining(['feed.xml', 'atom.xml', 'feed.json', 'issues/30/index.html']));
    // The page of the item's category shows its first sentence; no archive page shows it.
    expect(written.filter((file) => file.endsWith('index.html'))).toEqual(['categories/china/index.html', 'issues/30/index.html']);
  });

  it('after adding an issue links its neighbour to it and lists it everywhere', async () => {
    const root = await builtArchive();
    await writePublicationFiles(root, {
      'issues/31/issue.md': issueFile(31, weekOf(30)),
      'issues/31/01-item.md': itemFile('Story of issue 31', { categories: '[Russia]', sources: `  - publication: Reuters\n    date: ${weekOf(30, 1)}\n` }),
    });
    const written = await rebuild(root);
    expect(written).toEqual(expect.arrayContaining(['issues/30/index.html', 'issues/31/index.html', 'index.html', 'categories/russia/index.html', 'feed.xml']));
  });

  it('after deleting an old issue removes its files and warns of the gap it leaves', async () => {
    const root = await builtArchive();
    await rm(path.join(root, 'issues/7'), { recursive: true });
    const summary = await buildSite(root);
    expect(summary.removed).toEqual(expect.arrayContaining(['issues/7/index.html', 'issues/7/email.html', 'issues/7/email.txt']));
    expect(summary.warnings.map((problem) => problem.message)).toContain('numbering jumps from 6 to 8 (1 missing)');
    expect(await rebuild(root)).toEqual([]);
  });

  it('reports a date going backwards at the unchanged issue after it, as validate does', async () => {
    const root = await builtArchive();
    await edit(root, 'issues/12/issue.md', (text) => text.replace(`date: ${weekOf(11)}`, `date: ${weekOf(13)}`));
    const failure = await buildSite(root).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContentError);
    const { problems } = await validatePublication(root);
    expect((failure as ContentError).problems).toEqual(problems);
    expect(problems.filter((problem) => problem.severity === 'error').map(({ file, line, message }) => ({ file, line, message }))).toEqual([
      { file: 'issues/13/issue.md', line: 3, message: `date ${weekOf(12)} is before ${weekOf(13)}, the date of issue 12; issue dates do not go backwards as numbers rise` },
    ]);
  });

  it('does not read the folders it knows unchanged', async () => {
    // Sixty issues: each category is in 24, so its feed (the newest 20) leaves its oldest four out.
    const root = await builtArchive(60);
    // Without a parsed-content cache, the cache the build leaves holds exactly the files it read.
    await rm(path.join(root, '.monitor-cache', 'content'), { recursive: true });
    await edit(root, 'issues/3/01-item.md', (text) => text.replace('What happened in week 3', 'What really happened in week 3'));
    const summary = await buildSite(root);
    expect(summary.written.filter((file) => file.endsWith('.html')).sort()).toEqual(['categories/russia/index.html', 'issues/3/email.html', 'issues/3/index.html']);
    const cached = await readFile(path.join(root, '.monitor-cache', 'content', 'shard-0.cache'), 'utf8');
    const folders = new Set([...cached.matchAll(/"issues\/(\d+)\//g)].map((match) => Number(match[1])));
    // Issue 3, which changed; the newest ten (the repeated-story rule); and the issues the feeds
    // carry (read to render them), which issues 1, 2, 6 and 7, oldest in both their categories, are not.
    expect(folders.has(3)).toBe(true);
    for (let number = 51; number <= 60; number += 1) expect(folders.has(number)).toBe(true);
    for (const number of [1, 2, 6, 7]) expect(folders.has(number)).toBe(false);
    expect(await hashTree(path.join(root, 'dist'))).toEqual(await cleanBuild(root));
  });

  it('reports a known folder whose file changed while the build ran, when it must read it, as validate does', async () => {
    const root = await builtArchive();
    await rm(path.join(root, '.monitor-cache', 'content'), { recursive: true });
    await edit(root, 'issues/30/01-item.md', (text) => text.replace('What happened in week 30', 'What happened in week 30, told again'));
    // An editor saves a broken issue 15 while the build runs: after its stamps were taken, before the
    // feeds (which carry issue 15) are rendered; reading templates comes in between.
    const rendering: Rendering = {
      async readTemplates(folder) {
        await writeFile(path.join(root, 'issues/15/01-item.md'), '---\nheadline: [broken\n---\n');
        return readTemplates(folder);
      },
      createRenderer,
    };
    const failure = await buildSite(root, { cache: true }, rendering).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContentError);
    const { problems } = await validatePublication(root);
    expect((failure as ContentError).problems).toEqual(problems);
    expect(problems.some((problem) => problem.severity === 'error' && problem.file === 'issues/15/01-item.md')).toBe(true);
  });

  it('renders no issue it did not read in full, even into a feed it then leaves unwritten', async () => {
    const root = await builtArchive();
    const shown: ComposedIssue[] = [];
    const rendering: Rendering = {
      readTemplates,
      createRenderer(templates, options) {
        const renderer = createRenderer(templates, options);
        const record = <A extends unknown[]>(render: (issue: ComposedIssue, ...rest: A) => string) => (issue: ComposedIssue, ...rest: A) => {
          shown.push(issue);
          return render(issue, ...rest);
        };
        return { ...renderer, issueContent: record(renderer.issueContent), issuePage: record(renderer.issuePage), text: record(renderer.text) };
      },
    };
    await edit(root, 'issues/3/01-item.md', (text) => text.replace('What happened in week 3', 'What really happened in week 3'));
    const summary = await buildSite(root, { cache: true }, rendering);
    expect(summary.written).toContain('categories/russia/feed.xml');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((issue) => issue.items.some((item) => item.body === '')).map((issue) => issue.number)).toEqual([]);
  });

  it('ignores a damaged issue memo and still builds what a clean build makes', async () => {
    const root = await builtArchive();
    // The memo's own sha1 kept, one headline changed: well-formed, but not what the build wrote.
    const memo = path.join(root, '.monitor-cache', 'issue-memo', 'shard-0.json');
    const text = await readFile(memo, 'utf8');
    const cut = text.indexOf('\n');
    const shard = JSON.parse(text.slice(cut + 1));
    shard.issues['6'].outline.items[0].headline = 'A headline nobody wrote';
    await writeFile(memo, `${text.slice(0, cut)}\n${JSON.stringify(shard)}`);
    // A new headline for issue 3 rewrites archive page 2, which lists issue 6 as well (from the memo: no
    // changed feed carries issue 6); a trusted damaged memo would give it the wrong headline there.
    await edit(root, 'issues/3/01-item.md', (body) => body.replace('headline: Story 1 of issue 3', 'headline: Story one of issue 3'));
    expect(await rebuild(root)).toContain('page/2/index.html');
    expect(await readFile(path.join(root, 'dist/page/2/index.html'), 'utf8')).not.toContain('A headline nobody wrote');
  });
});

async function writePublicationFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await import('node:fs/promises').then(({ mkdir }) => mkdir(path.dirname(path.join(root, file)), { recursive: true }));
    await writeFile(path.join(root, file), text);
  }
}
