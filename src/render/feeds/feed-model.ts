import { composedIssue } from '../../compose/compose-site.js';
import type { CategoryLink, CategoryPage, ComposedIssue, ComposedSite, IssueOutline } from '../../compose/types.js';
import { rfc3339, rfc822, xmlSafe } from './feed-text.js';

/** How many issues a feed lists: the newest ones. */
export const FEED_LIMIT = 20;

/** One feed entry: one published issue. Every text is already free of characters XML forbids. */
export interface FeedEntry {
  /** Absolute URL of the issue's web page; also the entry's id (RSS guid, Atom id, JSON Feed id). */
  url: string;
  /** The issue's subject line, such as `Eurasia Reform Monitor No. 104: <first headline>`. */
  title: string;
  /** Plain-text summary: the issue's preheader (by default its headlines joined by `; `). */
  summary: string;
  /** The issue's items as an HTML fragment, from the renderer. */
  content: string;
  authors: string[];
  /** Related Categories of the issue, in config order. */
  categories: CategoryLink[];
  /** `2020-01-13T00:00:00Z`. */
  published: string;
  /** `Mon, 13 Jan 2020 00:00:00 GMT`. */
  publishedRfc822: string;
  language: string;
}

/** A feed before it is written in a format: the channel's details and its entries, newest first. */
export interface Feed {
  /** Text, as every title, description and summary of the model (feed-fields.ts places them per format). */
  title: string;
  description: string;
  language: string;
  publisher: string;
  /** Copyright line of the newest entry; empty when there is none. */
  rights: string;
  /** Absolute URL of the web page the feed follows (the archive or a category page). */
  homeUrl: string;
  /** Absolute URL of the site, for category scheme URLs. */
  baseUrl: string;
  /** Date of the newest entry (RFC 3339), so rebuilding unchanged content gives the same bytes. */
  updated: string;
  updatedRfc822: string;
  entries: FeedEntry[];
}

/** Gives the HTML of an issue's items; the renderer's `issueContent`. */
export type IssueContent = (issue: ComposedIssue) => string;

/** The feed of the whole publication: the latest published issues. Drafts never enter, whatever `site` holds. */
export function siteFeed(site: ComposedSite<IssueOutline>, content: IssueContent): Feed {
  const { publication } = site;
  const description = publication.description || `${publication.title}, published by ${publication.publisher}`;
  return feed(site, { title: publication.title, description, homeUrl: publication.baseUrl }, site.issues, content);
}

/** The feed of one category: the latest published issues with at least one item in that category. */
export function categoryFeed(site: ComposedSite<IssueOutline>, page: CategoryPage<IssueOutline>, content: IssueContent): Feed {
  const { publication } = site;
  const issues = categoryIssues(page);
  const name = page.category.name;
  return feed(site, {
    title: `${publication.title}: ${name}`,
    description: `Issues of the ${publication.title} with items on ${name}.`,
    homeUrl: new URL(categoryPath(page.category), publication.baseUrl).href,
  }, issues, content);
}

/** The issues of a category page, each once. */
export function categoryIssues(page: CategoryPage<IssueOutline>): IssueOutline[] {
  return [...new Map(page.entries.map(({ issue }) => [issue.number, issue])).values()];
}

/** The issues a feed of these lists: the newest published ones, by date then number, at most FEED_LIMIT. */
export function feedIssues(issues: IssueOutline[]): IssueOutline[] {
  return issues
    .filter((issue) => issue.status === 'published')
    .sort((a, b) => (a.date === b.date ? b.number - a.number : a.date < b.date ? 1 : -1))
    .slice(0, FEED_LIMIT);
}

/** Path of a category's page and feed folder, relative to the site root. */
export function categoryPath(category: CategoryLink): string {
  return `categories/${category.slug}/`;
}

interface Channel {
  title: string;
  description: string;
  homeUrl: string;
}

function feed(site: ComposedSite<IssueOutline>, channel: Channel, issues: IssueOutline[], content: IssueContent): Feed {
  const { publication } = site;
  // The issues a feed carries are read in full, as it carries their text (site/render-site.ts: issuesInFeeds).
  const latest = feedIssues(issues).map(composedIssue);
  const entries = latest.map((issue) => feedEntry(issue, content(issue), publication.language));
  const newest = latest[0]?.date ?? '1970-01-01';
  return {
    title: xmlSafe(channel.title),
    description: xmlSafe(channel.description),
    language: publication.language,
    publisher: xmlSafe(publication.publisher),
    rights: xmlSafe(latest[0]?.copyright ?? ''),
    homeUrl: channel.homeUrl,
    baseUrl: publication.baseUrl,
    updated: rfc3339(newest),
    updatedRfc822: rfc822(newest),
    entries,
  };
}

function feedEntry(issue: ComposedIssue, content: string, language: string): FeedEntry {
  return {
    url: issue.url,
    title: xmlSafe(issue.subject),
    summary: xmlSafe(issue.preheader),
    content: xmlSafe(content),
    authors: issue.authors.map(xmlSafe),
    categories: issue.categories.map((category) => ({ name: xmlSafe(category.name), slug: category.slug })),
    published: rfc3339(issue.date),
    publishedRfc822: rfc822(issue.date),
    language,
  };
}
