import { execFile, spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { validatePublication } from '../../src/content/index.js';
import { ContentError } from '../../src/core/errors.js';
import { writeCacheFile } from '../../src/core/cache-file.js';
import { buildSite, type BuildSummary } from '../../src/site/index.js';
import { CONFIG, issueFile, itemFile, runCli, writePublication } from '../helpers/sample-publication.js';
import { fakeRendering, hashTree, leftovers } from './site-fixtures.js';

/** Three published issues; issue 3 is the newest. */
const THIRD = {
  'issues/3/issue.md': issueFile(3, '2020-01-20'),
  'issues/3/01-third.md': itemFile('Third week in the Duma', { categories: '[Russia]' }),
};

/** Path -> mtimeMs of every file below `folder`. */
async function mtimes(folder: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    // The search index is replaced as a whole folder when an issue's text changed (site/search-index.ts): the summary's `search` says so.
    if (path.relative(folder, file).startsWith('search/index/')) continue;
    times.set(path.relative(folder, file), (await stat(file)).mtimeMs);
  }
  return times;
}

/** Files whose mtime changed between two snapshots, or that appeared. */
function touched(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([file, time]) => before.get(file) !== time).map(([file]) => file).sort();
}

/** The same sources built from nothing, without any cache, into a folder of its own. */
async function cleanBuild(root: string): Promise<Map<string, string>> {
  const out = path.join(root, 'clean-dist');
  await rm(out, { recursive: true, force: true });
  await buildSite(root, { out, cache: false });
  return hashTree(out);
}

async function edit(root: string, file: string, change: (text: string) => string): Promise<void> {
  const full = path.join(root, file);
  await writeFile(full, change(await readFile(full, 'utf8')));
}

/**
 * Give a file an mtime of its own, a minute after its current one: an edit made a moment after the
 * build, even within the same tick of the file system's clock.
 */
async function later(file: string): Promise<void> {
  const when = new Date((await stat(file)).mtimeMs + 60_000);
  await utimes(file, when, when);
}

const sorted = (summary: BuildSummary) => [...summary.written].sort();

