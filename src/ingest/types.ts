/** One story read from a feed, independent of the feed's format. */
export interface FeedEntry {
  /** guid (RSS) or id (Atom) as written in the feed; undefined when the feed gives none. */
  id: string | undefined;
  /** Title as text (entities decoded, tags removed), possibly empty. */
  title: string;
  /** Absolute link to the story, resolved against the feed URL; undefined when missing or unusable. */
  link: string | undefined;
  /** When the story appeared, when the feed gives a date that could be read. */
  published: FeedDate | undefined;
  /** The date text as written, when it could not be read (kept for the flag in the draft). */
  unreadableDate: string | undefined;
  /** dc:creator, author or Atom author name. */
  author: string | undefined;
  /** Article body as HTML: content:encoded or Atom content, else the description or summary. */
  html: string;
  /** The feed's own categories or tags for the entry. */
  categories: string[];
}

/** A date read from a feed. */
export interface FeedDate {
  /** The moment, as an ISO 8601 UTC timestamp. */
  instant: string;
  /** The calendar day as written in the feed (its own time zone), `YYYY-MM-DD`. */
  day: string;
}

/** What parsing a feed gives: the entries that could be read and every flaw worked around or met. */
export interface ParsedFeed {
  /** Feed title, when given. */
  title: string | undefined;
  entries: FeedEntry[];
  /** Problems found in the feed, in plain words; the good entries are still returned. */
  flaws: string[];
}
