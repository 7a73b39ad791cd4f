import type { ComposedIssue, ComposedSite, IssueOutline } from '../compose/types.js';
import type { SearchDocument } from '../search/search-terms.js';
import { authorPages, categorySummaries, sitemapEntries } from './archive-views.js';
import { pageContext } from './pages.js';
import { bodyText } from './search-text.js';
import { siteFile, type TemplateSet } from './template-set.js';
import type { SiteFile } from './types.js';
import type { SiteView } from './views.js';

/** Where the archive's finding aids go, relative to the output folder (author pages: `authors/<slug>/index.html`). */
export const ARCHIVE_FILES = {
  categories: 'categories/index.html',
  search: 'search/index.html',
  notFound: '404.html',
  sitemap: 'sitemap.xml',
  robots: 'robots.txt',
} as const;

/**
 * The pages that help a reader find things in the archive, each from its own template (overridable
 * like the others): the list of categories, one page per author, the search page and its script, the
 * 404 page, sitemap.xml and robots.txt. Pure, like the rest of render.
 */
export interface ArchiveRenderer {
  /** dist/categories/index.html (web/categories.hbs). */
  categoriesIndex(site: ComposedSite<IssueOutline>): SiteFile;
  /** dist/authors/<slug>/index.html, one per author of a published issue (web/author.hbs). */
  authorPages(site: ComposedSite<IssueOutline>): SiteFile[];
  /**
   * dist/search/index.html (web/search.hbs); the index is written by the build (site/search-index.ts) and
   * the page's script is search/search-page.ts.
   */
  searchPage(site: ComposedSite<IssueOutline>): SiteFile;
  /** What the search index holds of a published issue: its items' headlines, bodies and citations as plain text, anchors and categories. */
  searchDocument(issue: ComposedIssue): SearchDocument;
  /** dist/404.html (web/404.hbs): served for any missing path, so its links are absolute paths. */
  notFound(site: ComposedSite<IssueOutline>): SiteFile;
  /** dist/sitemap.xml (web/sitemap.xml.hbs). */
  sitemap(site: ComposedSite<IssueOutline>): SiteFile;
  /** dist/robots.txt (web/robots.txt.hbs), naming the sitemap. */
  robots(): SiteFile;
}

export function createArchiveRenderer(set: TemplateSet, site: SiteView): ArchiveRenderer {
  const copyright = (composed: ComposedSite<IssueOutline>) => composed.issues[0]?.copyright;
  const file = (path: string, template: string, context: object) => siteFile(set, path, template, context);
  const page = (composed: ComposedSite<IssueOutline>, depth: number, path: string, title: string, description: string) =>
    pageContext(site, { depth, title, description, canonical: new URL(path, site.baseUrl).href, type: 'website', copyright: copyright(composed) });
  return {
    categoriesIndex(composed) {
      const context = page(composed, 1, 'categories/', `Categories · ${site.title}`, `Every category of ${site.title}, with its number of items.`);
      return file(ARCHIVE_FILES.categories, 'web/categories.hbs', { site, page: context, categories: categorySummaries(composed), linkBase: context.root });
    },
    authorPages(composed) {
      return authorPages(composed).map((author) => {
        const context = page(composed, 2, author.path, `${author.name} · ${site.title}`, `Issues of ${site.title} by ${author.name}, newest first.`);
        return file(`${author.path}index.html`, 'web/author.hbs', { site, page: context, author, linkBase: context.root });
      });
    },
    searchPage(composed) {
      const context = page(composed, 1, 'search/', `Search · ${site.title}`, `Search every issue of ${site.title}.`);
      const host = new URL(site.baseUrl).host;
      return file(ARCHIVE_FILES.search, 'web/search.hbs', { site, page: context, host, categories: categorySummaries(composed), linkBase: context.root });
    },
    searchDocument(issue) {
      return {
        id: String(issue.number),
        date: issue.date,
        headline: issue.items.map((item) => item.headline).join('\n'),
        text: issue.items.map((item) => `${bodyText(item, site.language)} (${item.citation.text})`).join('\n'),
        items: issue.items.map((item) => [item.anchor, ...item.categories.map((category) => category.name)]),
      };
    },
    notFound(composed) {
      const context = page(composed, 0, '404.html', `Page not found · ${site.title}`, site.description);
      // Served in place of any missing page, at any depth: links start from the site's own path.
      const root = new URL(site.baseUrl).pathname;
      const notFoundPage = Object.assign(context, { root, noindex: true });
      return file(ARCHIVE_FILES.notFound, 'web/404.hbs', { site, page: notFoundPage, linkBase: root });
    },
    sitemap(composed) {
      return file(ARCHIVE_FILES.sitemap, 'web/sitemap.xml.hbs', { site, entries: sitemapEntries(composed) });
    },
    robots() {
      return file(ARCHIVE_FILES.robots, 'web/robots.txt.hbs', { site, sitemap: new URL('sitemap.xml', site.baseUrl).href });
    },
  };
}

