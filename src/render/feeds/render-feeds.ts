import type { ComposedIssue, ComposedSite } from '../../compose/types.js';
import type { TemplateSources } from '../types.js';
import { categoryFeed, categoryPath, siteFeed, type IssueContent } from './feed-model.js';
import { compileFeedFormats } from './write-formats.js';

/** A feed file: its path relative to the output folder and its text. */
export interface FeedFile {
  path: string;
  text: string;
}

export interface FeedOptions {
  /** The HTML of an issue's items (the renderer's `issueContent`). */
  content: IssueContent;
  /** Must hold `feeds/rss.xml.hbs` and `feeds/atom.xml.hbs`. */
  templates: TemplateSources;
  /** Render only the feeds whose path this accepts (every feed when absent). */
  wanted?: ((path: string) => boolean) | undefined;
}

/** Paths of the publication's feeds, relative to the site root. */
export const SITE_FEEDS = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' } as const;

/**
 * Every feed of the site: feed.xml (RSS 2.0), atom.xml (Atom 1.0) and feed.json (JSON Feed 1.1) with the
 * latest published issues, and categories/<slug>/feed.xml (RSS 2.0) for each category, listing the
 * issues with an item in it; or only the wanted ones. Pure: the same site gives the same bytes.
 */
export function renderFeeds(site: ComposedSite, options: FeedOptions): FeedFile[] {
  const wanted = options.wanted ?? (() => true);
  const categories = site.categories.filter((page) => wanted(`${categoryPath(page.category)}feed.xml`));
  if (categories.length === 0 && !Object.values(SITE_FEEDS).some(wanted)) return [];
  const formats = compileFeedFormats(options.templates);
  const content = memoise(options.content);
  const url = (path: string) => new URL(path, site.publication.baseUrl).href;
  const files: FeedFile[] = [];
  if (Object.values(SITE_FEEDS).some(wanted)) {
    const main = siteFeed(site, content);
    if (wanted(SITE_FEEDS.rss)) files.push({ path: SITE_FEEDS.rss, text: formats.rss(main, url(SITE_FEEDS.rss)) });
    if (wanted(SITE_FEEDS.atom)) files.push({ path: SITE_FEEDS.atom, text: formats.atom(main, url(SITE_FEEDS.atom)) });
    if (wanted(SITE_FEEDS.json)) files.push({ path: SITE_FEEDS.json, text: formats.json(main, url(SITE_FEEDS.json)) });
  }
  for (const page of categories) {
    const path = `${categoryPath(page.category)}feed.xml`;
    files.push({ path, text: formats.rss(categoryFeed(site, page, content), url(path)) });
  }
  return files;
}

/** The same issue appears in several feeds; render its HTML once. */
function memoise(content: IssueContent): IssueContent {
  const cache = new Map<ComposedIssue, string>();
  return (issue) => {
    let html = cache.get(issue);
    if (html === undefined) {
      html = content(issue);
      cache.set(issue, html);
    }
    return html;
  };
}
