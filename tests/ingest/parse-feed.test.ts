import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../src/ingest/decode-feed.js';
import { FeedError, parseFeed } from '../../src/ingest/parse-feed.js';
import { dedupeEntries } from '../../src/ingest/select-entries.js';
import { fixtureBytes, fixtureText } from './fixtures.js';
import { sampleFeed, seededRandom } from './sample-feed.js';

const FEED_URL = 'https://ledger.example/rss/news.xml';

describe('parseFeed: formats', () => {
  it('reads RSS 2.0 with content:encoded, dc:creator and a relative link', async () => {
    const { entries, flaws } = await parseFeed(fixtureText('rss2-content.xml'), FEED_URL);
    expect(flaws).toEqual([]);
    expect(entries).toHaveLength(3);
    const first = entries[0]!;
    expect(first.id).toBe('ledger-1001');
    expect(first.link).toBe('https://ledger.example/news/2024/03/05/grain-exporters?utm_source=rss&utm_medium=feed');
    expect(first.published).toEqual({ instant: '2024-03-05T06:30:00.000Z', day: '2024-03-05' });
    expect(first.author).toBe('Anna Field');
    expect(first.html).toContain('widened a payment channel');
    expect(first.categories).toEqual(['Economy']);
  });

  it('reads Atom: html title, relative alternate link, published date in its own time zone', async () => {
    const { entries } = await parseFeed(fixtureText('atom.xml'), 'https://desk.example/feeds/atom.xml');
    expect(entries.map((entry) => entry.title)).toEqual(['Duma passes bill on foreign agents', 'Court fines rights group']);
    expect(entries[0]!.link).toBe('https://desk.example/feeds/posts/foreign-agents-bill');
    expect(entries[0]!.id).toBe('tag:desk.example,2024:entry-77');
    expect(entries[0]!.published?.day).toBe('2024-03-05');
    expect(entries[0]!.author).toBe('Ivan Brook');
    expect(entries[1]!.published?.day).toBe('2024-03-04');
    expect(entries[1]!.html).toContain('fined a human rights group');
  });

  it('reads RSS 1.0 (RDF) with dc:date and dc:creator', async () => {
    const { entries } = await parseFeed(fixtureText('rdf.xml'), 'https://wire.example/rss');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ title: 'Central bank holds key rate', link: 'https://wire.example/a', author: 'Wire Desk' });
    expect(entries[0]!.published).toEqual({ instant: '2024-03-05T07:00:00.000Z', day: '2024-03-05' });
  });

  it('reads a windows-1251 feed once decoded, and a generated 120-entry feed', async () => {
    const { entries } = await parseFeed(decodeFeed(fixtureBytes('cp1251.xml')).text, 'https://vestnik.example/rss');
    expect(entries[0]!.title).toMatch(/^Правительство продлило санкции/);
    const generated = await parseFeed(sampleFeed(120), FEED_URL);
    expect(generated.entries).toHaveLength(120);
  });

  it('reads only the first channel of an RSS document', async () => {
    const { title, entries } = await parseFeed('<rss version="2.0"><channel><title>One</title><item><title>a</title></item></channel><channel><title>Two</title><item><title>b</title></item></channel></rss>', FEED_URL);
    expect(title).toBe('One');
    expect(entries.map((entry) => entry.title)).toEqual(['a']);
  });

  it('keeps whitespace around CDATA, decodes entities outside it and leaves them inside it', async () => {
    const { entries } = await parseFeed('<rss><channel><item><title>A &amp;lt; B &#8212; C</title><description>\n <![CDATA[<p>x &amp; y</p>]]> </description></item></channel></rss>', FEED_URL);
    expect(entries[0]).toMatchObject({ title: 'A < B \u2014 C', html: '\n <p>x &amp; y</p> ' });
  });

  it('keeps the words of markup an RSS feed did not escape in their order', async () => {
    const { entries, flaws } = await parseFeed('<rss><channel><item><title>Talks <b>resume</b> today</title><description><p>Both <em>sides</em> met again.</p></description></item></channel></rss>', FEED_URL);
    expect(entries[0]).toMatchObject({ title: 'Talks resume today', html: '<p>Both <em>sides</em> met again.</p>' });
    expect(flaws).toEqual(['2 fields hold markup the feed should have escaped; read as HTML']);
  });

  it('takes the first date that can be read: dc:date when pubDate is not a date', async () => {
    const xml = '<rss xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><title>t</title><pubDate>soon</pubDate><dc:date>2024-03-05T10:00:00+03:00</dc:date></item></channel></rss>';
    const { entries } = await parseFeed(xml, FEED_URL);
    expect(entries[0]).toMatchObject({ published: { instant: '2024-03-05T07:00:00.000Z', day: '2024-03-05' }, unreadableDate: undefined });
  });
});

describe('parseFeed: Atom details', () => {
  const atom = (entry: string) => `<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><entry><id>e1</id><title>T</title>${entry}</entry></feed>`;

  it('keeps xhtml content as markup, its words in order', async () => {
    const { entries, flaws } = await parseFeed(atom('<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Talks &amp; <b>terms</b> agreed</p></div></content>'), FEED_URL);
    expect(flaws).toEqual([]);
    expect(entries[0]!.html).toBe('<div xmlns="http://www.w3.org/1999/xhtml"><p>Talks &amp; <b>terms</b> agreed</p></div>');
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
    expect(entries[0]).toMatchObject({ title: 'T', published: undefined, unreadableDate: 'sometime soon' });
    expect(flaws.join(' ')).toMatch(/cannot be read, such as "sometime soon"/);
  });

  it('still salvages a broken Atom feed whose good entry has an unreadable date', async () => {
    const broken = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id><title>Kept</title><published>sometime soon</published></entry><entry><id>b</id><title>Cut';
    const { entries, flaws } = await parseFeed(broken, FEED_URL);
    expect(entries).toMatchObject([{ title: 'Kept', unreadableDate: 'sometime soon' }]);
    expect(flaws.join(' ')).toMatch(/1 entry lost/);
    expect(flaws.join(' ')).toMatch(/cannot be read, such as "sometime soon"/);
  });

  it('reads an updated date in the time zone the feed wrote it in', async () => {
    const { entries } = await parseFeed(atom('<updated>2024-03-05T01:00:00+03:00</updated>'), FEED_URL);
    expect(entries[0]!.published).toEqual({ instant: '2024-03-04T22:00:00.000Z', day: '2024-03-05' });
  });
});

