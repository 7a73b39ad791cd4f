import { parseFeedDate } from './feed-dates.js';
import { inlineText } from './html-text.js';
import type { RawItem } from './raw-feed.js';
import type { FeedDate, FeedEntry } from './types.js';

/**
 * An entry read by rss-parser as a FeedEntry: the first date that can be read (Atom published, RSS
 * pubDate, dc:date, Atom updated), the body from content:encoded or Atom content before the description or
 * summary, the guid or Atom id, the link resolved against `feedUrl` (else the rdf:about, else a guid that
 * is a URL).
 */
export function toFeedEntry(item: RawItem, feedUrl: string): FeedEntry {
  const { published, unreadableDate } = readDate(item.published, item.pubDate, item.date, item.updated);
  const html = firstString(item['content:encoded'], item.content, item.summary) ?? '';
  const id = firstString(item.guid, item.id)?.trim() || undefined;
  const permalink = id && /^https?:\/\//i.test(id) ? id : undefined;
  return {
    id,
    title: inlineText(firstString(item.title) ?? ''),
    link: resolveLink(firstString(item.link, item['rdf:about']) ?? permalink, feedUrl),
    published,
    unreadableDate,
    author: firstString(item.creator, item.author),
    html,
    categories: toStrings(item.categories),
  };
}

/** The first of the dates given that can be read; else the first one given, as written, to flag. */
function readDate(...values: unknown[]): { published: FeedDate | undefined; unreadableDate: string | undefined } {
  let unreadableDate: string | undefined;
  for (const value of values) {
    const text = firstString(value);
    if (text === undefined) continue;
    const published = parseFeedDate(text);
    if (published) return { published, unreadableDate: undefined };
    unreadableDate ??= text.trim();
  }
  return { published: undefined, unreadableDate };
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

/** The first value that holds text: a string, or rss-parser's `{ _: text }` for an element with attributes. */
export function firstString(...values: unknown[]): string | undefined {
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
