import Parser from 'rss-parser';
import { MonitorError } from '../core/errors.js';
import { parseFeedDate } from './feed-dates.js';
import { inlineText } from './html-text.js';
import { repairXml } from './repair-xml.js';
import { salvageEntryDocuments } from './salvage-entries.js';
import type { FeedEntry, ParsedFeed } from './types.js';

/** A document that cannot be read as a feed at all. */
export class FeedError extends MonitorError {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

type RawItem = Record<string, unknown>;
type RawFeed = { title?: string; items: RawItem[] };

const parser = new Parser<Record<string, unknown>, RawItem>({
  defaultRSS: 2,
  customFields: { item: ['published', 'updated', 'id'] },
});

/**
 * Read an RSS 2.0, RSS 0.9x/1.0 (RDF) or Atom document. Flaws that real feeds have are repaired or worked
 * around so that the good entries survive; each is reported in `flaws`. Throws FeedError only when no entry
 * can be read (not a feed, or broken beyond repair). Links are resolved against `feedUrl`.
 */
export async function parseFeed(text: string, feedUrl: string): Promise<ParsedFeed> {
  const kind = documentKind(text);
  if (kind !== 'feed') throw new FeedError(kind);
  const repaired = repairXml(text);
  const flaws = [...repaired.flaws];
  let feed: RawFeed;
  try {
    feed = (await parser.parseString(repaired.text)) as RawFeed;
  } catch (caught) {
    feed = await salvage(repaired.text, firstLine(caught), flaws);
  }
  const entries = feed.items.map((item) => toEntry(item, feedUrl));
  const undated = entries.filter((entry) => entry.unreadableDate !== undefined);
  if (undated.length > 0) flaws.push(`${undated.length} ${undated.length === 1 ? 'entry has a date' : 'entries have dates'} that cannot be read, such as "${undated[0]!.unreadableDate!.slice(0, 40)}"`);
  return { title: typeof feed.title === 'string' ? inlineText(feed.title) : undefined, entries, flaws };
}

/** Parse entry by entry when the whole document is rejected (truncated, one malformed entry...). */
async function salvage(text: string, reason: string, flaws: string[]): Promise<RawFeed> {
  const { documents, started } = salvageEntryDocuments(text);
  const items: RawItem[] = [];
  let title: string | undefined;
  for (const document of documents) {
    try {
      const part = (await parser.parseString(document)) as RawFeed;
      title ??= part.title;
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

function documentKind(text: string): string {
  const start = text.replace(/^\uFEFF/, '').replace(/^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
  if (start.trim() === '') return 'not a feed: the document is empty';
  if (/^<!DOCTYPE\s+html/i.test(start) || /^<html[\s>]/i.test(start)) return 'not a feed: the server sent an HTML page';
  const root = /^(?:<!DOCTYPE[^[>]*(?:\[[\s\S]*?\]\s*)?>\s*)?<([A-Za-z_][\w.:-]*)/.exec(start)?.[1];
  if (!root) return 'not a feed: the document is not XML';
  if (/^(rss|feed|(\w+:)?RDF)$/i.test(root)) return 'feed';
  return `not a feed: the document's root element is <${root}>, not <rss>, <feed> or <rdf:RDF>`;
}

function toEntry(item: RawItem, feedUrl: string): FeedEntry {
  const dateText = firstString(item.published, item.pubDate, item.date, item.updated);
  const published = parseFeedDate(dateText);
  const html = firstString(item['content:encoded'], item.content, item.summary) ?? '';
  const id = firstString(item.guid, item.id)?.trim() || undefined;
  const permalink = id && /^https?:\/\//i.test(id) ? id : undefined;
  return {
    id,
    title: inlineText(firstString(item.title) ?? ''),
    link: resolveLink(firstString(item.link, item['rdf:about']) ?? permalink, feedUrl),
    published,
    unreadableDate: published ? undefined : dateText?.trim() || undefined,
    author: firstString(item.creator, item.author),
    html,
    categories: toStrings(item.categories),
  };
}

function resolveLink(link: string | undefined, feedUrl: string): string | undefined {
  if (!link?.trim()) return undefined;
  try {
    const url = new URL(link.trim(), feedUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) {
    const text = typeof value === 'object' && value !== null && '_' in value ? (value as { _: unknown })._ : value;
    if (typeof text === 'string' && text.trim() !== '') return text;
  }
  return undefined;
}

function toStrings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const text = firstString(entry);
    return text ? [inlineText(text)] : [];
  });
}

function firstLine(caught: unknown): string {
  return String((caught as Error)?.message ?? caught).split('\n')[0]!.trim();
}
