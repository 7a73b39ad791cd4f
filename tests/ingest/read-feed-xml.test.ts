import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../src/ingest/decode-feed.js';
import { toFeedEntry } from '../../src/ingest/feed-entry.js';
import { parseFeed } from '../../src/ingest/parse-feed.js';
import { readFeedWithRssParser } from '../../src/ingest/read-feed-rss-parser.js';
import { readFeedXml } from '../../src/ingest/read-feed-xml.js';
import { repairXml } from '../../src/ingest/repair-xml.js';
import { xmlText } from '../../src/ingest/walk-xml.js';
import { dedupeEntries } from '../../src/ingest/select-entries.js';
import { fixtureBytes, fixtureText } from './fixtures.js';
import { sampleFeed, seededRandom } from './sample-feed.js';

const FEED_URL = 'https://ledger.example/rss/news.xml';

/** Both readers on the same repaired text, each entry mapped the same way. */
async function bothReaders(text: string) {
  const repaired = repairXml(text).text;
  const fast = readFeedXml(repaired);
  const strict = await readFeedWithRssParser(repaired, []);
  return {
    fast: fast && { title: fast.title, entries: fast.items.map((item) => toFeedEntry(item, FEED_URL)) },
    strict: { title: strict.title, entries: strict.items.map((item) => toFeedEntry(item, FEED_URL)) },
  };
}

const WELL_FORMED: Record<string, () => string> = {
  'rss2-content.xml': () => fixtureText('rss2-content.xml'),
  'atom.xml': () => fixtureText('atom.xml'),
  'rdf.xml': () => fixtureText('rdf.xml'),
  'bare-ampersand.xml': () => fixtureText('bare-ampersand.xml'),
  'undefined-entity.xml': () => fixtureText('undefined-entity.xml'),
  'entity-bomb.xml': () => fixtureText('entity-bomb.xml'),
  'cp1251.xml': () => decodeFeed(fixtureBytes('cp1251.xml')).text,
  'koi8r.xml': () => decodeFeed(fixtureBytes('koi8r.xml'), 'text/xml; charset=KOI8-R').text,
  'a generated 120-entry feed': () => sampleFeed(120),
};

describe('readFeedXml: the one-pass reader gives what rss-parser gives', () => {
  for (const [name, text] of Object.entries(WELL_FORMED)) {
    it(`reads ${name} as rss-parser does`, async () => {
      const { fast, strict } = await bothReaders(text());
      expect(fast).toBeDefined();
      expect(fast!.entries.length).toBeGreaterThan(0);
      expect(fast).toEqual(strict);
    });
  }

  it('reads only the first channel of an RSS document, as rss-parser does', async () => {
    const { fast, strict } = await bothReaders('<rss version="2.0"><channel><title>One</title><item><title>a</title></item></channel><channel><title>Two</title><item><title>b</title></item></channel></rss>');
    expect(fast?.entries.map((entry) => entry.title)).toEqual(['a']);
    expect(fast).toEqual(strict);
  });

  it('keeps whitespace around CDATA, decodes entities outside it and leaves them inside it', () => {
    const feed = readFeedXml('<rss><channel><item><title>A &amp;lt; B &#8212; C</title><description>\n <![CDATA[<p>x &amp; y</p>]]> </description></item></channel></rss>');
    expect(feed!.items[0]).toMatchObject({ title: 'A &lt; B \u2014 C', content: '\n <p>x &amp; y</p> ' });
  });

  it('decodes each reference once: escaped entities stay entities', () => {
    expect(xmlText('&amp;lt; &amp;#38; &#38;lt; &lt;b&gt; &quot;q&quot; &apos;a&apos; &#x1F600; &#1234567890;')).toBe('&lt; &#38; &lt; <b> "q" \'a\' \u{1F600} &#1234567890;');
  });

  it('takes the first date that can be read: dc:date when pubDate is not a date', async () => {
    const xml = '<rss xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><title>t</title><pubDate>soon</pubDate><dc:date>2024-03-05T10:00:00+03:00</dc:date></item></channel></rss>';
    const { entries } = await parseFeed(xml, FEED_URL);
    expect(entries[0]).toMatchObject({ published: { instant: '2024-03-05T07:00:00.000Z', day: '2024-03-05' }, unreadableDate: undefined });
  });

  it('never declares or expands entities of a DOCTYPE, even one the repair did not remove', () => {
    const xml = '<!DOCTYPE rss [<!ENTITY a "AAAA"><!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&a; &x;</title></item></channel></rss>';
    expect(readFeedXml(xml)!.items[0]!.title).toBe('&a; &x;');
  });
});

