import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposedIssue, ComposedSite } from '../../src/compose/types.js';
import { EXAMPLE_ROOT, linkTargets, removeFixture, renderPublication, writeFixture, type Rendered } from './fixture.js';
import { executableParts, visibleText } from './html-text.js';

const count = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].length;

describe('issue page', () => {
  let root: string;
  let rendered: Rendered;
  let html: string;

  beforeAll(async () => {
    root = await writeFixture();
    rendered = await renderPublication(root);
    html = rendered.renderer.issuePage(rendered.issue(2), rendered.site);
  });
  afterAll(() => removeFixture(root));

  it('has one h1 and an h2 per item whose id is the item anchor', () => {
    expect(count(html, /<h1[\s>]/g)).toBe(1);
    const ids = [...html.matchAll(/<h2[^>]*\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(rendered.issue(2).items.map((item) => item.anchor));
    expect(ids).toEqual(['governors', 'hostile', 'sanctions']);
  });

  it('states the date in a <time datetime> and the house-style header', () => {
    expect(html).toContain('<time datetime="2020-01-13">January 13, 2020</time>');
    expect(visibleText(html)).toContain('Test Reform Monitor No. 2 January 13, 2020 Margot Example and Ben Sample Related Categories: Democracy and Governance; Economic Sanctions; China; North Korea');
  });

  it('declares canonical URL, Open Graph, Twitter card and feed links, all absolute', () => {
    expect(html).toContain('<link rel="canonical" href="https://monitor.test/monitor/issues/2/">');
    expect(html).toContain('<meta property="og:title" content="Test Reform Monitor No. 2">');
    expect(html).toContain('<meta property="og:url" content="https://monitor.test/monitor/issues/2/">');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    expect(html).toContain('<meta property="og:description" content="Russia and China seek sanctions relief for Pyongyang">');
    for (const [type, file] of [['rss+xml', 'feed.xml'], ['atom+xml', 'atom.xml'], ['feed+json', 'feed.json']] as const) {
      expect(html).toMatch(new RegExp(`<link rel="alternate" type="application/${type.replace('+', '\\+')}"[^>]+href="https://monitor.test/monitor/${file}">`));
    }
  });

  it('links to the previous issue, and the first issue links to the next', () => {
    expect(html).toContain('<a class="older" rel="prev" href="../../issues/1/">← Previous: No. 1, January 6, 2020</a>');
    expect(html).not.toContain('rel="next"');
    const first = rendered.renderer.issuePage(rendered.issue(1), rendered.site);
    expect(first).toContain('<a class="newer" rel="next" href="../../issues/2/">Next: No. 2, January 13, 2020 →</a>');
  });

  it('carries the citation, links the shared stylesheet relatively and inlines no CSS', () => {
    expect(html.replace(/\s+/g, ' ')).toContain('does not require. <span class="citation">(<a href="https://www.themoscowtimes.com/2019/12/17/story"><em>The Moscow Times</em></a>, December 17, 2019; Reuters, December 29, 2019)</span></p>');
    expect([...html.matchAll(/<link[^>]+stylesheet[^>]*>/g)].map((match) => match[0])).toEqual(['<link rel="stylesheet" href="../../style.css">']);
    expect(html).not.toMatch(/<style[\s>]/);
    expect(html).not.toContain('max-width: 680px');
  });

  it('escapes a hostile headline and sanitises a hostile body', () => {
    expect(html).toContain('<h2 class="item-headline" id="hostile">AT&amp;T &lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;</h2>');
    expect(executableParts(html)).toEqual([]);
    // The headline is in the JSON-LD block too, as data, its `<` escaped so `</script>` cannot end the block.
    const [, data] = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)!;
    expect(data).not.toMatch(/<\//);
    const list = (JSON.parse(data!) as { '@graph': Array<{ itemListElement?: Array<{ name: string }> }> })['@graph'][1]!.itemListElement!;
    expect(list.map((element) => element.name)).toContain('AT&T <script>alert(1)</script>');
    expect(html.replace(data!, '')).not.toContain('alert(');
  });

  it('resolves body links against the issue URL', () => {
    expect(html).toContain('<a href="https://monitor.test/monitor/issues/1/">relative link</a>');
    expect(html).toContain('<a href="https://monitor.test/about">an about page</a>');
    expect(linkTargets(html).filter((target) => /^[a-z]+:/i.test(target) && !/^(https:|mailto:)/.test(target))).toEqual([]);
  });

  it('marks a draft and keeps it out of search engines', async () => {
    const drafted = await writeFixture({ 'issues/2/issue.md': '---\nnumber: 2\ndate: 2020-01-13\nauthor: A. Editor\nstatus: draft\n---\n' });
    try {
      const { renderer, issue, site } = await renderPublication(drafted);
      const page = renderer.issuePage(issue(2), site);
      expect(page).toContain('<meta name="robots" content="noindex">');
      expect(page).toContain('Draft: this issue is not published yet.');
      const archive = renderer.archivePages(site).map((page) => ({ path: page.path, html: page.render() }));
      expect(archive.map((entry) => entry.path)).toEqual(['index.html']);
      expect(archive[0]!.html).not.toContain('issues/2/');
      expect(archive[0]!.html).toContain('href="./issues/1/"');
    } finally {
      await removeFixture(drafted);
    }
  });
});

describe('issue content for feeds', () => {
  it('is a fragment with headings, bodies and citations, links absolute', async () => {
    const root = await writeFixture();
    try {
      const { renderer, issue } = await renderPublication(root);
      const content = renderer.issueContent(issue(2));
      expect(content).not.toContain('<html');
      expect(content).toContain('<h3 id="sanctions">MOSCOW BACKS BREATHING ROOM FOR PYONGYANG</h3>');
      expect(content).toContain('<h2 class="section-title">Security and Foreign Policy</h2>');
      expect(executableParts(content)).toEqual([]);
      expect(linkTargets(content).filter((target) => !/^(https:\/\/|mailto:)/.test(target))).toEqual([]);
    } finally {
      await removeFixture(root);
    }
  });
});

/** The fixture's issue 2 repeated under numbers 1..total, newest first, as composeSite would order them. */
function manyIssues(site: ComposedSite, template: ComposedIssue, total: number): ComposedSite {
  const issues = Array.from({ length: total }, (_, index) => {
    const number = total - index;
    return { ...template, number, title: `Test Reform Monitor No. ${number}`, path: `issues/${number}/` };
  });
  return { ...site, issues };
}

describe('archive pages', () => {
  let root: string;
  let rendered: Rendered;
  beforeAll(async () => {
    root = await writeFixture();
    rendered = await renderPublication(root);
  });
  afterAll(() => removeFixture(root));

  it('lists issues newest first with number, date and headlines', () => {
    const [first] = rendered.renderer.archivePages(rendered.site).map((page) => ({ path: page.path, html: page.render() }));
    const text = visibleText(first!.html);
    expect(first!.path).toBe('index.html');
    expect(count(first!.html, /<h1[\s>]/g)).toBe(1);
    expect(text.indexOf('Test Reform Monitor No. 2')).toBeLessThan(text.indexOf('Test Reform Monitor No. 1'));
    expect(text).toContain('Test Reform Monitor No. 2 January 13, 2020 · Margot Example and Ben Sample Governors reshuffled AT&T <script>alert(1)</script> Moscow backs breathing room for Pyongyang');
    expect(first!.html).toContain('<a href="./issues/2/#sanctions">Moscow backs breathing room for Pyongyang</a>');
    expect(first!.html).toContain('<link rel="canonical" href="https://monitor.test/monitor/">');
    expect(executableParts(first!.html)).toEqual([]);
  });

  it('puts 20 issues on a page: index.html, page/2/index.html, page/3/index.html', () => {
    const site = manyIssues(rendered.site, rendered.issue(2), 45);
    const pages = rendered.renderer.archivePages(site).map((page) => ({ path: page.path, html: page.render() }));
    expect(pages.map((page) => page.path)).toEqual(['index.html', 'page/2/index.html', 'page/3/index.html']);
    const numbers = pages.map((page) => [...page.html.matchAll(/>Test Reform Monitor No\. (\d+)</g)].map((match) => Number(match[1])));
    expect(numbers.map((list) => list.length)).toEqual([20, 20, 5]);
    expect(numbers.flat()).toEqual(Array.from({ length: 45 }, (_, index) => 45 - index));
    expect(pages[0]!.html).toContain('<a class="older" rel="next" href="./page/2/">Older issues →</a>');
    expect(pages[1]!.html).toContain('<a class="newer" rel="prev" href="../../">← Newer issues</a>');
    expect(pages[1]!.html).toContain('<a class="older" rel="next" href="../../page/3/">Older issues →</a>');
    expect(pages[2]!.html).not.toContain('Older issues');
    expect(pages[1]!.html).toContain('<link rel="canonical" href="https://monitor.test/monitor/page/2/">');
    expect(pages[1]!.html).toContain('href="../../issues/25/"');
  });
});

describe('category pages', () => {
  it('list every item of the category, newest issue first, linked to its anchor', async () => {
    const { renderer, site } = await renderPublication(EXAMPLE_ROOT);
    for (const page of site.categories) {
      const html = renderer.categoryPage(page, site).render();
      expect(count(html, /<h1[\s>]/g)).toBe(1);
      expect(html).toContain(`<h1>${page.category.name}</h1>`);
      expect(html).toContain(`<link rel="canonical" href="${site.publication.baseUrl}categories/${page.category.slug}/">`);
      expect(html).toContain(`href="${site.publication.baseUrl}categories/${page.category.slug}/feed.xml"`);
      const linked = [...html.matchAll(/<h2[^>]*><a href="\.\.\/\.\.\/issues\/(\d+)\/#([^"]+)">/g)].map((match) => `${match[1]}#${match[2]}`);
      expect(linked).toEqual(page.entries.map(({ issue, item }) => `${issue.number}#${item.anchor}`));
      const numbers = page.entries.map(({ issue }) => issue.number);
      expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
    }
  });
});

describe('web pages of the example publication', () => {
  it('match their snapshots', async () => {
    const { renderer, site } = await renderPublication(EXAMPLE_ROOT);
    const newest = site.issues[0]!;
    await expect(renderer.issuePage(newest, site)).toMatchFileSnapshot(`snapshots/example-${newest.number}.html`);
    await expect(renderer.archivePages(site)[0]!.render()).toMatchFileSnapshot('snapshots/example-archive.html');
  });
});

describe('the shared stylesheet', () => {
  it('is the web-styles partial, linked from every page by its depth', async () => {
    const { renderer, site } = await renderPublication(EXAMPLE_ROOT);
    const styles = await readFile(path.join(EXAMPLE_ROOT, 'templates/partials/web-styles.hbs'), 'utf8');
    expect(renderer.stylesheet().render()).toBe(styles);
    expect(renderer.stylesheet().render()).toContain('max-width: 680px');
    const link = (html: string) => /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1];
    expect(link(renderer.archivePages(site)[0]!.render())).toBe('./style.css');
    expect(link(renderer.categoryPage(site.categories[0]!, site).render())).toBe('../../style.css');
    expect(link(renderer.issuePage(site.issues[0]!, site))).toBe('../../style.css');
  });

  it('follows a publication that overrides web-styles, and leaves the email its inline styles', async () => {
    const root = await writeFixture({ 'templates/partials/web-styles.hbs': 'body { color: #123456; }\n' });
    try {
      const { renderer, issue, site } = await renderPublication(root);
      expect(renderer.stylesheet().render()).toBe('body { color: #123456; }\n');
      expect(renderer.issuePage(issue(2), site)).not.toContain('#123456');
      const email = await renderer.email(issue(2));
      expect(email).toContain('<style');
      expect(email).toMatch(/<td[^>]+style="/);
      expect(email).not.toMatch(/<link[^>]+stylesheet/);
    } finally {
      await removeFixture(root);
    }
  });
});
