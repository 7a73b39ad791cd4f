import { parseDocument } from 'htmlparser2';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { issueFile, itemFile } from '../helpers/sample-publication.js';
import { feedsOf } from './feed-fixtures.js';

const PAYLOADS = ['Payloads <script>alert(3)</script>', 'Pictures <img src=x onerror=alert(4)> & more'];

/** An issue whose preheader (the headlines joined) holds markup an attacker would like a reader to run. */
function payloadIssue() {
  return {
    'issues/3/issue.md': issueFile(3, '2020-01-20'),
    'issues/3/01-payload.md': itemFile(JSON.stringify(PAYLOADS[0]), { categories: '[Russia]' }),
    'issues/3/02-picture.md': itemFile(JSON.stringify(PAYLOADS[1]), { categories: '[Russia]' }),
  };
}

/** What a feed reader gets when it takes `html` as HTML: every element name and attribute name. */
function markupOf(html: string): { elements: string[]; attributes: string[] } {
  const elements: string[] = [];
  const attributes: string[] = [];
  const walk = (nodes: ReturnType<typeof parseDocument>['children']) => {
    for (const node of nodes) {
      if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        elements.push(node.name);
        attributes.push(...Object.keys(node.attribs));
        walk(node.children);
      }
    }
  };
  walk(parseDocument(html).children);
  return { elements, attributes };
}

function expectInert(html: string): void {
  const { elements, attributes } = markupOf(html);
  expect(elements).not.toContain('script');
  expect(elements).not.toContain('img');
  expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
}

describe('text placed in a feed\'s HTML fields (regression: RSS <description> held a live <script>)', () => {
  it('RSS 2.0: the item description, read as HTML, holds the headlines as words and no markup', async () => {
    const { files } = await feedsOf(payloadIssue());
    const feed = await new Parser().parseString(files.get('feed.xml')!);
    const description = new XMLParser().parse(files.get('feed.xml')!).rss.channel.item[0].description as string;
    expectInert(description);
    expect(markupOf(description).elements).toEqual([]);
    const words = parseDocument(description).children.map((node) => ('data' in node ? node.data : '')).join('');
    expect(words).toContain(PAYLOADS[0]);
    expect(feed.items[0]!.title).toContain(PAYLOADS[0]);
    for (const file of ['feed.xml', 'categories/russia/feed.xml']) {
      const channel = new XMLParser().parse(files.get(file)!).rss.channel;
      expectInert(channel.description);
    }
  });

  it('Atom 1.0: the summary is text (no type) and the content, type="html", holds the headline escaped', async () => {
    const { files } = await feedsOf(payloadIssue());
    const entry = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(files.get('atom.xml')!).feed.entry[0];
    expect(typeof entry.summary).toBe('string');
    expect(entry.summary).toContain(PAYLOADS[0]);
    expect(entry.content['@type']).toBe('html');
    expectInert(entry.content['#text']);
  });

  it('JSON Feed 1.1: summary is the plain text, content_html holds nothing executable', async () => {
    const { files } = await feedsOf(payloadIssue());
    const [item] = JSON.parse(files.get('feed.json')!).items;
    expect(item.summary).toContain(PAYLOADS[0]);
    expect(item.summary).toContain(PAYLOADS[1]);
    expectInert(item.content_html);
  });
});
