/**
 * A large RSS 2.0 feed for the ingest scenario: `entries` stories of about `bytes / entries` bytes each,
 * with the duplicates a real feed has (a story re-sent under the same guid; a story re-sent without a guid
 * under its link plus tracking parameters), seeded like the archive.
 */
import { PUBLICATIONS } from './archive-model.js';
import { createRandom } from './random.js';
import { headline, paragraph, slugify } from './words.js';

const FEED_URL = 'https://continental-wire.example/rss/all';
const FIRST_ENTRY = Date.UTC(2026, 0, 1);
const HOUR_MS = 3_600_000;

/**
 * @param {{ entries?: number, bytes?: number, seed?: number }} [options]
 * @returns {{ xml: string, url: string, duplicates: number }}
 */
export function generateFeed({ entries = 2000, bytes = 5 * 1024 * 1024, seed = 1 } = {}) {
  const random = createRandom(seed ^ 0x5eed);
  const bodyChars = Math.max(200, Math.floor(bytes / entries) - 680);
  /** @type {{ guid: string, link: string }[]} */
  const earlier = [];
  let duplicates = 0;
  const items = [];
  for (let index = 0; index < entries; index += 1) {
    const title = headline(random);
    /** @type {string | undefined} */
    let guid = `urn:continental-wire:${index + 1}`;
    let link = `${FEED_URL.replace('/rss/all', '')}/${index + 1}/${slugify(title)}`;
    const previous = earlier.length > 0 && random.chance(0.1) ? random.pick(earlier) : undefined;
    if (previous && random.chance(0.5)) guid = previous.guid;
    else if (previous) {
      link = `${previous.link}?utm_source=rss&amp;utm_medium=feed`;
      guid = undefined;
    }
    if (previous) duplicates += 1;
    else earlier.push({ guid: /** @type {string} */ (guid), link });
    items.push(itemXml(random, { title, guid, link, time: FIRST_ENTRY + index * HOUR_MS, bodyChars }));
  }
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    '<title>Continental Wire: all stories</title>',
    `<link>${FEED_URL.replace('/rss/all', '/')}</link>`,
    '<description>Synthetic feed written by bench/generate-feed.js; every story is invented.</description>',
  ];
  return { xml: `${[...head, ...items, '</channel>', '</rss>'].join('\n')}\n`, url: FEED_URL, duplicates };
}

/**
 * @param {import('./random.js').Random} random
 * @param {{ title: string, guid: string | undefined, link: string, time: number, bodyChars: number }} entry
 * @returns {string}
 */
function itemXml(random, { title, guid, link, time, bodyChars }) {
  const paragraphs = [];
  let length = 0;
  while (length < bodyChars) {
    const text = paragraph(random, random.int(3, 6)).replace('percent', 'percent &amp; more');
    paragraphs.push(`<p>${text}</p>`);
    length += text.length + 7;
  }
  const categories = random.sample(['Politics', 'Economy', 'Energy', 'Security', 'Trade', 'Regions'], 2);
  return [
    '<item>',
    `<title>${title}</title>`,
    `<link>${link}</link>`,
    ...(guid ? [`<guid isPermaLink="false">${guid}</guid>`] : []),
    `<pubDate>${new Date(time).toUTCString()}</pubDate>`,
    `<dc:creator>${random.pick(PUBLICATIONS).name} staff</dc:creator>`,
    ...categories.map((name) => `<category>${name}</category>`),
    `<description><![CDATA[${paragraphs.join('')}]]></description>`,
    '</item>',
  ].join('\n');
}
