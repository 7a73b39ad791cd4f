/** A seeded RSS 2.0 feed with content:encoded, in invented words. */

const WORDS = ['ministry', 'council', 'budget', 'governor', 'sanctions', 'exporters', 'grain', 'court', 'deputies', 'pipeline', 'tariff', 'customs', 'election', 'decree', 'pension', 'province', 'prosecutor', 'delegation'];

/** A small deterministic generator (mulberry32), so every run builds the same feed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(random: () => number): string {
  const words = Array.from({ length: 6 + Math.floor(random() * 8) }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}${random() < 0.2 ? ' &amp; more' : ''}.`;
}

/** `count` items: relative and absolute links, some repeats (same guid, or the same link with utm_*). */
export function sampleFeed(count: number, seed = 7): string {
  const random = seededRandom(seed);
  const items: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    const repeat = index > 3 && index % 9 === 0;
    const guid = repeat && index % 2 === 0 ? `urn:ledger:${index - 3}` : `urn:ledger:${index}`;
    const link = index % 5 === 0 ? `/news/${index}/story` : `https://ledger.example/news/${index}/story`;
    const body = Array.from({ length: 2 + Math.floor(random() * 3) }, () => `<p>${sentence(random).replace(/&amp;/g, '&')}</p>`).join('\n');
    items.push([
      '<item>',
      `<title>${sentence(random).slice(0, 60)}${index % 4 === 0 ? ' &#8211; Ledger' : ''}</title>`,
      repeat && index % 2 === 1 ? `<link>https://ledger.example/news/${index - 3}/story?utm_source=rss&amp;utm_medium=feed</link>` : `<link>${link}</link>`,
      repeat && index % 2 === 1 ? '' : `<guid isPermaLink="false">${guid}</guid>`,
      `<pubDate>${new Date(Date.UTC(2026, 0, 1) + index * 3_600_000).toUTCString()}</pubDate>`,
      `<dc:creator>Staff writer ${index % 5}</dc:creator>`,
      '<category>Politics</category>',
      `<category domain="x"><![CDATA[Trade & Regions]]></category>`,
      `<description>&lt;p&gt;${sentence(random)}&lt;/p&gt;</description>`,
      `<content:encoded>\n<![CDATA[${body}]]>\n</content:encoded>`,
      '</item>',
    ].filter((line) => line !== '').join('\n'));
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    '<title>Capital Ledger &amp; Wire</title>',
    '<link>https://ledger.example/</link>',
    ...items,
    '</channel>',
    '</rss>',
  ].join('\n');
}
