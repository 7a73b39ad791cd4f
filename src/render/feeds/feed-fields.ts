import { escapeText } from 'entities';
import type { Feed } from './feed-model.js';

/** What a feed field holds: text a reader shows as it is, or HTML a reader renders. */
export type FieldKind = 'text' | 'html';

/** The formats monitor writes. */
export type FeedFormat = 'rss' | 'atom' | 'json';

/**
 * What the fields that carry the feed model's texts (titles, descriptions, summaries) hold, by format, as
 * the format defines them and feed readers such as Python's feedparser read them. (`content`, the issue's
 * HTML, goes only into HTML fields: RSS's `content:encoded`, Atom's `type="html"`, JSON's `content_html`.)
 * - RSS 2.0: `<description>` (channel and item) is HTML; titles, creators and categories are text.
 * - Atom 1.0: `<subtitle>` and `<summary>` are written without `type`, so text; `<content type="html">`.
 * - JSON Feed 1.1: `summary` is text; `content_html` is HTML.
 */
export const FEED_FIELDS = {
  rss: { title: 'text', description: 'html', summary: 'html' },
  atom: { title: 'text', description: 'text', summary: 'text' },
  json: { title: 'text', description: 'text', summary: 'text' },
} as const satisfies Record<FeedFormat, Record<'title' | 'description' | 'summary', FieldKind>>;

/**
 * Text as a field of kind `field` wants it: text placed in an HTML field is escaped as HTML first, so a
 * headline such as `<script>` reaches the reader as words (the template then escapes the result for XML).
 */
export function placeText(text: string, field: FieldKind): string {
  return field === 'html' ? escapeText(text) : text;
}

/** The feed with its text fields placed as the format's fields want them; `content` is HTML already. */
export function feedFields(feed: Feed, format: FeedFormat): Feed {
  const fields = FEED_FIELDS[format];
  return {
    ...feed,
    title: placeText(feed.title, fields.title),
    description: placeText(feed.description, fields.description),
    entries: feed.entries.map((entry) => ({
      ...entry,
      title: placeText(entry.title, fields.title),
      summary: placeText(entry.summary, fields.summary),
    })),
  };
}
