/** What `monitor ingest` remembers about one feed between runs. */
export interface FeedState {
  /** Validators of the last fetch, sent back for a conditional GET. */
  etag?: string;
  lastModified?: string;
  /** Identities of the entries already seen (drafted or skipped), newest first. */
  seen: string[];
}

/** feeds/.state.json: per feed URL, what was seen. */
export interface IngestState {
  version: 1;
  feeds: Record<string, FeedState>;
}

export const STATE_FILE = 'feeds/.state.json';

/**
 * Identities kept per feed besides those of the feed as last read. Every entry the feed holds now is
 * remembered, however many, so a story an editor discarded never comes back while the feed still lists it;
 * those that have left the feed are kept up to this many, newest first, in case an entry comes back (a feed
 * that reorders, or pages), and then forgotten so the state does not grow for ever.
 */
export const MAX_FORMER_SEEN_PER_FEED = 2000;

export function emptyState(): IngestState {
  return { version: 1, feeds: {} };
}

/** The feed's state after a fetch: new validators (when sent), every entry of the feed now, then former ones. */
export function updatedFeedState(previous: FeedState | undefined, keys: string[], validators: { etag?: string | undefined; lastModified?: string | undefined }): FeedState {
  const current = new Set(keys);
  const former = (previous?.seen ?? []).filter((key) => !current.has(key)).slice(0, MAX_FORMER_SEEN_PER_FEED);
  const seen = [...current, ...former];
  const etag = validators.etag ?? previous?.etag;
  const lastModified = validators.lastModified ?? previous?.lastModified;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), seen };
}

/** The state as written to disk; stable, so an unchanged state gives the same text. */
export function serialiseState(state: IngestState): string {
  const feeds = Object.fromEntries(Object.entries(state.feeds).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ version: 1, feeds }, null, 2)}\n`;
}
