import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/ingest/parse-feed.js';
import { fixtureText } from './fixtures.js';

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
    const xml = '<rss version="2.0"><channel><title>t</title><item><title>Good one</title></item><item><title>Bad <b>one</title></item><item><title>Good two</title></item></channel></rss>';
    const { entries, flaws } = await parseFeed(xml, FEED_URL);
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
});
