import { toFeedEntry } from './feed-entry.js';
import { FeedError } from './feed-error.js';
import { inlineText } from './html-text.js';
import { readFeedWithRssParser } from './read-feed-rss-parser.js';
import { repairXml } from './repair-xml.js';
import type { ParsedFeed } from './types.js';

export { FeedError } from './feed-error.js';

/**
 * Read an RSS 2.0, RSS 0.9x/1.0 (RDF) or Atom document. Flaws that real feeds have are repaired or worked
 * around so that the good entries survive; each is reported in `flaws`. Throws FeedError only when no entry
 * can be read (not a feed, or broken beyond repair). Links are resolved against `feedUrl`.
 *
 * Parsing is CPU work that no deadline can interrupt: ingest runs it in a worker (parseFeedWithin).
 */
export async function parseFeed(text: string, feedUrl: string): Promise<ParsedFeed> {
  const root = feedRoot(text);
  const repaired = repairXml(text);
  const flaws = [...repaired.flaws];
  const feed = await readFeedWithRssParser(repaired.text, { atom: root === 'feed' }, flaws);
  const entries = feed.items.map((item) => toFeedEntry(item, feedUrl));
  const undated = entries.filter((entry) => entry.unreadableDate !== undefined);
  if (undated.length > 0) flaws.push(`${undated.length} ${undated.length === 1 ? 'entry has a date' : 'entries have dates'} that cannot be read, such as "${undated[0]!.unreadableDate!.slice(0, 40)}"`);
  return { title: feed.title === undefined ? undefined : inlineText(feed.title), entries, flaws };
}

/** The name of the document's root element, when it is a feed's; else FeedError says what the document is. */
function feedRoot(text: string): string {
  const start = text.replace(/^\uFEFF/, '').replace(/^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
  if (!/\S/.test(start)) throw new FeedError('not a feed: the document is empty');
  if (/^<!DOCTYPE\s+html/i.test(start) || /^<html[\s>]/i.test(start)) throw new FeedError('not a feed: the server sent an HTML page');
  const root = /^(?:<!DOCTYPE[^[>]*(?:\[[\s\S]*?\]\s*)?>\s*)?<([A-Za-z_][\w.:-]*)/.exec(start)?.[1];
  if (!root) throw new FeedError('not a feed: the document is not XML');
  if (/^(rss|feed|(\w+:)?RDF)$/i.test(root)) return root;
  throw new FeedError(`not a feed: the document's root element is <${root}>, not <rss>, <feed> or <rdf:RDF>`);
}
