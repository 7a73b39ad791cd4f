import type { Source } from '../config/schema.js';
import { addDays, today } from '../core/dates.js';
import { decodeFeed } from './decode-feed.js';
import { fetchFeed } from './fetch-feed.js';
import { outletEntry, type OutletEntry } from './outlet-entry.js';
import { parseFeedWithin } from './parse-feed-within.js';
import type { KnownStories } from './read-known-stories.js';
import { selectEntries, type SkippedEntry } from './select-entries.js';
import type { FeedState } from './state.js';

/** How to read one feed. */
export interface FeedReading {
  previous: FeedState | undefined;
  known: KnownStories;
  userAgent: string;
  allowPrivate: boolean;
  deadlineMs: number | undefined;
  /** `--since`: entries before it are left out, and seen ones read again. */
  since: string | undefined;
  maxPerFeed: number;
  now: Date;
}

/** What reading one feed gave: its new entries, what it left out and why, and what to remember. */
export type FeedRead =
  | { status: 'failed'; error: string }
  | { status: 'not modified' }
  | {
    status: 'ok';
    fresh: OutletEntry[];
    skipped: SkippedEntry[];
    flaws: string[];
    /** The day before which entries were left out, if any. */
    since: string | undefined;
    /** Identities of every entry of the feed, and the validators sent, for the state. */
    keys: string[];
    etag: string | undefined;
    lastModified: string | undefined;
  };

/** First read of a feed takes this many days back. */
export const FIRST_READ_DAYS = 7;

/** Fetch, parse and select the entries of one feed; writes nothing. */
export async function readFeedEntries(source: Source, reading: FeedReading): Promise<FeedRead> {
  const fetched = await fetchFeed(source.feed!, {
    userAgent: reading.userAgent, etag: reading.previous?.etag, lastModified: reading.previous?.lastModified,
    allowPrivate: reading.allowPrivate, ...(reading.deadlineMs ? { deadlineMs: reading.deadlineMs } : {}),
  });
  if (fetched.status === 'failed') return { status: 'failed', error: fetched.error };
  if (fetched.status === 'not-modified') return { status: 'not modified' };
  const decoded = decodeFeed(fetched.bytes, fetched.contentType);
  const parsed = await parseFeedWithin(decoded.text, fetched.url, reading.deadlineMs).catch((caught: Error) => caught);
  if (parsed instanceof Error) return { status: 'failed', error: parsed.message };
  const since = reading.since ?? (reading.previous ? undefined : addDays(today(reading.now), -FIRST_READ_DAYS));
  const selection = selectEntries(parsed.entries, {
    seen: new Set(reading.previous?.seen ?? []), since, reread: reading.since !== undefined,
    known: (url) => (reading.known.cited.has(url) ? 'cited' : reading.known.drafted.has(url) ? 'drafted' : undefined),
  });
  const over = selection.fresh.slice(reading.maxPerFeed).map((entry) => ({ title: entry.title, url: entry.link, reason: 'overLimit' as const }));
  return {
    status: 'ok',
    fresh: selection.fresh.slice(0, reading.maxPerFeed).map((entry) => outletEntry(entry, source, parsed.title)),
    skipped: [...selection.skipped, ...over],
    flaws: [...decoded.flaws, ...parsed.flaws],
    since,
    keys: selection.keys, etag: fetched.etag, lastModified: fetched.lastModified,
  };
}
