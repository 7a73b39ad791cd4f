import Parser from 'rss-parser';
import { FeedError } from './feed-error.js';
import type { RawFeed, RawItem } from './raw-feed.js';
import { salvageEntries } from './salvage-entries.js';

/**
 * Beside rss-parser's own keys: Atom's dates as written (rss-parser turns them into a `pubDate` in UTC, which
 * loses the feed's own day) and `id`, and every Atom link and category element (it keeps one link, and no
 * category).
 */
const parser = new Parser<Record<string, unknown>, RawItem>({
  defaultRSS: 2,
  customFields: { item: ['published', 'updated', 'id', ['link', 'links', { keepArray: true }], ['category', 'categories', { keepArray: true }]] },
});

/** What the caller knows of the document. */
export interface FeedShape {
  /** Whether its root is Atom's `<feed>`. */
  atom: boolean;
}

/**
 * Read a feed with rss-parser (xml2js on sax, a strict XML parser). A document that is not well-formed is
 * read entry by entry, so that the good entries survive, and the flaw goes to `flaws`. Throws FeedError
 * when no entry can be read.
 */
export async function readFeedWithRssParser(feedText: string, shape: FeedShape, flaws: string[]): Promise<RawFeed> {
  const text = markupFieldsAsText(markUnreadableAtomDates(feedText), flaws);
  const feed = await parser.parseString(text).then(
    (whole) => ({ title: typeof whole.title === 'string' ? whole.title : undefined, items: whole.items }),
    (caught: unknown) => salvage(text, firstLine(caught), flaws),
  );
  return shape.atom ? { title: feed.title, items: feed.items.map(atomEntry) } : feed;
}

/** An Atom entry with its dates only as written, its alternate link (a link without rel is one) and category terms. */
function atomEntry({ pubDate: _fromPublished, isoDate: _alsoFromPublished, links, categories, ...entry }: RawItem): RawItem {
  const elements = (value: unknown) => (Array.isArray(value) ? (value as { $?: Record<string, string> }[]) : []).map((element) => element?.$ ?? {});
  const linked = elements(links);
  const alternate = linked.find((link) => (link.rel ?? 'alternate') === 'alternate') ?? linked[0];
  return { ...entry, link: alternate?.href, categories: elements(categories).map((category) => category.term) };
}

/** Parse entry by entry when the whole document is rejected (truncated, one malformed entry...). */
async function salvage(text: string, reason: string, flaws: string[]): Promise<RawFeed> {
  const { header, entries, started } = salvageEntries(text);
  const title = header === undefined ? undefined : await parser.parseString(header).then((feed) => feed.title, () => undefined);
  const items: RawItem[] = [];
  for (const entry of entries) {
    // A broken entry is lost; the others may not be.
    items.push(...(await parser.parseString(entry).then((feed) => feed.items, () => [])));
  }
  if (items.length === 0) throw new FeedError(`not readable as XML: ${reason}`);
  const lost = started - items.length;
  flaws.push(`the feed is not well-formed XML (${reason}); read entry by entry${lost > 0 ? `, ${lost} ${lost === 1 ? 'entry' : 'entries'} lost` : ''}`);
  return { title: typeof title === 'string' ? title : undefined, items };
}

function firstLine(caught: unknown): string {
  return String((caught as Error)?.message ?? caught).split('\n')[0]!.trim();
}

/**
 * rss-parser throws on an Atom date that JavaScript's Date cannot read, losing the whole feed, but passes
 * over one whose element has an attribute; such a date is given one, so that it is kept as written for
 * toFeedEntry to read or flag.
 */
function markUnreadableAtomDates(text: string): string {
  return text.replace(/<(published|updated)\s*>([^<]*)<\/\1\s*>/g, (element, tag: string, value: string) => {
    if (!Number.isNaN(new Date(value).getTime())) return element;
    return `<${tag} unread="">${value}</${tag}>`;
  });
}

/** A field that may hold HTML; an opening tag that is not self-closing. */
const MARKUP_FIELD = /<(title|description|content:encoded|content|summary)(?:\s[^<>]*)?(?<!\/)>/g;

/**
 * xml2js keeps the text and the child elements of an element apart, so a field written as markup (Atom
 * xhtml content, or HTML an RSS feed did not escape) would come out with its words out of order; such a
 * field is given to rss-parser as CDATA, its markup as written; unless it is Atom xhtml, that is a flaw.
 * Each search goes on from where the last ended, and a field that is never closed is not looked for again,
 * so the time is linear in the text.
 */
function markupFieldsAsText(text: string, flaws: string[]): string {
  const pieces: string[] = [];
  let unescaped = 0;
  const unclosed = new Set<string>();
  let copied = 0;
  MARKUP_FIELD.lastIndex = 0;
  for (let match = MARKUP_FIELD.exec(text); match; match = MARKUP_FIELD.exec(text)) {
    const name = match[1]!;
    if (unclosed.has(name)) continue;
    const start = MARKUP_FIELD.lastIndex;
    const end = text.indexOf(`</${name}>`, start);
    if (end < 0) {
      unclosed.add(name);
      continue;
    }
    const inner = text.slice(start, end);
    if (inner.includes('<') && !inner.includes('<![CDATA[')) {
      pieces.push(text.slice(copied, start), `<![CDATA[${inner.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`);
      copied = end;
      if (!/\stype\s*=\s*["']xhtml["']/.test(match[0])) unescaped += 1;
    }
    MARKUP_FIELD.lastIndex = end;
  }
  pieces.push(text.slice(copied));
  if (unescaped > 0) flaws.push(`${unescaped} ${unescaped === 1 ? 'field holds' : 'fields hold'} markup the feed should have escaped; read as HTML`);
  return pieces.join('');
}