describe('an incremental build', () => {
  it('after editing one item rewrites only what shows it, and equals a clean full build byte for byte', async () => {
    const root = await writePublication(THIRD);
    const out = path.join(root, 'dist');
    expect((await buildSite(root)).mode).toBe('full');
    const before = await mtimes(out);
    await edit(root, 'issues/1/01-first.md', (text) => text.replace('written for the tests.', 'written for the tests, and now edited.'));
    const summary = await buildSite(root);
    expect(summary.mode).toBe('incremental');
    // Issue 1's files, the feeds listing issue 1 (all of them here: the main feeds and the category
    // feeds of issue 1's items) and the category page showing the item's first sentence (Russia; China
    // lists only issue 1's other item). The archive and author pages show only headlines, so they stay;
    // issue 2 keeps its page: its link to issue 1 did not change. The search index re-indexes issue 1.
    const expected = [
      'atom.xml', 'categories/china/feed.xml', 'categories/russia/feed.xml', 'categories/russia/index.html', 'feed.json', 'feed.xml',
      'issues/1/email.html', 'issues/1/email.txt', 'issues/1/index.html',
    ];
    expect(sorted(summary)).toEqual(expected);
    expect(summary.search).toEqual({ parts: 1, issues: 1 });
    expect(touched(before, await mtimes(out))).toEqual(expected);
    expect(summary.removed).toEqual([]);
    expect(await readFile(path.join(out, 'issues/1/index.html'), 'utf8')).toContain('and now edited.');
    expect(await hashTree(out)).toEqual(await cleanBuild(root));
    expect(await leftovers(out)).toEqual([]);
  });

  it('after editing a headline also rewrites the archive page and the category pages that list it', async () => {
    const root = await writePublication(THIRD);
    const out = path.join(root, 'dist');
    await buildSite(root);
    const before = await mtimes(out);
    await edit(root, 'issues/1/01-first.md', (text) => text.replace(/^headline: .*$/m, 'headline: A retitled first story'));
    const summary = await buildSite(root);
    // The item is in Russia only; issue 1's other category page (China) lists only its other item. The
    // author page lists headlines too.
    const expected = [
      'atom.xml', 'authors/ada-example/index.html', 'categories/china/feed.xml', 'categories/russia/feed.xml', 'categories/russia/index.html', 'feed.json', 'feed.xml',
      'index.html', 'issues/1/email.html', 'issues/1/email.txt', 'issues/1/index.html',
    ];
    expect(sorted(summary)).toEqual(expected);
    expect(touched(before, await mtimes(out))).toEqual(expected);
    expect(await readFile(path.join(out, 'categories/russia/index.html'), 'utf8')).toContain('A RETITLED FIRST STORY');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('A retitled first story');
    expect(await hashTree(out)).toEqual(await cleanBuild(root));
  });

  it('rewrites the neighbours whose previous/next links change when an issue\'s date changes', async () => {
    const root = await writePublication(THIRD);
    await buildSite(root);
    await edit(root, 'issues/2/issue.md', (text) => text.replace('date: 2020-01-13', 'date: 2020-01-14'));
    const summary = await buildSite(root);
    const issueFiles = sorted(summary).filter((file) => file.startsWith('issues/'));
    expect(issueFiles).toEqual(['1', '2', '3'].flatMap((n) => [`issues/${n}/email.html`, `issues/${n}/email.txt`, `issues/${n}/index.html`]));
    expect(await hashTree(path.join(root, 'dist'))).toEqual(await cleanBuild(root));
  });

  it('rewrites the issues citing a source whose style changed in feeds/sources.yaml', async () => {
    const root = await writePublication(THIRD);
    await buildSite(root);
    await edit(root, 'feeds/sources.yaml', (text) => text.replace('- name: Reuters\n  style: wire', '- name: Reuters\n  style: periodical'));
    const summary = await buildSite(root);
    expect(summary.mode).toBe('incremental');
    expect(sorted(summary).filter((file) => file.startsWith('issues/'))).toEqual(['issues/2/email.html', 'issues/2/email.txt', 'issues/2/index.html']);
    expect(await readFile(path.join(root, 'dist/issues/2/index.html'), 'utf8')).toContain('<em>Reuters</em>');
    expect(await hashTree(path.join(root, 'dist'))).toEqual(await cleanBuild(root));
  });

  it('writes nothing and says so when nothing changed', async () => {
    const root = await writePublication(THIRD);
    await buildSite(root);
    const out = path.join(root, 'dist');
    const before = await mtimes(out);
    const summary = await buildSite(root);
    expect(summary).toMatchObject({ mode: 'unchanged', written: [], removed: [], issues: 0, pages: 0 });
    expect(summary.totals).toMatchObject({ issues: 3, feeds: expect.any(Number) });
    expect(await mtimes(out)).toEqual(before);
    const { code, stdout } = await runCli(['build'], root);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Nothing changed: dist\/ is up to date \(3 issues, \d+ pages, \d+ feeds\) in \d+\.\d s; open /);
    expect(await mtimes(out)).toEqual(before);
  });

  it('repeats the totals and warnings of the build it found up to date', async () => {
    const unknown = '  - publication: The Unknown Daily\n    date: 2020-01-03\n';
    const root = await writePublication({ ...THIRD, 'issues/3/01-third.md': itemFile('Third week in the Duma', { sources: unknown }) });
    const first = await buildSite(root);
    expect(first.warnings.map((problem) => problem.message)).toEqual([expect.stringContaining('"The Unknown Daily" is not in feeds/sources.yaml')]);
    const again = await buildSite(root);
    expect(again.mode).toBe('unchanged');
    expect(again.warnings).toEqual(first.warnings);
    expect(again.totals).toEqual(first.totals);
  });

  it('removes the temporary files a killed build left in the cache folder, not those of a build still running', async () => {
    const root = await writePublication(THIRD);
    await buildSite(root);
    const gone = spawnSync(process.execPath, ['-e', '']).pid!; // a process that has ended
    const abandoned = path.join(root, '.monitor-cache', 'content', `shard-0.cache.${gone}.tmp`);
    const running = path.join(root, '.monitor-cache', `issue-memo.${process.pid}.tmp`);
    const folder = path.join(root, '.monitor-cache', `odd.${gone}.tmp`); // not a file monitor wrote: left alone
    await writeFile(abandoned, 'half a shard');
    await writeFile(running, 'being written');
    await mkdir(folder);
    await edit(root, 'issues/1/01-first.md', (text) => text.replace('written for the tests.', 'written for the tests, again.'));
    expect((await buildSite(root)).mode).toBe('incremental');
    await expect(stat(abandoned)).rejects.toThrow();
    expect((await stat(running)).isFile()).toBe(true);
    expect((await stat(folder)).isDirectory()).toBe(true);
  });

  it('notices an item edited to a text of the same size with its mtime kept, as cp -p or rsync -t leave it', async () => {
    const root = await writePublication(THIRD);
    const file = path.join(root, 'issues/3/01-third.md');
    const kept = new Date(Date.UTC(2024, 0, 1)); // a whole second: utimes gives it back exactly
    await utimes(file, kept, kept);
    await buildSite(root);
    const before = await stat(file);
    await edit(root, 'issues/3/01-third.md', (text) => text.replace('Third week', 'Sixth week'));
    await utimes(file, kept, kept);
    const after = await stat(file);
    expect([after.mtimeMs, after.size]).toEqual([before.mtimeMs, before.size]);
    const summary = await buildSite(root);
    expect(summary.mode).toBe('incremental');
    expect(await readFile(path.join(root, 'dist/issues/3/index.html'), 'utf8')).toContain('SIXTH WEEK');
  });

  it('notices an item edited in place to a text of the same size', async () => {
    const root = await writePublication(THIRD);
    await buildSite(root);
    const file = path.join(root, 'issues/3/01-third.md');
    const before = (await stat(file)).size;
    await edit(root, 'issues/3/01-third.md', (text) => text.replace('Third week', 'Fifth week'));
    await later(file);
    expect((await stat(file)).size).toBe(before);
    const summary = await buildSite(root);
    expect(summary.mode).toBe('incremental');
    expect(await readFile(path.join(root, 'dist/issues/3/index.html'), 'utf8')).toContain('Fifth week');
  });

  it('reports a folder named like an item, as validate does, rather than overlook it', async () => {
    const root = await writePublication(THIRD);
    await buildSite(root);
    await mkdir(path.join(root, 'issues/3/02-notes.md'));
    const failure = await buildSite(root).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContentError);
    const { problems } = await validatePublication(root);
    expect(problems).toEqual([expect.objectContaining({ file: 'issues/3/02-notes.md', message: 'this is a folder, not a file' })]);
    expect((failure as ContentError).problems).toEqual(problems);
  });

  it('removes the outputs of a deleted issue and of a category no longer used', async () => {
    const root = await writePublication({
      ...THIRD,
      'issues/3/02-korea.md': itemFile('Talks with Pyongyang', { categories: '[North Korea]' }),
    });
    await buildSite(root);
    const out = path.join(root, 'dist');
    expect(await readdir(path.join(out, 'issues'))).toContain('3');
    await rm(path.join(root, 'issues/3'), { recursive: true });
    const summary = await buildSite(root);
    expect(summary.mode).toBe('incremental');
    expect(summary.removed.sort()).toEqual(['issues/3/email.html', 'issues/3/email.txt', 'issues/3/index.html']);
    expect(await readdir(path.join(out, 'issues'))).not.toContain('3');
    expect(await hashTree(out)).toEqual(await cleanBuild(root));
  });

  it('rebuilds everything when a template changes', async () => {
    const root = await writePublication(THIRD);
    const first = await buildSite(root);
    await mkdir(path.join(root, 'templates/partials'), { recursive: true });
    const bundled = await readFile(path.resolve('templates/partials/footer.hbs'), 'utf8');
    await writeFile(path.join(root, 'templates/partials/footer.hbs'), `${bundled}<p>Printed on recycled electrons.</p>\n`);
    const summary = await buildSite(root);
    expect(summary.mode).toBe('full');
    expect(summary.written.length).toBe(first.written.length);
    expect(await readFile(path.join(root, 'dist/issues/1/index.html'), 'utf8')).toContain('recycled electrons');
  });

  it('rebuilds everything when monitor.config.yaml is edited, even to a text of the same size', async () => {
    const root = await writePublication(THIRD);
    const first = await buildSite(root);
    await edit(root, 'monitor.config.yaml', (text) => text.replace('title: Test Reform Monitor', 'title: Best Reform Monitor'));
    await later(path.join(root, 'monitor.config.yaml'));
    const summary = await buildSite(root);
    expect(summary.mode).toBe('full');
    expect(summary.written.length).toBe(first.written.length);
    expect(await readFile(path.join(root, 'dist/index.html'), 'utf8')).toContain('Best Reform Monitor');
  });

  it('notices an item renamed in its folder, which changes the order of its issue', async () => {
    const root = await writePublication(THIRD);
    await buildSite(root);
    await rename(path.join(root, 'issues/1/02-second.md'), path.join(root, 'issues/1/00-second.md'));
    const summary = await buildSite(root);
    expect(summary.mode).toBe('incremental');
    expect(summary.written).toContain('issues/1/index.html');
    const page = await readFile(path.join(root, 'dist/issues/1/index.html'), 'utf8');
    expect(page.indexOf('Moscow courts Beijing')).toBeLessThan(page.indexOf('Budget talks stall in the Duma'));
    expect(await hashTree(path.join(root, 'dist'))).toEqual(await cleanBuild(root));
    // The new name is an input from now on: an edit of it is noticed too.
    await edit(root, 'issues/1/00-second.md', (text) => text.replace('Moscow courts Beijing', 'Moscow woos Beijing'));
    await later(path.join(root, 'issues/1/00-second.md'));
    expect((await buildSite(root)).mode).toBe('incremental');
    expect(await readFile(path.join(root, 'dist/issues/1/index.html'), 'utf8')).toContain('Moscow woos Beijing');
  });
});

