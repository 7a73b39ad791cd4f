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

/** Seen identities kept per feed: many more than a feed shows at once, few enough to stay small. */
export const MAX_SEEN_PER_FEED = 2000;

export function emptyState(): IngestState {
  return { version: 1, feeds: {} };
}

/** The feed's state after a fetch: new validators (when sent) and the entries seen now remembered first. */
export function updatedFeedState(previous: FeedState | undefined, keys: string[], validators: { etag?: string | undefined; lastModified?: string | undefined }): FeedState {
  const seen = [...new Set([...keys, ...(previous?.seen ?? [])])].slice(0, MAX_SEEN_PER_FEED);
  const etag = validators.etag ?? previous?.etag;
  const lastModified = validators.lastModified ?? previous?.lastModified;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), seen };
}

/** The state as written to disk; stable, so an unchanged state gives the same text. */
export function serialiseState(state: IngestState): string {
  const feeds = Object.fromEntries(Object.entries(state.feeds).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ version: 1, feeds }, null, 2)}\n`;
}
