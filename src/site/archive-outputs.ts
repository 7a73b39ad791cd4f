import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/package-root.js';
import { textKey } from '../core/text-key.js';
import type { Renderer, SiteFile } from '../render/types.js';
import type { OutputFile } from './render-site.js';
import type { SitePlan } from './plan-site.js';

/**
 * The archive's finding aids as build outputs: the list of categories, the author pages, the search page
 * and its scripts, the 404 page, sitemap.xml and robots.txt. Each is made from the plan's site alone
 * (listings, never rendered pages or bodies) and keyed by what its template is given, like every output
 * that is not an issue's own file (render-site.ts); the scripts by their text.
 */
export function* archiveFiles(plan: SitePlan, renderer: Renderer): Generator<[SiteFile, OutputFile['kind']]> {
  const archive = renderer.archive;
  const { site } = plan;
  yield [archive.categoriesIndex(site), 'page'];
  for (const page of archive.authorPages(site)) yield [page, 'page'];
  yield [archive.searchPage(site), 'page'];
  for (const [file, source] of searchScripts()) {
    const text = readFileSync(source, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
    yield [{ path: file, key: textKey(text), render: () => text }, 'asset'];
  }
  yield [archive.notFound(site), 'page'];
  yield [archive.sitemap(site), 'asset'];
  yield [archive.robots(), 'asset'];
}

/**
 * The search page's scripts, as the browser loads them (web/search.hbs): monitor's own (src/search/,
 * compiled into lib/search/) and MiniSearch's browser module, copied from the installed packages.
 */
function searchScripts(): Array<[file: string, source: string]> {
  const miniSearch = createRequire(import.meta.url).resolve('minisearch'); // <package>/dist/cjs/index.cjs
  return [
    ['search/search-page.js', path.join(PACKAGE_ROOT, 'lib/search/search-page.js')],
    ['search/archive-index.js', path.join(PACKAGE_ROOT, 'lib/search/archive-index.js')],
    ['search/search-terms.js', path.join(PACKAGE_ROOT, 'lib/search/search-terms.js')],
    ['search/index-files.js', path.join(PACKAGE_ROOT, 'lib/search/index-files.js')],
    ['search/minisearch.js', path.join(path.dirname(miniSearch), '../es/index.js')],
  ];
}
