import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CategoryPage, ComposedIssue, ComposedSite, IssueOutline } from '../../src/compose/types.js';
import type { Renderer, SiteFile } from '../../src/render/types.js';
import type { Rendering } from '../../src/site/index.js';
import { authorPages } from '../../src/render/archive-views.js';
import { readTemplates } from '../../src/render/read-templates.js';

/** Every file below `folder` (relative path -> SHA-256), to prove a folder did not change by one byte. */
export async function hashTree(folder: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(folder, file), createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  return new Map([...hashes].sort(([a], [b]) => a.localeCompare(b)));
}

/** Names next to `out` left by a build (temporary or set-aside folders). */
export async function leftovers(out: string): Promise<string[]> {
  const base = path.basename(out);
  return (await readdir(path.dirname(out))).filter((name) => name.startsWith(`${base}.`));
}

/**
 * A stand-in renderer: one line per fact, so tests see which issues each page lists. `failOn` makes the
 * email of that issue throw, as a broken template would halfway through a build.
 */
export function fakeRendering(options: { failOn?: number } = {}): Rendering {
  const renderer: Renderer = {
    async email(issue: ComposedIssue) {
      if (issue.number === options.failOn) throw new Error(`email of ${issue.number} failed`);
      return `<html>email ${issue.number}</html>`;
    },
    text: (issue) => `${issue.title}\n`,
    issueContent: (issue) => `<p>${issue.number}</p>`,
    issuePage: (issue, site) => `page ${issue.number} of ${listed(site)}; previous ${issue.previous?.number ?? '-'}; next ${issue.next?.number ?? '-'}`,
    archivePages: (site: ComposedSite) => [fakeFile('index.html', `archive ${listed(site)}`)],
    stylesheet: () => fakeFile('style.css', 'body { color: black }\n'),
    categoryPage: (page: CategoryPage) => fakeFile(`categories/${page.category.slug}/index.html`, `category ${page.category.slug}: ${page.entries.map((entry) => entry.issue.number).join(',')}`),
    archive: {
      categoriesIndex: (site) => fakeFile('categories/index.html', `categories ${site.categories.map((page) => `${page.category.slug}:${page.entries.length}`).join(',')}`),
      authorPages: (site) => authorPages(site).map((author) => fakeFile(`${author.path}index.html`, `author ${author.name}: ${author.issues.map((issue) => issue.number).join(',')}`)),
      searchPage: () => fakeFile('search/index.html', 'search'),
      searchDocument: (issue) => ({ id: String(issue.number), date: issue.date, headline: '', text: issue.items.map((item) => item.body).join('\n'), items: [] }),
      notFound: () => fakeFile('404.html', 'not found'),
      sitemap: (site) => fakeFile('sitemap.xml', `sitemap ${listed(site)}`),
      robots: () => fakeFile('robots.txt', 'robots\n'),
    },
  };
  return { readTemplates, createRenderer: () => renderer };
}

/** A stand-in page keyed by its text. */
function fakeFile(path: string, text: string): SiteFile {
  return { path, key: text, render: () => text };
}

function listed(site: ComposedSite<IssueOutline>): string {
  return site.issues.map((issue) => issue.number).join(',');
}