describe('a build cache that cannot be trusted', () => {
  const damages: Record<string, (root: string, out: string) => Promise<void>> = {
    'a truncated state file': async (root) => {
      for (const file of await stateFiles(root)) await writeFile(file, (await readFile(file)).subarray(0, 100));
    },
    // Whole and readable, but written under the key of another monitor (its version is in the key).
    'a state file from another version of monitor': async (root) => {
      for (const file of await stateFiles(root)) {
        const body = (await readFile(file)).subarray(41);
        writeCacheFile(file, 'build-state 5 9.9.9 LE', body);
      }
    },
    // The last byte belongs to the last output's key: the stamps would all still match the disk.
    'a state file with one byte of an output key changed': async (root) => {
      for (const file of await stateFiles(root)) {
        const data = await readFile(file);
        data.writeUInt8(data.readUInt8(data.length - 1) ^ 1, data.length - 1);
        await writeFile(file, data);
      }
    },
    // A build that finds nothing changed repeats the totals and warnings of the state's first line.
    'a state file whose recorded totals were changed': async (root) => {
      for (const file of await stateFiles(root)) {
        const text = (await readFile(file)).toString('latin1');
        expect(text).toMatch(/"totals":\{"issues":3,/);
        await writeFile(file, Buffer.from(text.replace(/"totals":\{"issues":3,/, '"totals":{"issues":4,'), 'latin1'));
      }
    },
    'a state file of another sort in its place': async (root) => {
      for (const file of await stateFiles(root)) await writeFile(file, JSON.stringify({ format: 2, inputs: {}, outputs: {} }));
    },
    'an output file deleted by hand': async (_root, out) => rm(path.join(out, 'issues/2/index.html')),
    'an output file edited by hand': async (_root, out) => writeFile(path.join(out, 'categories/russia/index.html'), 'edited by hand'),
    'an output file edited by hand to the same size': async (_root, out) => {
      const file = path.join(out, 'issues/1/email.txt');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/[a-z]/, 'x'));
      await later(file);
    },
  };
  for (const [name, damage] of Object.entries(damages)) {
    it(`is ignored and the site rebuilt in full after ${name}`, async () => {
      const root = await writePublication(THIRD);
      await buildSite(root);
      const out = path.join(root, 'dist');
      await damage(root, out);
      const summary = await buildSite(root);
      expect(summary.mode).toBe('full');
      expect(await hashTree(out)).toEqual(await cleanBuild(root));
      expect((await buildSite(root)).mode).toBe('unchanged');
    });
  }
});

