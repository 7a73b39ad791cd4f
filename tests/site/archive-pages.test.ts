import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import MiniSearch from 'minisearch';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/index.js';
import { firstSentence } from '../../src/render/search-text.js';
import type { PartDocuments, Terms } from '../../src/search/index-files.js';
import { SEARCH_OPTIONS } from '../../src/search/search-terms.js';
import { issueFile, itemFile, writePublication } from '../helpers/sample-publication.js';

// The archive's finding aids, built by `monitor build` from a publication of our own: the list of
// categories, author pages, sitemap.xml, robots.txt, 404.html, the issue pages' JSON-LD and the search index.

const DRAFT = {
  'issues/3/issue.md': issueFile(3, '2020-01-20').replace('author: Ada Example', 'author: Dora Draftwriter').replace('status: published', 'status: draft'),
  'issues/3/01-draft.md': itemFile('Unpublished draft story', { categories: '[Russia]', body: 'A secret zanzibarquest plan.' }),
};
const SECOND_AUTHOR = {
  'issues/2/issue.md': issueFile(2, '2020-01-13').replace('author: Ada Example', 'author: [Ada Example, Borís Ñandú]'),
  'issues/1/01-first.md': itemFile('Budget talks stall in the Duma', {
    categories: '[Russia]',
    body: 'Deputies of the Duma failed again to agree. The speaker said talks would resume.\n\nA second paragraph.',
  }),
};

const read = (root: string, file: string) => readFile(path.join(root, 'dist', file), 'utf8');

