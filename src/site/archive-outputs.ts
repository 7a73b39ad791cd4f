import type { Renderer } from '../render/types.js';
import type { SitePlan } from './plan-site.js';
import type { OutputFile } from './render-site.js';
import { searchIndexFolders } from './search-index.js';

/** Where the archive's finding aids go, relative to the output folder (author pages: `authors/<slug>/index.html`). */
export const ARCHIVE_FILES = {
  categories: 'categories/index.html',
  search: 'search/index.html',
  searchScript: 'search/search.js',
  notFound: '404.html',
  sitemap: 'sitemap.xml',
  robots: 'robots.txt',
} as const;

/**
 * The archive's finding aids as build outputs: the list of categories, the author pages, the search page
 * and its script, the 404 page, sitemap.xml and robots.txt. Each is rendered from the plan's site alone
 * (listings, never rendered pages or bodies), so rendering them all on every build is cheap; like every
 * output that is not an issue's own file, each is written only when its text changed.
 */
export function* archiveFiles(plan: SitePlan, renderer: Renderer): Generator<OutputFile> {
  const archive = renderer.archive;
  const { site } = plan;
  yield { path: ARCHIVE_FILES.categories, text: archive.categoriesIndex(site), kind: 'page' };
  for (const page of archive.authorPages(site)) yield { path: page.path, text: page.html, kind: 'page' };
  yield { path: ARCHIVE_FILES.search, text: archive.searchPage(site), kind: 'page' };
  yield { path: ARCHIVE_FILES.searchScript, text: archive.searchScript(searchIndexFolders(site)), kind: 'asset' };
  yield { path: ARCHIVE_FILES.notFound, text: archive.notFound(site), kind: 'page' };
  yield { path: ARCHIVE_FILES.sitemap, text: archive.sitemap(site), kind: 'asset' };
  yield { path: ARCHIVE_FILES.robots, text: archive.robots(), kind: 'asset' };
}
