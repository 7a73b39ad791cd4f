import type Parser from 'rss-parser';
import { parseFeedDate } from './feed-dates.js';
import { FeedError } from './feed-error.js';
import type { RawFeed, RawItem } from './raw-feed.js';
import { salvageEntryDocuments } from './salvage-entries.js';

let parser: Promise<Parser<Record<string, unknown>, RawItem>> | undefined;

/** rss-parser (xml2js and sax underneath), loaded on first use: most feeds never need it. */
function rssParser(): Promise<Parser<Record<string, unknown>, RawItem>> {
  parser ??= import('rss-parser').then(
    ({ default: RssParser }) => new RssParser<Record<string, unknown>, RawItem>({ defaultRSS: 2, customFields: { item: ['published', 'updated', 'id'] } }),
  );
  return parser;
}

/**
 * Read a feed with rss-parser, whose strict XML parser rejects a document that is not well-formed; then
 * read it entry by entry so the good entries survive, and add the flaw to `flaws`. Throws FeedError when
 * no entry can be read.
 */
export async function readFeedWithRssParser(feedText: string, flaws: string[]): Promise<RawFeed> {
  const rss = await rssParser();
  const text = blankUnreadableAtomDates(feedText, flaws);
  try {
    const feed = await rss.parseString(text);
    return { title: typeof feed.title === 'string' ? feed.title : undefined, items: feed.items };
  } catch (caught) {
    return salvage(text, firstLine(caught), flaws);
  }
}

/** Parse entry by entry when the whole document is rejected (truncated, one malformed entry...). */
async function salvage(text: string, reason: string, flaws: string[]): Promise<RawFeed> {
  const rss = await rssParser();
  const { documents, started } = salvageEntryDocuments(text);
  const items: RawItem[] = [];
  let title: string | undefined;
  for (const document of documents) {
    try {
      const part = await rss.parseString(document);
      if (typeof part.title === 'string') title ??= part.title;
      items.push(...part.items);
    } catch {
      // This entry is broken; the others may not be.
    }
  }
  if (items.length === 0) throw new FeedError(`not readable as XML: ${reason}`);
  const lost = started - items.length;
  flaws.push(`the feed is not well-formed XML (${reason}); read entry by entry${lost > 0 ? `, ${lost} ${lost === 1 ? 'entry' : 'entries'} lost` : ''}`);
  return { title, items };
}

function firstLine(caught: unknown): string {
  return String((caught as Error)?.message ?? caught).split('\n')[0]!.trim();
}

/** rss-parser throws on an Atom date it cannot read, losing the whole feed; write it in ISO or leave it empty. */
function blankUnreadableAtomDates(text: string, flaws: string[]): string {
  return text.replace(/<(published|updated)(\s[^>]*)?>([^<]*)<\/\1>/g, (match, tag: string, attributes = '', value: string) => {
    if (value.trim() === '' || !Number.isNaN(new Date(value).getTime())) return match;
    const date = parseFeedDate(value);
    if (!date) flaws.push(`unreadable date "${value.trim().slice(0, 40)}" ignored`);
    return `<${tag}${attributes}>${date?.instant ?? ''}</${tag}>`;
  });
}