async function stateFiles(root: string): Promise<string[]> {
  const folder = path.join(root, '.monitor-cache');
  const names = (await readdir(folder)).filter((name) => name.startsWith('site-'));
  expect(names.length).toBeGreaterThan(0);
  return names.map((name) => path.join(folder, name));
}

describe('a failed incremental build', () => {
  it('leaves the previous dist/ byte for byte, and the next good build catches up', async () => {
    const root = await writePublication(THIRD);
    await buildSite(root);
    const out = path.join(root, 'dist');
    const before = await hashTree(out);
    const times = await mtimes(out);
    await edit(root, 'issues/2/02-governors.md', (text) => text.replace('headline: Governors reshuffled', 'headline: [unclosed'));
    await edit(root, 'issues/1/01-first.md', (text) => text.replace('written for the tests.', 'changed alongside the broken one.'));
    const { code, stdout, stderr } = await runCli(['build'], root);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/issues\/2\/02-governors\.md:\d+:\d+: error:/);
    expect(await hashTree(out)).toEqual(before);
    expect(await mtimes(out)).toEqual(times);
    expect(await leftovers(out)).toEqual([]);
    await edit(root, 'issues/2/02-governors.md', (text) => text.replace('headline: [unclosed', 'headline: Governors reshuffled again'));
    expect((await buildSite(root)).mode).toBe('incremental');
    expect(await hashTree(out)).toEqual(await cleanBuild(root));
  });
});

