import type { RawFeed, RawItem } from './raw-feed.js';
import { readAttributes, walkXml, xmlText, type XmlVisitor } from './walk-xml.js';

type Format = 'rss' | 'rdf' | 'atom';

const FORMATS = new Map<string, Format>([['rss', 'rss'], ['rdf:RDF', 'rdf'], ['feed', 'atom']]);

/** The elements of an entry that the mapping reads; the others are skipped without building text. */
const RSS_FIELDS = new Set(['title', 'dc:title', 'link', 'guid', 'id', 'pubDate', 'dc:date', 'published', 'updated', 'content:encoded', 'description', 'summary', 'dc:creator', 'author', 'category']);
const ENTRY_FIELDS: Record<Format, Set<string>> = {
  rss: RSS_FIELDS,
  rdf: RSS_FIELDS,
  atom: new Set(['title', 'link', 'id', 'published', 'updated', 'author', 'content', 'summary', 'category']),
};

/**
 * Read RSS 2.0 / 0.9x, RSS 1.0 (RDF) or Atom in one pass over the text, without building a document tree.
 * Returns undefined when the document is not well-formed XML or not shaped like one of these formats;
 * the caller then uses the strict parser, which also salvages what it can.
 */
export function readFeedXml(text: string): RawFeed | undefined {
  const reader = new FeedReader(text);
  const flaw = walkXml(text, reader);
  if (flaw !== undefined || reader.format === undefined || !reader.entryParentSeen) return undefined;
  return { title: reader.title, items: reader.items };
}

/** An element being read: the feed's title, or one field of an entry. */
interface Capture {
  name: string;
  /** The element's attributes as written. */
  attributes: string;
  depth: number;
  innerStart: number;
  /** Its text so far: text decoded, CDATA as written. */
  value: string;
  /** Whether the element holds elements (Atom xhtml content, markup an RSS feed did not escape). */
  nested: boolean;
  /** Text of the element's child elements by name, first one each (Atom author > name). */
  children: Record<string, string> | undefined;
  /** Text so far of the child element being read. */
  child: string | undefined;
}

/** What has been read of the entry being read. */
interface EntryRecord {
  /** The entry element's attributes as written. */
  attributes: string;
  values: Record<string, string>;
  categories: string[];
  links: Record<string, string>[];
  authorName: string | undefined;
}

class FeedReader implements XmlVisitor {
  format: Format | undefined;
  title: string | undefined;
  readonly items: RawItem[] = [];
  /** Whether the element that holds the entries (RSS channel, RDF or Atom root) was there. */
  entryParentSeen = false;
  private readonly path: string[] = [];
  /** RSS channels begun; like rss-parser, only the first one's items are read. */
  private channels = 0;
  private entry: EntryRecord | undefined;
  private capture: Capture | undefined;
  private titleFrom: string | undefined;

  constructor(private readonly source: string) {}

  open(name: string, attributes: string, depth: number, innerStart: number): void {
    this.path[depth] = name;
    if (depth === 0) this.startDocument(name);
    else if (this.format === undefined) return;
    else if (this.capture) this.openInside(name, depth);
    else if (this.entry && depth === this.entryDepth() + 1) this.startCapture(name, attributes, depth, innerStart);
    else if (this.isEntry(name, depth)) this.entry = { attributes, values: {}, categories: [], links: [], authorName: undefined };
    else if (!this.entry && this.isFeedTitle(name, depth)) this.startCapture(name, attributes, depth, innerStart);
  }

  text(start: number, end: number, cdata: boolean): void {
    if (!this.capture) return;
    const piece = cdata ? this.source.slice(start, end) : xmlText(this.source.slice(start, end));
    this.capture.value += piece;
    if (this.capture.child !== undefined) this.capture.child += piece;
  }

  close(name: string, depth: number, innerEnd: number): void {
    const capture = this.capture;
    if (capture && depth === capture.depth) {
      this.capture = undefined;
      const value = capture.nested ? this.source.slice(capture.innerStart, innerEnd) : capture.value;
      if (this.entry) this.keepField(this.entry, capture, value);
      else if (this.titleFrom === undefined || (this.titleFrom === 'dc:title' && name === 'title')) {
        this.title = value;
        this.titleFrom = name;
      }
    } else if (capture && depth === capture.depth + 1 && capture.child !== undefined) {
      capture.children ??= Object.create(null) as Record<string, string>;
      capture.children[name] ??= capture.child;
      capture.child = undefined;
    } else if (this.entry && depth === this.entryDepth()) {
      this.items.push(this.format === 'atom' ? atomItem(this.entry) : rssItem(this.entry));
      this.entry = undefined;
    }
  }

  private startDocument(name: string): void {
    this.format = FORMATS.get(name);
    if (this.format === 'atom' || this.format === 'rdf') this.entryParentSeen = true;
  }

  private entryDepth(): number {
    return this.format === 'rss' ? 2 : 1;
  }

  private isEntry(name: string, depth: number): boolean {
    if (this.format === 'rss') {
      if (depth === 1 && name === 'channel') {
        this.channels += 1;
        this.entryParentSeen = true;
      }
      return depth === 2 && name === 'item' && this.path[1] === 'channel' && this.channels === 1;
    }
    return depth === 1 && name === (this.format === 'atom' ? 'entry' : 'item');
  }

  private isFeedTitle(name: string, depth: number): boolean {
    if (name !== 'title' && (name !== 'dc:title' || this.format === 'atom')) return false;
    return this.format === 'atom' ? depth === 1 : depth === 2 && this.path[1] === 'channel';
  }

  private startCapture(name: string, attributes: string, depth: number, innerStart: number): void {
    if (this.entry && !ENTRY_FIELDS[this.format!].has(name)) return;
    this.capture = { name, attributes, depth, innerStart, value: '', nested: false, children: undefined, child: undefined };
  }

  private openInside(name: string, depth: number): void {
    const capture = this.capture!;
    capture.nested = true;
    if (depth === capture.depth + 1) capture.child = '';
  }

  private keepField(entry: EntryRecord, capture: Capture, value: string): void {
    const { name, attributes } = capture;
    if (name === 'category') entry.categories.push(this.format === 'atom' ? (readAttributes(attributes).term ?? '') : value);
    else if (name === 'link' && this.format === 'atom') entry.links.push(readAttributes(attributes));
    else if (name === 'author' && this.format === 'atom') entry.authorName ??= capture.children?.name;
    else entry.values[name] ??= value;
  }
}

/** An RSS or RDF item under rss-parser's keys: dc:creator wins over author, title over dc:title. */
function rssItem({ attributes, values, categories }: EntryRecord): RawItem {
  return {
    title: values.title ?? values['dc:title'],
    link: values.link,
    'rdf:about': readAttributes(attributes)['rdf:about'],
    guid: values.guid,
    id: values.id,
    pubDate: values.pubDate,
    date: values['dc:date'],
    published: values.published,
    updated: values.updated,
    'content:encoded': values['content:encoded'],
    content: values.description,
    summary: values.summary,
    creator: values['dc:creator'] ?? values.author,
    author: values.author,
    categories,
  };
}

/** An Atom entry: the alternate link (a link without rel is one), the first author's name, category terms. */
function atomItem({ values, categories, links, authorName }: EntryRecord): RawItem {
  const alternate = links.find((link) => (link.rel ?? 'alternate') === 'alternate') ?? links[0];
  return {
    title: values.title,
    link: alternate?.href,
    id: values.id,
    published: values.published,
    updated: values.updated,
    author: authorName,
    content: values.content,
    summary: values.summary,
    categories,
  };
}
