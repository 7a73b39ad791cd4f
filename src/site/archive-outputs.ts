import type { Renderer } from '../render/types.js';
import type { SitePlan } from './plan-site.js';
import type { PlannedFile } from './render-site.js';
import { searchIndexFolders } from './search-index.js';

/**
 * The archive's finding aids as build outputs: the list of categories, the author pages, the search page
 * and its script, the 404 page, sitemap.xml and robots.txt. Each is made from the plan's site alone
 * (listings, never rendered pages or bodies) and keyed by what its template is given, like every output
 * that is not an issue's own file (render-site.ts).
 */
export function* archiveFiles(plan: SitePlan, renderer: Renderer): Generator<PlannedFile> {
  const archive = renderer.archive;
  const { site } = plan;
  const planned = (file: { path: string; key: string; render(): string }, kind: PlannedFile['kind']): PlannedFile => ({ ...file, kind, render: () => file.render() });
  yield planned(archive.categoriesIndex(site), 'page');
  for (const page of archive.authorPages(site)) yield planned(page, 'page');
  yield planned(archive.searchPage(site), 'page');
  yield planned(archive.searchScript(searchIndexFolders(site)), 'asset');
  yield planned(archive.notFound(site), 'page');
  yield planned(archive.sitemap(site), 'asset');
  yield planned(archive.robots(), 'asset');
}