describe('a failed incremental build, later than validation', () => {
  it('leaves dist/ untouched when rendering fails halfway through the changed files', async () => {
    const root = await writePublication(THIRD);
    await buildSite(root, { cache: true }, fakeRendering());
    const out = path.join(root, 'dist');
    const before = await hashTree(out);
    const times = await mtimes(out);
    await edit(root, 'issues/1/01-first.md', (text) => text.replace('headline: Budget talks stall in the Duma', 'headline: Budget talks resume'));
    await edit(root, 'issues/3/01-third.md', (text) => text.replace('written for the tests.', 'changed too.'));
    await expect(buildSite(root, { cache: true }, fakeRendering({ failOn: 1 }))).rejects.toThrow('email of 1 failed');
    expect(await hashTree(out)).toEqual(before);
    expect(await mtimes(out)).toEqual(times);
    expect((await buildSite(root, { cache: true }, fakeRendering())).mode).toBe('incremental');
  });

  it('leaves dist/ untouched, with no temporary file, when writing fails after some files were staged', async () => {
    const root = await writePublication({ ...THIRD, 'monitor.config.yaml': `${CONFIG}  - Energy\n` });
    await buildSite(root);
    const out = path.join(root, 'dist');
    // A file where the new category's folder must go: issue 1's files are staged before it fails.
    await writeFile(path.join(out, 'categories/energy'), 'in the way');
    const before = await hashTree(out);
    const times = await mtimes(out);
    await edit(root, 'issues/1/01-first.md', (text) => text.replace('categories: [Russia]', 'categories: [Russia, Energy]'));
    await expect(buildSite(root)).rejects.toThrow();
    expect(await hashTree(out)).toEqual(before);
    expect(await mtimes(out)).toEqual(times);
  });
});

describe('a build that finds nothing changed', () => {
  it('loads neither Handlebars nor MJML (run from the compiled lib/, as npm test compiles it)', async () => {
    const root = await writePublication();
    const script = `
      import { createRequire } from 'node:module';
      const { main } = await import(${JSON.stringify(path.resolve('lib/cli/main.js'))});
      let out = '';
      await main(['build', '--root', ${JSON.stringify(root)}], { out(text) { out += text; }, err() {} });
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ out, heavy: loaded.filter((file) => /node_modules\\/(mjml[^/]*|handlebars)\\//.test(file)) }));
    `;
    const build = async () => JSON.parse((await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script])).stdout);
    const first = await build();
    expect(first.out).toMatch(/^Built 2 issues/);
    expect(first.heavy.length).toBeGreaterThan(0);
    const second = await build();
    expect(second.out).toMatch(/^Nothing changed/);
    expect(second.heavy).toEqual([]);
  });
});
