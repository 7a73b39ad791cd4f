import { createHash } from 'node:crypto';
import type { ComposedSite } from '../compose/types.js';
import { authorPages, categorySummaries, sitemapEntries } from '../render/archive-views.js';
import { ISSUES_PER_PAGE } from '../render/pages.js';
import type { Renderer } from '../render/types.js';
import type { PlannedOutput } from './output-keys.js';
import type { SitePlan } from './plan-site.js';
import type { OutputFile } from './render-site.js';

/**
 * The archive's finding aids as build outputs: the list of categories, the author pages, the search page
 * and its script, the 404 page, sitemap.xml and robots.txt. Each is keyed by the very view its template
 * is given (render/archive-views.ts), which needs only what listings show of an issue: an edited item
 * body rewrites none of them; a new issue, headline, author or category rewrites the ones that show it.
 */
export const ARCHIVE_FILES = {
  categories: 'categories/index.html',
  search: 'search/index.html',
  searchScript: 'search/search.js',
  notFound: '404.html',
  sitemap: 'sitemap.xml',
  robots: 'robots.txt',
} as const;

/** The finding aids of the plan's site, or the wanted ones. */
export function* archiveFiles(plan: SitePlan, renderer: Renderer, want: (file: string) => boolean): Generator<OutputFile> {
  const archive = renderer.archive;
  const { site } = plan;
  if (want(ARCHIVE_FILES.categories)) yield { path: ARCHIVE_FILES.categories, text: archive.categoriesIndex(site), kind: 'page' };
  if (authorPaths(site).some(want)) {
    for (const page of archive.authorPages(site)) if (want(page.path)) yield { path: page.path, text: page.html, kind: 'page' };
  }
  if (want(ARCHIVE_FILES.search)) yield { path: ARCHIVE_FILES.search, text: archive.searchPage(site), kind: 'page' };
  if (want(ARCHIVE_FILES.searchScript)) yield { path: ARCHIVE_FILES.searchScript, text: archive.searchScript(), kind: 'asset' };
  if (want(ARCHIVE_FILES.notFound)) yield { path: ARCHIVE_FILES.notFound, text: archive.notFound(site), kind: 'page' };
  if (want(ARCHIVE_FILES.sitemap)) yield { path: ARCHIVE_FILES.sitemap, text: archive.sitemap(site), kind: 'asset' };
  if (want(ARCHIVE_FILES.robots)) yield { path: ARCHIVE_FILES.robots, text: archive.robots(), kind: 'asset' };
}

/**
 * The key of each finding aid: a hash of its view and of the copyright line its footer shows. (The
 * templates, settings and monitor itself are in the build's global key.)
 */
export function archiveOutputKeys(plan: SitePlan): Map<string, PlannedOutput> {
  const { site } = plan;
  const copyright = site.issues[0]?.copyright ?? '';
  const summaries = JSON.stringify(categorySummaries(site));
  const keys = new Map<string, PlannedOutput>();
  const add = (file: string, kind: PlannedOutput['kind'], ...parts: string[]) => keys.set(file, { kind, key: hash(file, copyright, ...parts) });
  add(ARCHIVE_FILES.categories, 'page', summaries);
  for (const author of authorPages(site)) add(`${author.path}index.html`, 'page', JSON.stringify(author));
  add(ARCHIVE_FILES.search, 'page', summaries);
  add(ARCHIVE_FILES.searchScript, 'asset');
  add(ARCHIVE_FILES.notFound, 'page');
  const published = site.issues.filter((issue) => issue.status === 'published').length;
  add(ARCHIVE_FILES.sitemap, 'asset', JSON.stringify(sitemapEntries(site, Math.max(1, Math.ceil(published / ISSUES_PER_PAGE)), ISSUES_PER_PAGE)));
  add(ARCHIVE_FILES.robots, 'asset');
  return keys;
}

function authorPaths(site: ComposedSite): string[] {
  return authorPages(site).map((author) => `${author.path}index.html`);
}

function hash(...parts: string[]): string {
  return createHash('sha1').update(`${parts.join('\0')}\0`).digest('base64url');
}
