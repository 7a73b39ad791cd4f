import type { ComposedIssue, ComposedSite, IssueOutline } from '../../compose/types.js';
import { textKey } from '../../core/text-key.js';
import type { SiteFile, TemplateSources } from '../types.js';
import { categoryFeed, categoryPath, siteFeed, type Feed, type IssueContent } from './feed-model.js';
import { compileFeedFormats, type FeedFormats } from './write-formats.js';

export interface FeedOptions {
  /** The HTML of an issue's items (the renderer's `issueContent`). */
  content: IssueContent;
  /** Must hold `feeds/rss.xml.hbs` and `feeds/atom.xml.hbs`. */
  templates: TemplateSources;
}

/** Paths of the publication's feeds, relative to the site root. */
export const SITE_FEEDS = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' } as const;

/**
 * Every feed of the site: feed.xml (RSS 2.0), atom.xml (Atom 1.0) and feed.json (JSON Feed 1.1) with the
 * latest published issues, and categories/<slug>/feed.xml (RSS 2.0) for each category, listing the
 * issues with an item in it. Each is keyed by its format, address and feed model, each entry's HTML
 * standing as the key of the composed issue it is made from; the HTML is rendered only with the text.
 * Pure: the same site gives the same bytes.
 */
export function renderFeeds(site: ComposedSite<IssueOutline>, options: FeedOptions): SiteFile[] {
  const formats = compileFeedFormats(options.templates);
  const content = memoise(options.content);
  const issueKey = memoise((issue) => textKey(JSON.stringify(issue)));
  const file = (format: keyof FeedFormats, path: string, model: (content: IssueContent) => Feed): SiteFile => {
    const selfUrl = new URL(path, site.publication.baseUrl).href;
    return { path, key: textKey(format, selfUrl, JSON.stringify(model(issueKey))), render: () => formats[format](model(content), selfUrl) };
  };
  const main = (content: IssueContent) => siteFeed(site, content);
  const files = [file('rss', SITE_FEEDS.rss, main), file('atom', SITE_FEEDS.atom, main), file('json', SITE_FEEDS.json, main)];
  for (const page of site.categories) {
    files.push(file('rss', `${categoryPath(page.category)}feed.xml`, (content) => categoryFeed(site, page, content)));
  }
  return files;
}

/** The same issue appears in several feeds; make its HTML (or key) once. */
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