describe('the archive finding aids', () => {
  it('lists every category with its number of items and latest date, linked from every page', async () => {
    const root = await writePublication({ ...DRAFT, ...SECOND_AUTHOR });
    await buildSite(root);
    const html = await read(root, 'categories/index.html');
    // Russia: two items of issue 1 (the draft's is not counted); latest January 6, 2020.
    expect(html).toMatch(/<a href="\.\.\/categories\/russia\/">Russia<\/a> <span class="entry-meta">· 2 items · latest <time datetime="2020-01-06">January 6, 2020<\/time>/);
    expect(html).toMatch(/<a href="\.\.\/categories\/north-korea\/">North Korea<\/a> <span class="entry-meta">· 1 item · latest <time datetime="2020-01-13">/);
    for (const page of ['index.html', 'issues/1/index.html', 'categories/russia/index.html', 'search/index.html']) {
      const depth = page.split('/').length - 1;
      expect(await read(root, page), page).toContain(`<a href="${depth === 0 ? './' : '../'.repeat(depth)}categories/">Categories</a>`);
    }
  });

  it('shows the first sentence of each item under its headline on a category page', async () => {
    const root = await writePublication(SECOND_AUTHOR);
    await buildSite(root);
    const html = await read(root, 'categories/russia/index.html');
    expect(html).toContain('<p class="entry-lede">Deputies of the Duma failed again to agree.</p>');
    expect(firstSentence('Владимир Путин сказал *это*. Второе предложение.', 'ru')).toBe('Владимир Путин сказал это.');
    expect(firstSentence('AT&T <b>says</b> &amp; more. Then.')).toBe('AT&T says & more.');
  });

  it('gives each author a page of their published issues, linked from the byline', async () => {
    const root = await writePublication({ ...DRAFT, ...SECOND_AUTHOR });
    await buildSite(root);
    const ada = await read(root, 'authors/ada-example/index.html');
    expect(ada).toContain('<h1>Ada Example</h1>');
    expect(ada).toContain('href="../../issues/2/"');
    expect(ada).toContain('href="../../issues/1/"');
    const boris = await read(root, 'authors/boris-nandu/index.html');
    expect(boris).toContain('href="../../issues/2/"');
    expect(boris).not.toContain('href="../../issues/1/"');
    await expect(read(root, 'authors/dora-draftwriter/index.html')).rejects.toThrow(/ENOENT/);
    expect(await read(root, 'issues/2/index.html')).toContain('<a href="../../authors/ada-example/" rel="author">Ada Example</a> and <a href="../../authors/boris-nandu/" rel="author">Borís Ñandú</a>');
  });

  it('writes a valid sitemap of every published page once, a robots.txt naming it and a 404 page with the search box', async () => {
    const root = await writePublication({ ...DRAFT, ...SECOND_AUTHOR });
    await buildSite(root, { drafts: true });
    const sitemap = await read(root, 'sitemap.xml');
    const schema = await readFile(new URL('./fixtures/sitemap.xsd', import.meta.url), 'utf8');
    const checked = await validateXML({ xml: [{ fileName: 'sitemap.xml', contents: sitemap }], schema: [{ fileName: 'sitemap.xsd', contents: schema }] });
    expect(checked.errors).toEqual([]);
    expect(checked.valid).toBe(true);
    // The schema can fail: an entry without its address does not pass.
    const broken = await validateXML({ xml: [{ fileName: 'broken.xml', contents: sitemap.replace(/<loc>[^<]*<\/loc>/, '') }], schema: [{ fileName: 'sitemap.xsd', contents: schema }] });
    expect(broken.valid).toBe(false);
    const urls = (new XMLParser().parse(sitemap) as { urlset: { url: Array<{ loc: string; lastmod: string }> } }).urlset.url;
    const locs = urls.map((url) => url.loc);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs).toEqual(expect.arrayContaining([
      'https://monitor.test/', 'https://monitor.test/issues/1/', 'https://monitor.test/issues/2/', 'https://monitor.test/categories/',
      'https://monitor.test/categories/russia/', 'https://monitor.test/authors/ada-example/', 'https://monitor.test/search/',
    ]));
    expect(locs.filter((loc) => loc.includes('/issues/3/') || loc.includes('dora'))).toEqual([]);
    expect(locs.filter((loc) => loc === 'https://monitor.test/issues/1/')).toHaveLength(1);
    expect(urls.find((url) => url.loc === 'https://monitor.test/issues/1/')!.lastmod).toBe('2020-01-06');
    expect(await read(root, 'robots.txt')).toContain('Sitemap: https://monitor.test/sitemap.xml');
    const notFound = await read(root, '404.html');
    expect(notFound).toContain('<form class="search-box" role="search" action="/search/" method="get">');
    expect(notFound).toContain('<link rel="stylesheet" href="/style.css">');
    expect(notFound).toContain('<meta name="robots" content="noindex">');
  });

  it('puts NewsArticle and ItemList JSON-LD on a published issue page, escaped so a headline cannot end the script', async () => {
    const root = await writePublication({ 'issues/2/02-governors.md': itemFile('"Governors </script><script>alert(1)</script> reshuffled"', { section: 'politics' }) });
    await buildSite(root);
    const html = await read(root, 'issues/2/index.html');
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    expect(blocks).toHaveLength(1);
    const graph = (JSON.parse(blocks[0]!) as { '@graph': Array<Record<string, unknown>> })['@graph'];
    expect(graph[0]).toMatchObject({ '@type': 'NewsArticle', headline: 'Test Reform Monitor No. 2', datePublished: '2020-01-13', url: 'https://monitor.test/issues/2/' });
    const items = graph[1]!.itemListElement as Array<{ position: number; name: string; url: string }>;
    expect(items.map((item) => item.name)).toContain('Governors </script><script>alert(1)</script> reshuffled');
    expect(items[0]).toMatchObject({ position: 1 });
    expect(html).not.toContain('<script>alert(1)');
  });

  it('indexes published issues for search, never a draft, and re-indexes only the issues that changed', async () => {
    const root = await writePublication({ ...DRAFT, ...SECOND_AUTHOR });
    const first = await buildSite(root, { drafts: true });
    expect(first.search).toEqual({ parts: 1, issues: 2 });
    expect(await indexedNumbers(root)).toEqual(['1', '2']);
    expect(await search(root, 'zanzibarquest')).toEqual([]);
    // A word of one item's body, found by a prefix, in any case and without its accents.
    expect(await search(root, 'Speak')).toEqual(['1']);
    expect(await search(root, 'nandu')).toEqual([]);
    expect(await read(root, 'search/index.html')).toContain('<noscript>');
    const again = await buildSite(root, { drafts: true });
    expect(again.mode).toBe('unchanged');
    expect(again.search).toBeUndefined();
    await writeFile(path.join(root, 'issues/1/02-second.md'), itemFile('Moscow courts Beijing', { categories: '[China, Russia]', body: 'Now with more quixotically words.' }));
    const edited = await buildSite(root, { drafts: true });
    expect(edited.mode).toBe('incremental');
    expect(edited.search).toEqual({ parts: 1, issues: 1 });
    expect(await search(root, 'quixotic')).toEqual(['1']);
    expect(await search(root, 'speaker')).toEqual(['1']);
    expect(edited.written).toEqual(expect.arrayContaining(['issues/1/index.html', 'categories/china/index.html', 'categories/russia/index.html']));
    expect(edited.written).not.toContain('authors/ada-example/index.html');
  });

  it('finds Cyrillic words by their Russian spelling, with or without the letters ё and й', async () => {
    const root = await writePublication({
      'issues/2/01-second.md': itemFile('Ministry reshuffle', { categories: '[Russia]', body: 'The paper quoted «Известия» on Мишустин and his Ёлкин-style reforms in Йошкар-Ола.' }),
    });
    await buildSite(root);
    expect(await search(root, 'Мишустин')).toEqual(['2']);
    expect(await search(root, 'известия')).toEqual(['2']);
    expect(await search(root, 'елкин')).toEqual(['2']);
    expect(await search(root, 'иошкар')).toEqual(['2']);
    // Each word is in the term file of its first two letters, a Cyrillic letter named by its code point.
    const terms = JSON.parse(await read(root, 'search/index/terms-_043c_0438.json')) as Record<string, Terms>;
    expect(terms['0']!.map(([term]) => term)).toEqual(['мишустин']);
    expect(await read(root, 'search/index/terms-re.json')).toContain('"reforms"');
  });

  it('makes a removed search index again on a build with nothing else to do', async () => {
    const root = await writePublication();
    await buildSite(root);
    await rm(path.join(root, 'dist', 'search', 'index'), { recursive: true });
    const again = await buildSite(root);
    // Written again from the parts the cache keeps: none is made again.
    expect(again.search).toEqual({ parts: 0, issues: 0 });
    expect(await indexedNumbers(root)).toEqual(['1', '2']);
  });

  it('indexes in parts of 250 issue numbers, and takes out a part no published issue is left in', async () => {
    const root = await writePublication({ 'issues/300/issue.md': issueFile(300, '2020-02-03'), 'issues/300/01-later.md': itemFile('A later story', { body: 'Flamboyantly late.' }) });
    // Numbers need not follow each other: only each one's folder name must match it.
    const first = await buildSite(root);
    expect(first.search).toEqual({ parts: 2, issues: 3 });
    expect(Object.keys(JSON.parse(await read(root, 'search/index/documents.json')) as object)).toEqual(['0', '1']);
    expect(await search(root, 'flamboyantly')).toEqual(['300']);
    await rm(path.join(root, 'issues', '300'), { recursive: true });
    const second = await buildSite(root);
    expect(second.search).toEqual({ parts: 0, issues: 0 });
    expect(Object.keys(JSON.parse(await read(root, 'search/index/documents.json')) as object)).toEqual(['0']);
    expect(await indexedNumbers(root)).toEqual(['1', '2']);
    expect(await search(root, 'flamboyantly')).toEqual([]);
  });

  it('forgets a part the cache holds no stamps for, as a build stopped before writing them leaves it', async () => {
    const root = await writePublication({ 'issues/300/issue.md': issueFile(300, '2020-02-03'), 'issues/300/01-later.md': itemFile('A later story') });
    await buildSite(root);
    const parts = path.join(root, '.monitor-cache', 'search-parts');
    const [folder] = await readdir(parts);
    expect((await readdir(path.join(parts, folder!))).sort()).toEqual(['documents-0.json', 'documents-1.json', 'files-0.json', 'files-1.json', 'stamps.json']);
    await rm(path.join(parts, folder!, 'stamps.json'));
    await rm(path.join(root, 'issues', '300'), { recursive: true });
    expect((await buildSite(root)).search).toEqual({ parts: 1, issues: 0 });
    expect((await readdir(path.join(parts, folder!))).sort()).toEqual(['documents-0.json', 'files-0.json', 'stamps.json']);
    expect(await indexedNumbers(root)).toEqual(['1', '2']);
  });
});

