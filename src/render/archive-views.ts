import type { ComposedIssue, ComposedSite, IssueOutline } from '../compose/types.js';
import { slugify } from '../compose/slug.js';
import { headlineListing, issueListing, type HeadlineListing, type IssueListing } from './listing.js';
import { archivePageCount, archivePageFolder, ISSUES_PER_PAGE } from './pages.js';

/**
 * The views of the archive's finding aids: the list of categories, the author pages and the sitemap.
 * Each is built from what listings show of an issue (render/listing.ts) and nothing else, so the build
 * can key these pages by the same data (site/archive-outputs.ts) and never needs an issue's full text.
 */

/** One line of /categories/: a category, how many items it holds and when the newest appeared. */
export interface CategorySummary {
  name: string;
  /** `categories/<slug>/`, relative to the site root. */
  path: string;
  count: number;
  /** `YYYY-MM-DD` and `January 13, 2020` of the newest issue with an item in it. */
  latest: string;
  latestText: string;
}

export function categorySummaries(site: ComposedSite<IssueOutline>): CategorySummary[] {
  return site.categories.map(({ category, entries }) => {
    const newest = entries[0]!.issue;
    return { name: category.name, path: `categories/${category.slug}/`, count: entries.length, latest: newest.date, latestText: newest.dateText };
  });
}

/** An issue as an author page lists it: its listing and its headlines. */
export interface AuthoredIssue extends IssueListing {
  items: HeadlineListing[];
}

/** An author and the published issues they wrote or co-wrote, newest first. */
export interface AuthorPageView {
  name: string;
  slug: string;
  /** `authors/<slug>/`, relative to the site root. */
  path: string;
  issues: AuthoredIssue[];
}

/** The author pages of the published issues, by slug; two spellings that slug alike share a page. */
export function authorPages(site: ComposedSite<IssueOutline>): AuthorPageView[] {
  const pages = new Map<string, AuthorPageView>();
  for (const issue of site.issues) {
    if (issue.status !== 'published') continue;
    for (const name of issue.authors) {
      const slug = slugify(name);
      let page = pages.get(slug);
      if (!page) pages.set(slug, (page = { name, slug, path: authorPath(name), issues: [] }));
      page.issues.push(Object.assign(issueListing(issue), { items: issue.items.map(headlineListing) }));
    }
  }
  return [...pages.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** `authors/<slug>/`: where an author's page is, relative to the site root. */
export function authorPath(name: string): string {
  return `authors/${slugify(name)}/`;
}

/** An author named in a byline, with the path of their page. */
export interface AuthorLink {
  name: string;
  path: string;
}

export function authorLinks(issue: Pick<ComposedIssue, 'authors'>): AuthorLink[] {
  return issue.authors.map((name) => ({ name, path: authorPath(name) }));
}

/** One `<url>` of sitemap.xml. */
export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  /** `YYYY-MM-DD`: the date of the newest issue the page shows. */
  lastmod: string;
}

/**
 * Every published page a reader may land on from a search engine: the archive pages, each published
 * issue once, the category and author pages and their indexes, the search page. Drafts never appear:
 * `site` holds published issues only (site/plan-site.ts), and they are filtered again here.
 */
export function sitemapEntries(site: ComposedSite<IssueOutline>): SitemapEntry[] {
  const published = site.issues.filter((issue) => issue.status === 'published');
  const url = (path: string) => new URL(path, site.publication.baseUrl).href;
  const newest = published[0]?.date;
  const entries: SitemapEntry[] = [];
  const add = (path: string, lastmod: string | undefined) => lastmod && entries.push({ loc: url(path), lastmod });
  for (let page = 1; page <= archivePageCount(published.length); page += 1) add(archivePageFolder(page), published[(page - 1) * ISSUES_PER_PAGE]?.date);
  for (const issue of published) add(issue.path, issue.date);
  add('categories/', newest);
  for (const summary of categorySummaries(site)) add(summary.path, summary.latest);
  for (const author of authorPages(site)) add(author.path, author.issues[0]?.date);
  add('search/', newest);
  return entries;
}
