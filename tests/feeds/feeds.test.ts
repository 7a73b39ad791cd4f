import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { MonitorError } from '../../src/core/errors.js';
import { FEED_LIMIT, renderFeeds } from '../../src/render/feeds/index.js';
import { readTemplates } from '../../src/render/read-templates.js';
import { HOSTILE, feedsOf, hostileFiles, manyIssues } from './feed-fixtures.js';

const rssParser = new Parser({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }], ['content:encoded', 'html']] } });
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry', 'category', 'author', 'link', 'atom:link', 'dc:creator'].includes(name) });

/** Characters XML 1.0 forbids even as references. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function wellFormed(text: string): void {
  expect(XMLValidator.validate(text)).toBe(true);
  expect(NOT_XML.test(text)).toBe(false);
}

describe('feed.xml (RSS 2.0)', () => {
  it('is well-formed and lists the published issues newest first with absolute links, RFC 822 dates and categories', async () => {
    const { site, files } = await feedsOf(hostileFiles());
    const rss = files.get('feed.xml')!;
    wellFormed(rss);
    const feed = await rssParser.parseString(rss);
    expect(feed.title).toBe('Test Reform Monitor');
    expect(feed.link).toBe('https://monitor.test/');
    expect(feed.description).toBe('A weekly digest for tests.');
    expect(feed.items.map((item) => item.link)).toEqual(['https://monitor.test/issues/3/', 'https://monitor.test/issues/2/', 'https://monitor.test/issues/1/']);
    expect(feed.items.map((item) => item.guid)).toEqual(feed.items.map((item) => item.link));
    expect(feed.items.map((item) => item.pubDate)).toEqual(['Mon, 20 Jan 2020 00:00:00 GMT', 'Mon, 13 Jan 2020 00:00:00 GMT', 'Mon, 06 Jan 2020 00:00:00 GMT']);
    expect(feed.items[1]!.title).toBe(site.issues[1]!.subject);
    expect(feed.items[1]!.title).toMatch(/^Test Reform Monitor No\. 2: (Governors reshuffled|Moscow backs breathing room for Pyongyang)$/);
    expect(feed.items[1]!.categories).toEqual(['Economic Sanctions', 'North Korea', 'Democracy and Governance'].sort(byConfig));
    expect(feed.items[1]!.creators).toEqual(['Ada Example']);
  });

  it('declares its own address, a permalink guid and the channel details a reader needs', async () => {
    const { files } = await feedsOf({});
    const channel = xml.parse(files.get('feed.xml')!).rss.channel;
    expect(channel['atom:link'][0]).toMatchObject({ '@href': 'https://monitor.test/feed.xml', '@rel': 'self', '@type': 'application/rss+xml' });
    expect(channel.language).toBe('en');
    expect(channel.lastBuildDate).toBe('Mon, 13 Jan 2020 00:00:00 GMT');
    expect(channel.item[0].guid).toEqual({ '#text': 'https://monitor.test/issues/2/', '@isPermaLink': 'true' });
  });

  it('carries a hostile headline, Cyrillic and emoji through escaped, and drops characters XML forbids', async () => {
    const { files } = await feedsOf(hostileFiles());
    const rss = files.get('feed.xml')!;
    expect(rss).not.toContain('<script>');
    expect(rss).toContain('AT&amp;T &lt;script&gt;alert(1)&lt;/script&gt;');
    const [newest] = (await rssParser.parseString(rss)).items;
    expect(newest!.title).toBe(`Test Reform Monitor No. 3: ${HOSTILE}`);
    const html: string = newest!.html;
    expect(html).toContain('<h2 id="hostile">AT&amp;T &lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;</h2>');
    expect(html).toContain('ГОСДУМА ПРИНЯЛА БЮДЖЕТ 🎉 «QUOTED»');
    expect(html).toContain('a bell  rings');
  });

  it('splits "]]>" in the issue HTML so the CDATA sections (RSS and Atom) hold the exact text', async () => {
    const { site } = await feedsOf({});
    const tricky = '<pre>x]]>y ]]]]> z</pre>';
    const feeds = renderFeeds(site, { content: () => tricky, templates: await readTemplates(process.cwd()) });
    const text = (path: string) => feeds.find((file) => file.path === path)!.render();
    wellFormed(text('feed.xml'));
    wellFormed(text('atom.xml'));
    expect((await rssParser.parseString(text('feed.xml'))).items.map((item) => item.html)).toEqual([tricky, tricky]);
    expect((await rssParser.parseString(text('atom.xml'))).items.map((item) => item.content)).toEqual([tricky, tricky]);
  });
});

describe('atom.xml (Atom 1.0)', () => {
  it('has the feed id, self link, updated date and entries with id, dates, link, authors, categories and html content', async () => {
    const { files } = await feedsOf(hostileFiles());
    const atom = files.get('atom.xml')!;
    wellFormed(atom);
    const feed = xml.parse(atom).feed;
    expect(feed.id).toBe('https://monitor.test/');
    expect(feed.updated).toBe('2020-01-20T00:00:00Z');
    expect(feed.link).toContainEqual({ '@rel': 'self', '@type': 'application/atom+xml', '@href': 'https://monitor.test/atom.xml' });
    const [entry] = feed.entry;
    expect(entry.id).toBe('https://monitor.test/issues/3/');
    expect(entry.title).toBe(`Test Reform Monitor No. 3: ${HOSTILE}`);
    expect(entry.published).toBe('2020-01-20T00:00:00Z');
    expect(entry.updated).toBe('2020-01-20T00:00:00Z');
    expect(entry.link[0]).toMatchObject({ '@rel': 'alternate', '@href': 'https://monitor.test/issues/3/' });
    expect(entry.author).toEqual([{ name: 'Ada Example' }]);
    expect(entry.category.map((category: Record<string, string>) => category['@term'])).toEqual(['China', 'Russia']);
    expect(entry.content['@type']).toBe('html');
  });

  it('reads back through rss-parser with the exact titles and HTML', async () => {
    const { files } = await feedsOf(hostileFiles());
    const feed = await rssParser.parseString(files.get('atom.xml')!);
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]!.title).toBe(`Test Reform Monitor No. 3: ${HOSTILE}`);
    expect(feed.items[0]!.content).toContain('AT&amp;T &lt;SCRIPT&gt;');
    expect(feed.items.map((item) => item.isoDate)).toEqual(['2020-01-20T00:00:00.000Z', '2020-01-13T00:00:00.000Z', '2020-01-06T00:00:00.000Z']);
  });
});

describe('feed.json (JSON Feed 1.1)', () => {
  it('follows JSON Feed 1.1 with absolute URLs, RFC 3339 dates, authors, tags and language', async () => {
    const { files } = await feedsOf(hostileFiles());
    const feed = JSON.parse(files.get('feed.json')!);
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Test Reform Monitor',
      home_page_url: 'https://monitor.test/',
      feed_url: 'https://monitor.test/feed.json',
      language: 'en',
    });
    expect(feed.items).toHaveLength(3);
    const [newest] = feed.items;
    expect(newest).toMatchObject({
      id: 'https://monitor.test/issues/3/',
      url: 'https://monitor.test/issues/3/',
      title: `Test Reform Monitor No. 3: ${HOSTILE}`,
      date_published: '2020-01-20T00:00:00Z',
      authors: [{ name: 'Ada Example' }],
      tags: ['China', 'Russia'],
      language: 'en',
    });
    expect(newest.content_html).toContain('ГОСДУМА');
    expect(newest.content_html).not.toContain('\u0007');
    for (const item of feed.items) expect(new URL(item.url).protocol).toBe('https:');
  });
});

describe('which issues a feed lists', () => {
  it('never lists a draft, even when the site was composed with drafts', async () => {
    const { site, files } = await feedsOf(hostileFiles(), { drafts: true });
    expect(site.issues.map((issue) => issue.number)).toContain(4);
    for (const [path, text] of files) {
      expect(text, path).not.toContain('issues/4/');
      expect(text, path).not.toContain('Draft story');
    }
  });

  it(`lists only the latest ${FEED_LIMIT} of 25 published issues, newest first`, async () => {
    const { files } = await feedsOf(manyIssues(25));
    const rss = await rssParser.parseString(files.get('feed.xml')!);
    expect(rss.items.map((item) => item.link)).toEqual(Array.from({ length: 20 }, (_, index) => `https://monitor.test/issues/${25 - index}/`));
    expect(xml.parse(files.get('atom.xml')!).feed.entry).toHaveLength(20);
    expect(JSON.parse(files.get('feed.json')!).items).toHaveLength(20);
    const russia = await rssParser.parseString(files.get('categories/russia/feed.xml')!);
    expect(russia.items.map((item) => item.link)).toEqual([25, 23, 21, 19, 17, 15, 13, 11, 9, 7, 5, 3, 1].map((n) => `https://monitor.test/issues/${n}/`));
  });
});

describe('category feeds', () => {
  it('writes categories/<slug>/feed.xml per category, one entry per issue with an item in it', async () => {
    const { site, files } = await feedsOf(hostileFiles());
    expect([...files.keys()].filter((path) => path.startsWith('categories/'))).toEqual(site.categories.map((page) => `categories/${page.category.slug}/feed.xml`));
    const china = files.get('categories/china/feed.xml')!;
    wellFormed(china);
    const feed = await rssParser.parseString(china);
    expect(feed.title).toBe('Test Reform Monitor: China');
    expect(feed.link).toBe('https://monitor.test/categories/china/');
    expect(feed.items.map((item) => item.link)).toEqual(['https://monitor.test/issues/3/', 'https://monitor.test/issues/1/']);
    expect(xml.parse(china).rss.channel['atom:link'][0]['@href']).toBe('https://monitor.test/categories/china/feed.xml');
  });
});

const ORDER = ['Democracy and Governance', 'Economic Sanctions', 'China', 'North Korea', 'Russia'];
function byConfig(a: string, b: string): number {
  return ORDER.indexOf(a) - ORDER.indexOf(b);
}

describe('feed templates', () => {
  it('uses the publication\'s own feeds/rss.xml.hbs when it has one', async () => {
    const { site } = await feedsOf({});
    const templates = new Map(await readTemplates(process.cwd()));
    templates.set('feeds/rss.xml.hbs', templates.get('feeds/rss.xml.hbs')!.replace('<generator>monitor</generator>', '<generator>{{title}} desk</generator>'));
    const rss = renderFeeds(site, { content: () => '', templates }).find((file) => file.path === 'feed.xml')!.render();
    wellFormed(rss);
    expect(rss).toContain('<generator>Test Reform Monitor desk</generator>');
  });

  it('names a missing feed template in a MonitorError', async () => {
    const { site } = await feedsOf({});
    const templates = new Map(await readTemplates(process.cwd()));
    templates.delete('feeds/atom.xml.hbs');
    expect(() => renderFeeds(site, { content: () => '', templates })).toThrow(/template feeds\/atom\.xml\.hbs is missing/);
    expect(() => renderFeeds(site, { content: () => '', templates })).toThrow(MonitorError);
  });
});

describe('feed snapshots', () => {
  it('matches the reviewed RSS, Atom and JSON Feed of the test publication', async () => {
    const { files } = await feedsOf({});
    await expect(files.get('feed.xml')).toMatchFileSnapshot('__snapshots__/feed.xml');
    await expect(files.get('atom.xml')).toMatchFileSnapshot('__snapshots__/atom.xml');
    await expect(files.get('feed.json')).toMatchFileSnapshot('__snapshots__/feed.json');
  });
});