describe('parseFeed: repairs what real feeds get wrong', () => {
  it('reads bare ampersands and HTML entities as text and reports the flaw', async () => {
    const { entries, flaws } = await parseFeed(fixtureText('bare-ampersand.xml'), FEED_URL);
    expect(entries.map((entry) => entry.title)).toEqual(['Steel & coal output falls', 'Ports reopen']);
    expect(entries[0]!.link).toBe('https://t.example/1?a=1&b=2');
    expect(entries[0]!.html).toContain('February \u2014 the third');
    expect(flaws.join(' ')).toMatch(/bare "&"/);
  });

  it('keeps an undefined entity as text and an unreadable date as missing, with flaws', async () => {
    const { entries, flaws } = await parseFeed(fixtureText('undefined-entity.xml'), FEED_URL);
    expect(entries).toHaveLength(2);
    expect(entries[0]!.title).toBe('Budget &madeup; revised');
    expect(entries[0]!.published).toBeUndefined();
    expect(entries[0]!.unreadableDate).toBe('not a date at all');
    expect(flaws.join(' ')).toMatch(/&madeup;/);
    expect(flaws.join(' ')).toMatch(/cannot be read/);
  });

  it('keeps the complete entries of a truncated feed', async () => {
    const { entries, flaws } = await parseFeed(fixtureText('truncated.xml'), FEED_URL);
    expect(entries.map((entry) => entry.title)).toEqual(['First complete story', 'Second complete story']);
    expect(flaws.join(' ')).toMatch(/1 entry lost/);
  });

  it('salvages the good entries when one entry is malformed', async () => {
    const xml = '<rss version="2.0"><channel><title>t</title><item><title>Good one</title></item><item><title>Bad one</title><guid>b</item><item><title>Good two</title></item></channel></rss>';
    const { title, entries, flaws } = await parseFeed(xml, FEED_URL);
    expect(title).toBe('t');
    expect(entries.map((entry) => entry.title)).toEqual(['Good one', 'Good two']);
    expect(flaws.join(' ')).toMatch(/1 entry lost/);
  });

  it('does not crash on an unreadable Atom date (rss-parser throws on it)', async () => {
    const xml = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id><title>Kept</title><published>sometime soon</published></entry></feed>';
    const { entries, flaws } = await parseFeed(xml, FEED_URL);
    expect(entries[0]!.title).toBe('Kept');
    expect(entries[0]!.published).toBeUndefined();
    expect(flaws.join(' ')).toMatch(/sometime soon/);
  });
});

describe('parseFeed: hostile documents', () => {
  it('does not expand a billion-laughs entity bomb nor resolve an external entity', async () => {
    const { entries, flaws } = await parseFeed(fixtureText('entity-bomb.xml'), FEED_URL);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.title).toBe('Laugh &lol9;');
    expect(entries[0]!.html).toBe('Secret: &xxe;');
    expect(entries[0]!.html).not.toContain('root:');
    expect(flaws.join(' ')).toMatch(/declares its own entities/);
  });

  it('rejects an HTML page as "not a feed"', async () => {
    await expect(parseFeed(fixtureText('html-error.html'), FEED_URL)).rejects.toThrow(/not a feed: the server sent an HTML page/);
  });

  it('rejects an empty document and a non-feed XML document', async () => {
    await expect(parseFeed('   ', FEED_URL)).rejects.toThrow(/empty/);
    await expect(parseFeed('<?xml version="1.0"?><svg></svg>', FEED_URL)).rejects.toThrow(/root element is <svg>/);
  });

  it('rejects XML that holds no readable entry', async () => {
    await expect(parseFeed('<rss version="2.0"><channel><title>x</ti', FEED_URL)).rejects.toThrow(/not readable as XML/);
  });

  it('never declares or expands the entities of a DOCTYPE', async () => {
    const xml = '<!DOCTYPE rss [<!ENTITY a "AAAA"><!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&a; &x;</title></item></channel></rss>';
    expect((await parseFeed(xml, FEED_URL)).entries[0]!.title).toBe('&a; &x;');
  });

  it('reads a damaged feed or refuses it as a feed error, never anything else', async () => {
    const original = sampleFeed(6, 3);
    const random = seededRandom(11);
    let read = 0;
    for (let round = 0; round < 150; round += 1) {
      const at = Math.floor(random() * original.length);
      const damaged = round % 3 === 0 ? original.slice(0, at) : round % 3 === 1 ? original.slice(0, at) + original.slice(at + 1 + Math.floor(random() * 6)) : `${original.slice(0, at)}<${original.slice(at)}`;
      const outcome = await parseFeed(damaged, FEED_URL).then((feed) => feed, (caught: unknown) => caught);
      if (outcome instanceof FeedError) continue;
      expect(outcome, `damage at ${at} in round ${round}`).toMatchObject({ entries: expect.any(Array), flaws: expect.any(Array) });
      read += 1;
    }
    expect(read).toBeGreaterThan(100);
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
