import { entryKey, storyUrlKey } from './identity.js';
import type { FeedEntry } from './types.js';

/** Which entries of a feed to draft. */
export interface Selection {
  fresh: FeedEntry[];
  /** Entries left out: seen before, already cited or drafted, or older than `since`. */
  skipped: number;
  /** Identities of every entry of the feed, to remember as seen. */
  keys: string[];
}

/**
 * Keep the entries not seen before, not already cited or drafted (by normalised URL) and not older than
 * `since`. Undated entries are kept (their draft is flagged). `knownUrls` gains the kept entries' URLs, so
 * the same story in two feeds of one run is drafted once.
 */
export function selectEntries(entries: FeedEntry[], seen: Set<string>, knownUrls: Set<string>, since: string | undefined): Selection {
  const fresh: FeedEntry[] = [];
  const keys = new Set<string>();
  for (const entry of entries) {
    const url = entry.link ? storyUrlKey(entry.link) : undefined;
    const key = entryKey(entry, url);
    const duplicate = keys.has(key);
    keys.add(key);
    if (duplicate || seen.has(key) || (url && knownUrls.has(url))) continue;
    if (since && entry.published && entry.published.day < since) continue;
    if (url) knownUrls.add(url);
    fresh.push(entry);
  }
  return { fresh, skipped: entries.length - fresh.length, keys: [...keys] };
}

/** The entries of one feed without its repeats (same guid or id, or the same story URL), in feed order. */
export function dedupeEntries(entries: FeedEntry[]): FeedEntry[] {
  return selectEntries(entries, new Set(), new Set(), undefined).fresh;
}
