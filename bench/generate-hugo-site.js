/**
 * The same synthetic archive as a minimal Hugo site, for the side-by-side figure of issue 6: one page per
 * issue (its items concatenated, citations written out), the categories taxonomy, a paginated archive and
 * trivial layouts. Web pages only: RSS, sitemap, robots.txt and 404 are switched off, as monitor's
 * comparison is against Hugo's web pages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createArchiveModel } from './archive-model.js';

/** @typedef {import('./archive-model.js').IssueModel} IssueModel */
/** @typedef {import('./archive-model.js').ItemModel} ItemModel */

const TITLE = 'Synthetic Reform Monitor';

const CONFIG = `baseURL = "https://bench-monitor.example/"
title = "${TITLE}"
languageCode = "en"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
paginate = 20
[taxonomies]
  category = "categories"
`;

const HEAD = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>';

const SINGLE = `${HEAD}
<h1>{{ .Title }}</h1>
<p>{{ .Date.Format "January 2, 2006" }} · {{ delimit .Params.authors ", " }}</p>
{{ with .Params.categories }}<p>Related Categories: {{ delimit . "; " }}</p>{{ end }}
{{ .Content }}
</body></html>
`;

const LIST = `${HEAD}
<h1>{{ .Title }}</h1>
<ul>
{{ $pages := cond .IsHome site.RegularPages .Pages }}
{{ range (.Paginate $pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "January 2, 2006" }}
{{ with .Params.headlines }}<ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}</li>
{{ end }}
</ul>
{{ template "_internal/pagination.html" . }}
</body></html>
`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * @param {string} dir the Hugo site folder to write into
 * @param {{ issues?: number, seed?: number }} [options] the same options as generateArchive
 * @returns {{ pages: number }}
 */
export function generateHugoSite(dir, { issues = 2500, seed = 1 } = {}) {
  const model = createArchiveModel({ issues, seed });
  const styles = new Map(model.publications.map((publication) => [publication.name, publication.style]));
  mkdirSync(path.join(dir, 'layouts', '_default'), { recursive: true });
  mkdirSync(path.join(dir, 'content', 'issues'), { recursive: true });
  writeFileSync(path.join(dir, 'hugo.toml'), CONFIG);
  writeFileSync(path.join(dir, 'layouts', '_default', 'single.html'), SINGLE);
  writeFileSync(path.join(dir, 'layouts', '_default', 'list.html'), LIST);
  for (const issue of model.issues) {
    writeFileSync(path.join(dir, 'content', 'issues', `${issue.number}.md`), issuePage(issue, model.categories, styles));
  }
  return { pages: model.issues.length };
}

/**
 * @param {IssueModel} issue
 * @param {string[]} categoryOrder
 * @param {Map<string, string>} styles
 * @returns {string}
 */
function issuePage(issue, categoryOrder, styles) {
  const used = new Set(issue.items.flatMap((item) => item.categories));
  const categories = categoryOrder.filter((name) => used.has(name));
  const front = [
    '---',
    `title: "${TITLE} No. ${issue.number}"`,
    `date: ${issue.date}`,
    `authors: [${issue.authors.join(', ')}]`,
    `categories: [${categories.join(', ')}]`,
    `headlines: [${issue.items.map((item) => item.headline).join(', ')}]`,
    '---',
  ];
  const items = issue.items.map((item) => itemMarkdown(item, styles));
  return `${front.join('\n')}\n${issue.note ? `${issue.note}\n\n` : ''}${items.join('\n\n')}\n`;
}

/**
 * @param {ItemModel} item
 * @param {Map<string, string>} styles
 * @returns {string}
 */
function itemMarkdown(item, styles) {
  const citation = item.sources
    .map((source) => {
      const name = styles.get(source.publication) === 'wire' ? source.publication : `*${source.publication}*`;
      return `${name}, ${longDate(source.date)}`;
    })
    .join('; ');
  const paragraphs = [...item.paragraphs];
  paragraphs[paragraphs.length - 1] += ` (${citation})`;
  return `## ${item.headline.toUpperCase()}\n\n${paragraphs.join('\n\n')}`;
}

/**
 * @param {string} date YYYY-MM-DD
 * @returns {string} such as "January 13, 2020"
 */
function longDate(date) {
  const [year, month, day] = date.split('-').map(Number);
  return `${MONTHS[(month ?? 1) - 1]} ${day}, ${year}`;
}
