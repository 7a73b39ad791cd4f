import { entryKey, storyUrlKey } from './identity.js';
import type { FeedEntry } from './types.js';

/** Why an entry of a feed is not drafted. */
export type SkipReason = 'repeated' | 'seen' | 'cited' | 'drafted' | 'old' | 'overLimit';

/** An entry left out, and why. */
export interface SkippedEntry {
  title: string;
  url: string | undefined;
  reason: SkipReason;
}

/** Which entries of a feed to draft. */
export interface Selection {
  fresh: FeedEntry[];
  /** Entries left out, in feed order. */
  skipped: SkippedEntry[];
  /** Identities of every entry of the feed, to remember as seen. */
  keys: string[];
}

/** What the publication already holds and what this run takes. */
export interface SelectionRules {
  /** Identities seen in earlier runs; ignored when `reread`. */
  seen: Set<string>;
  /** Whether a normalised story URL is already cited in an issue or drafted as a candidate. */
  known: (url: string) => 'cited' | 'drafted' | undefined;
  /** Entries dated before this day, `YYYY-MM-DD`, are left out. */
  since: string | undefined;
  /** `--since` given: entries seen before are read again (unless cited or drafted). */
  reread: boolean;
}

/**
 * Keep the entries not repeated in the feed, not seen before (unless rereading), not already cited or
 * drafted (by normalised URL) and not older than `since`. Undated entries are kept (their draft is flagged).
 */
export function selectEntries(entries: FeedEntry[], rules: SelectionRules): Selection {
  const fresh: FeedEntry[] = [];
  const skipped: SkippedEntry[] = [];
  const keys = new Set<string>();
  const urls = new Set<string>();
  for (const entry of entries) {
    const url = entry.link ? storyUrlKey(entry.link) : undefined;
    const key = entryKey(entry, url);
    const repeated = keys.has(key) || (url !== undefined && urls.has(url));
    keys.add(key);
    if (url) urls.add(url);
    const reason = repeated ? 'repeated' : skipReason(entry, key, url, rules);
    if (reason) skipped.push({ title: entry.title, url: entry.link, reason });
    else fresh.push(entry);
  }
  return { fresh, skipped, keys: [...keys] };
}

function skipReason(entry: FeedEntry, key: string, url: string | undefined, rules: SelectionRules): SkipReason | undefined {
  const known = url ? rules.known(url) : undefined;
  if (known) return known;
  if (!rules.reread && rules.seen.has(key)) return 'seen';
  if (rules.since && entry.published && entry.published.day < rules.since) return 'old';
  return undefined;
}

/** The entries of one feed without its repeats (same guid or id, or the same story URL), in feed order. */
export function dedupeEntries(entries: FeedEntry[]): FeedEntry[] {
  return selectEntries(entries, { seen: new Set(), known: () => undefined, since: undefined, reread: false }).fresh;
}
