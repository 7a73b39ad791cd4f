/**
 * Write a synthetic publication in the layout of DESIGN.md: monitor.config.yaml, feeds/sources.yaml and
 * issues/<N>/ with an issue.md and five items each. Seeded: the same options give byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createArchiveModel } from './archive-model.js';
import { wrap } from './words.js';

/** @typedef {import('./archive-model.js').ArchiveModel} ArchiveModel */
/** @typedef {import('./archive-model.js').IssueModel} IssueModel */
/** @typedef {import('./archive-model.js').ItemModel} ItemModel */

/**
 * @param {string} dir the publication folder to write into (created when missing; should be empty)
 * @param {{ issues?: number, seed?: number }} [options]
 * @returns {{ issues: number, items: number, files: number }}
 */
export function generateArchive(dir, { issues = 2500, seed = 1 } = {}) {
  const model = createArchiveModel({ issues, seed });
  mkdirSync(path.join(dir, 'feeds'), { recursive: true });
  writeFileSync(path.join(dir, 'monitor.config.yaml'), configYaml(model));
  writeFileSync(path.join(dir, 'feeds', 'sources.yaml'), sourcesYaml(model));
  let files = 2;
  let items = 0;
  for (const issue of model.issues) {
    const folder = path.join(dir, 'issues', String(issue.number));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'issue.md'), issueMarkdown(issue));
    for (const item of issue.items) writeFileSync(path.join(folder, itemFileName(item)), itemMarkdown(item));
    files += 1 + issue.items.length;
    items += issue.items.length;
  }
  return { issues: model.issues.length, items, files };
}

/**
 * @param {ItemModel} item
 * @returns {string} such as `03-central-bank-weighs-budget-rule.md`
 */
export function itemFileName(item) {
  return `${String(item.order).padStart(2, '0')}-${item.slug}.md`;
}

/**
 * @param {ArchiveModel} model
 * @returns {string}
 */
function configYaml(model) {
  const sections = model.sections.map((section) => `  - { id: ${section.id}, title: ${section.title} }`);
  const categories = model.categories.map((name) => {
    const terms = model.categoryTerms[name];
    return terms ? `  - name: ${name}\n    terms: [${terms.join(', ')}]` : `  - ${name}`;
  });
  return [
    '# Synthetic publication written by bench/generate-archive.js; every name and story is invented.',
    'title: Synthetic Reform Monitor',
    'publisher: Bench Policy Institute',
    'baseUrl: https://bench-monitor.example/',
    'language: en',
    'description: A generated weekly digest used to time monitor on a long archive.',
    'copyright: "© {year} Bench Policy Institute"',
    'email:',
    '  from: "Synthetic Reform Monitor <monitor@bench-monitor.example>"',
    '  replyTo: editors@bench-monitor.example',
    '  unsubscribeUrl: https://bench-monitor.example/unsubscribe',
    'sections:',
    ...sections,
    'categories:',
    ...categories,
    '',
  ].join('\n');
}

/**
 * @param {ArchiveModel} model
 * @returns {string}
 */
function sourcesYaml(model) {
  const entries = model.publications.map((publication) =>
    [`- name: ${publication.name}`, `  style: ${publication.style}`, `  homepage: ${publication.homepage}`].join('\n'),
  );
  return `${entries.join('\n')}\n`;
}

/**
 * @param {IssueModel} issue
 * @returns {string}
 */
function issueMarkdown(issue) {
  const author = issue.authors.length === 1 ? issue.authors[0] : `[${issue.authors.join(', ')}]`;
  const front = ['---', `number: ${issue.number}`, `date: ${issue.date}`, `author: ${author}`, 'status: published', '---'];
  return `${front.join('\n')}\n${issue.note ? `${wrap(issue.note)}\n` : ''}`;
}

/**
 * @param {ItemModel} item
 * @returns {string}
 */
function itemMarkdown(item) {
  const sources = item.sources.flatMap((source) => [
    `  - publication: ${source.publication}`,
    `    date: ${source.date}`,
    ...(source.url ? [`    url: ${source.url}`] : []),
  ]);
  const front = [
    '---',
    `headline: ${item.headline}`,
    ...(item.section ? [`section: ${item.section}`] : []),
    `categories: [${item.categories.join(', ')}]`,
    'sources:',
    ...sources,
    '---',
  ];
  return `${front.join('\n')}\n${item.paragraphs.map((text) => wrap(text)).join('\n\n')}\n`;
}