/** Each part of the built index as MiniSearch, loaded from its files as the search page loads it (src/search/search-page.ts). */
async function indexParts(root: string): Promise<MiniSearch[]> {
  const parts = JSON.parse(await read(root, 'search/index/documents.json')) as Record<string, PartDocuments>;
  return Promise.all(Object.entries(parts).map(async ([part, documents]) => {
    const terms = await Promise.all(documents.shards.map(async (name) => (JSON.parse(await read(root, `search/index/terms-${name}.json`)) as Record<string, Terms>)[part]!));
    return MiniSearch.loadJS({ ...documents, index: terms.flat() }, SEARCH_OPTIONS);
  }));
}

/** The issue numbers the built index holds. */
async function indexedNumbers(root: string): Promise<string[]> {
  const parts = await indexParts(root);
  return parts.flatMap((part) => part.search(MiniSearch.wildcard).map((result) => String(result.id))).sort((a, b) => Number(a) - Number(b));
}

/** The numbers of the issues a query finds, as the search page asks each part. */
async function search(root: string, query: string): Promise<string[]> {
  const parts = await indexParts(root);
  const options = { prefix: (_term: string, place: number, all: string[]) => place === all.length - 1, combineWith: 'AND' as const };
  return parts.flatMap((part) => part.search(query, options).map((result) => String(result.id))).sort();
}
