/**
 * A feed as rss-parser hands it over, before its entries become FeedEntry values: the field values as
 * written in the feed, under rss-parser's item keys (`title`, `link`, `guid`, `id`, `pubDate`, `date` for
 * dc:date, `published`, `updated`, `content:encoded`, `content`, `summary`, `creator`, `author`,
 * `categories`, `rdf:about`).
 */
export interface RawFeed {
  /** The feed's own title, as written. */
  title: string | undefined;
  items: RawItem[];
}

/** One entry's fields; a value is a string, a `{ _: text }` object (an element with attributes) or a list of them. */
export type RawItem = Record<string, unknown>;
