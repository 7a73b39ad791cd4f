import type { ComposedSite, IssueOutline } from '../compose/types.js';
import { listedIssue, type ListedIssue } from './listing.js';
import type { SiteView } from './views.js';

/** Issues on one page of the archive. */
export const ISSUES_PER_PAGE = 20;

/** What the web layout needs to know about the page it wraps. */
export interface PageContext {
  title: string;
  description: string;
  /** Absolute URL of this page. */
  canonical: string;
  /** `article` for an issue, `website` otherwise (Open Graph). */
  type: 'article' | 'website';
  /** Relative path from this page to the site root (`./`, `../../`), so the site also works off-line. */
  root: string;
  copyright: string;
  /** `YYYY-MM-DD` for an issue page. */
  published: string | undefined;
  noindex: boolean;
  /** Absolute URLs of the neighbouring archive pages. */
  newer: string | undefined;
  older: string | undefined;
  /** Absolute URL of this page's own RSS feed (a category's), besides the site's feeds. */
  feed: string | undefined;
}

interface PageFacts {
  /** How many folders below the site root the page's index.html is. */
  depth: number;
  title: string;
  description: string;
  canonical: string;
  type: PageContext['type'];
  copyright?: string | undefined;
  published?: string;
  noindex?: boolean;
  newer?: string | undefined;
  older?: string | undefined;
  feed?: string | undefined;
}

export function pageContext(site: SiteView, facts: PageFacts): PageContext {
  return {
    title: facts.title,
    description: facts.description,
    canonical: facts.canonical,
    type: facts.type,
    root: facts.depth === 0 ? './' : '../'.repeat(facts.depth),
    copyright: facts.copyright ?? `© ${site.publisher}`,
    published: facts.published,
    noindex: facts.noindex ?? false,
    newer: facts.newer,
    older: facts.older,
    feed: facts.feed,
  };
}

/** One page of the archive, ready for web/archive.hbs. */
export interface ArchivePageView {
  path: string;
  context: {
    site: SiteView;
    page: PageContext;
    issues: ListedIssue[];
    pagination: { number: number; count: number; isLater: boolean; newer: string | undefined; older: string | undefined };
  };
}

/** How many archive pages `published` issues fill, ISSUES_PER_PAGE to a page (one, even with none). */
export function archivePageCount(published: number): number {
  return Math.max(1, Math.ceil(published / ISSUES_PER_PAGE));
}

/** Where archive page `number` is, relative to the site root: the root itself, then `page/2/`... */
export function archivePageFolder(number: number): string {
  return number === 1 ? '' : `page/${number}/`;
}

/** The archive of published issues, newest first, ISSUES_PER_PAGE to a page: index.html, page/2/index.html... */
export function archivePageViews(site: SiteView, composed: ComposedSite<IssueOutline>): ArchivePageView[] {
  const published = composed.issues.filter((issue) => issue.status === 'published');
  const count = archivePageCount(published.length);
  return Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    const root = number === 1 ? './' : '../../';
    const relative = (target: number) => (target < 1 || target > count ? undefined : `${root}${archivePageFolder(target)}`);
    const absolute = (target: number) => (target < 1 || target > count ? undefined : new URL(archivePageFolder(target), site.baseUrl).href);
    const page = pageContext(site, {
      depth: number === 1 ? 0 : 2,
      title: number === 1 ? site.title : `${site.title}: archive page ${number}`,
      description: site.description,
      canonical: absolute(number)!,
      type: 'website',
      copyright: published[0]?.copyright,
      newer: absolute(number - 1),
      older: absolute(number + 1),
    });
    const issues = published.slice(index * ISSUES_PER_PAGE, number * ISSUES_PER_PAGE).map(listedIssue);
    const pagination = { number, count, isLater: number > 1, newer: relative(number - 1), older: relative(number + 1) };
    return { path: `${archivePageFolder(number)}index.html`, context: { site, page, issues, pagination } };
  });
}