describe('readFeedXml: documents it leaves to the strict parser', () => {
  const declined: Record<string, string> = {
    'a truncated feed': fixtureText('truncated.xml'),
    'tags that do not match': '<rss><channel><item><title>Bad <b>one</title></item></channel></rss>',
    'a close tag with nothing open': '<rss><channel></channel></rss></rss>',
    'an unquoted attribute': '<rss><channel><item><guid isPermaLink=false>a</guid></item></channel></rss>',
    'a stray "<" in text': '<rss><channel><item><title>a < b</title></item></channel></rss>',
    'a second root element': '<rss><channel></channel></rss><rss></rss>',
    'text after the root element': '<rss><channel></channel></rss>trailing',
    'an RSS root without a channel': '<rss><item><title>x</title></item></rss>',
    'an unknown root element': '<opml><body/></opml>',
  };
  for (const [name, xml] of Object.entries(declined)) {
    it(`declines ${name}`, () => {
      expect(readFeedXml(xml)).toBeUndefined();
    });
  }

  it('never accepts a damaged feed that the strict parser rejects, and agrees with it on the ones both read', async () => {
    const strictParser = new Parser({ defaultRSS: 2 });
    const original = sampleFeed(6, 3);
    const random = seededRandom(11);
    let accepted = 0;
    for (let round = 0; round < 150; round += 1) {
      const at = Math.floor(random() * original.length);
      const damaged = round % 3 === 0 ? original.slice(0, at) : round % 3 === 1 ? original.slice(0, at) + original.slice(at + 1 + Math.floor(random() * 6)) : `${original.slice(0, at)}<${original.slice(at)}`;
      const repaired = repairXml(damaged).text;
      const fast = readFeedXml(repaired);
      if (!fast) continue;
      accepted += 1;
      const strictReads = await strictParser.parseString(repaired).then(() => true, () => false);
      expect(strictReads, `damage at ${at} in round ${round}`).toBe(true);
      const both = await bothReaders(damaged);
      expect(both.fast).toEqual(both.strict);
    }
    expect(accepted).toBeGreaterThan(0);
  });
});

describe('readFeedXml: Atom details', () => {
  const atom = (entry: string) => `<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><entry><id>e1</id><title>T</title>${entry}</entry></feed>`;

  it('keeps xhtml content as markup', () => {
    const feed = readFeedXml(atom('<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Talks &amp; <b>terms</b></p></div></content>'));
    expect(feed!.items[0]!.content).toBe('<div xmlns="http://www.w3.org/1999/xhtml"><p>Talks &amp; <b>terms</b></p></div>');
  });

  it('takes the alternate link (a link without rel is one) over a self link, and category terms', async () => {
    const { entries } = await parseFeed(atom('<link rel="self" href="/self"/><link href="/story"/><category term="Energy"/><author><name>Ann</name><email>a@x</email></author>'), FEED_URL);
    expect(entries[0]).toMatchObject({ link: 'https://ledger.example/story', categories: ['Energy'], author: 'Ann' });
  });

  it('takes the updated date when the published one cannot be read', async () => {
    const { entries, flaws } = await parseFeed(atom('<published>2024-03-05T01:15:03:00</published><updated>2024-03-05T02:00:00+03:00</updated>'), FEED_URL);
    expect(entries[0]).toMatchObject({ published: { instant: '2024-03-04T23:00:00.000Z', day: '2024-03-05' }, unreadableDate: undefined });
    expect(flaws).toEqual([]);
  });

  it('keeps an unreadable date as written, so the draft can flag it, and reports it', async () => {
    const { entries, flaws } = await parseFeed(atom('<published>sometime soon</published>'), FEED_URL);
    expect(entries[0]).toMatchObject({ published: undefined, unreadableDate: 'sometime soon' });
    expect(flaws.join(' ')).toMatch(/cannot be read, such as "sometime soon"/);
  });

  it('still salvages a broken Atom feed whose good entry has an unreadable date (rss-parser would throw on it)', async () => {
    const broken = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id><title>Kept</title><published>sometime soon</published></entry><entry><id>b</id><title>Cut';
    const { entries, flaws } = await parseFeed(broken, FEED_URL);
    expect(entries.map((entry) => entry.title)).toEqual(['Kept']);
    expect(flaws.join(' ')).toMatch(/unreadable date "sometime soon" ignored/);
    expect(flaws.join(' ')).toMatch(/1 entry lost/);
  });

  it('reads an updated date in the time zone the feed wrote it in', async () => {
    const { entries } = await parseFeed(atom('<updated>2024-03-05T01:00:00+03:00</updated>'), FEED_URL);
    expect(entries[0]!.published).toEqual({ instant: '2024-03-04T22:00:00.000Z', day: '2024-03-05' });
  });
});

describe('dedupeEntries', () => {
  it('drops a repeat by guid and a repeat by link with tracking parameters, in feed order', async () => {
    const { entries } = await parseFeed(sampleFeed(20), FEED_URL);
    const kept = dedupeEntries(entries);
    expect(entries).toHaveLength(20);
    expect(kept.map((entry) => entry.id ?? entry.link)).not.toContain(undefined);
    expect(kept).toHaveLength(18);
    expect(new Set(kept.map((entry) => entry.link)).size).toBe(18);
  });
});
