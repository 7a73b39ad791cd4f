import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/ingest/parse-feed.js';
import { repairXml } from '../../src/ingest/repair-xml.js';

const FEED_URL = 'https://ledger.example/rss/news.xml';
const HEAD = '<rss version="2.0"><channel><title>t</title><item><title>Kept</title><link>https://ledger.example/1</link></item>';

describe('repairXml', () => {
  it('leaves CDATA and comments as written and repairs the text around them', () => {
    const { text, flaws } = repairXml('<a>R&D <![CDATA[x & y &nbsp;]]> <!-- & --> &nbsp; &#1; &madeup;</a>');
    expect(text).toBe('<a>R&amp;D <![CDATA[x & y &nbsp;]]> <!-- & --> &#160;  &amp;madeup;</a>');
    expect(flaws).toEqual(['1 bare "&" was read as text (the feed should write &amp;)', 'undefined entity &madeup; kept as text']);
  });

  it('drops a DOCTYPE whose subset holds ">" and quotes, and says it declared entities', () => {
    const { text, flaws } = repairXml('<!DOCTYPE rss [<!ENTITY a "x>y"><!ENTITY b \'q]\'>]><rss/>');
    expect(text).toBe('<rss/>');
    expect(flaws.join(' ')).toMatch(/declares its own entities/);
  });

  it('drops an unended CDATA section, comment or DOCTYPE with the rest of the document, once', () => {
    for (const opener of ['<![CDATA[', '<!--', '<!DOCTYPE']) {
      const { text, flaws } = repairXml(`<a>one</a>${opener} & <![CDATA[ <!-- &`);
      expect(text).toBe('<a>one</a>');
      expect(flaws).toHaveLength(1);
      expect(flaws[0]).toMatch(/begins and never ends; the feed was read up to there/);
    }
  });
});

describe('parseFeed: the repair takes time in proportion to the feed (it once rescanned from every unended construct)', () => {
  for (const opener of ['<![CDATA[', '<!--', '<!DOCTYPE']) {
    it(`reads the good entry before 100,000 repeated ${opener}`, async () => {
      const { entries, flaws } = await parseFeed(HEAD + opener.repeat(100_000), FEED_URL);
      expect(entries.map((entry) => entry.title)).toEqual(['Kept']);
      expect(flaws[0]).toMatch(/never ends/);
    });
  }

  it('refuses a document that is 100,000 repeated <!DOCTYPE from its start', async () => {
    await expect(parseFeed('<!DOCTYPE'.repeat(100_000), FEED_URL)).rejects.toThrow(/not a feed/);
  });

  it('salvages around 100,000 entries that are never closed', async () => {
    const { entries, flaws } = await parseFeed(HEAD + '<item><title>open'.repeat(100_000), FEED_URL);
    expect(entries.map((entry) => entry.title)).toEqual(['Kept']);
    expect(flaws.join(' ')).toMatch(/100000 entries lost/);
  });
});
