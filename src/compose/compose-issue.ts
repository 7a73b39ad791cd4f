import type { Config } from '../config/schema.js';
import { formatLongDate } from '../core/dates.js';
import type { Issue, Item, Publication } from '../content/types.js';
import { formatCitation } from './citation.js';
import { joinNames, slugify } from './slug.js';
import type { CategoryLink, ComposedIssue, ComposedItem, ComposedSection, IssueLink } from './types.js';

/** Neighbours of an issue in the archive, for previous/next links. */
export interface Neighbours {
  previous?: Issue | undefined;
  next?: Issue | undefined;
}

/** Turn one issue of the publication into its render model. Pure: reads no files. */
export function composeIssue(publication: Publication, issue: Issue, neighbours: Neighbours = {}): ComposedIssue {
  const { config } = publication;
  const items = [...issue.items].sort((a, b) => a.order - b.order);
  const anchors = new Set<string>();
  const composedItems = items.map((item) => composeItem(publication, item, uniqueAnchor(item.slug, anchors)));
  const sections = groupIntoSections(config, items, composedItems);
  const categories = issueCategories(config, issue);
  const displayed = sections.flatMap((section) => section.items);
  const firstHeadline = displayed[0]?.headline ?? '';
  const path = issuePath(issue.number);
  return {
    number: issue.number,
    title: `${config.title} No. ${issue.number}`,
    date: issue.date,
    dateText: formatLongDate(issue.date),
    year: Number(issue.date.slice(0, 4)),
    authors: issue.authors,
    authorsText: joinNames(issue.authors),
    status: issue.status,
    categories,
    categoriesText: categories.map((category) => category.name).join('; '),
    preheader: issue.preheader ?? displayed.map((item) => item.headline).join('; '),
    subject: issue.subject ?? `${config.title} No. ${issue.number}${firstHeadline ? `: ${firstHeadline}` : ''}`,
    note: issue.note,
    sections,
    items: displayed,
    hasSections: sections.some((section) => section.title !== undefined),
    path,
    url: config.baseUrl + path,
    copyright: (config.copyright ?? `© {year} ${config.publisher}`).replaceAll('{year}', issue.date.slice(0, 4)),
    previous: neighbours.previous && issueLink(config, neighbours.previous),
    next: neighbours.next && issueLink(config, neighbours.next),
  };
}

export function issuePath(number: number): string {
  return `issues/${number}/`;
}

function issueLink(config: Config, issue: Issue): IssueLink {
  const path = issuePath(issue.number);
  return { number: issue.number, dateText: formatLongDate(issue.date), path, url: config.baseUrl + path };
}

function composeItem(publication: Publication, item: Item, anchor: string): ComposedItem {
  return {
    anchor,
    headline: item.headline,
    headlineCaps: item.headline.toLocaleUpperCase(publication.config.language),
    body: item.body,
    categories: inConfigOrder(publication.config, item.categories),
    citation: formatCitation(item.sources, publication.sources),
    file: item.file,
  };
}

function uniqueAnchor(slug: string, taken: Set<string>): string {
  let anchor = slug;
  for (let suffix = 2; taken.has(anchor); suffix++) anchor = `${slug}-${suffix}`;
  taken.add(anchor);
  return anchor;
}

/** Configured sections in config order, each with its items; then the items without a section. */
function groupIntoSections(config: Config, items: Item[], composed: ComposedItem[]): ComposedSection[] {
  const sectionOf = (index: number) => items[index]!.section;
  const groups: ComposedSection[] = config.sections
    .map((section) => ({ id: section.id, title: section.title, items: composed.filter((_, index) => sectionOf(index) === section.id) }))
    .filter((group) => group.items.length > 0);
  const known = new Set(config.sections.map((section) => section.id));
  const rest = composed.filter((_, index) => !known.has(sectionOf(index) ?? ''));
  if (rest.length > 0 || groups.length === 0) groups.push({ id: undefined, title: undefined, items: rest });
  return groups;
}

/** The issue's Related Categories: as listed by the editor, else the union of its items', in config order. */
function issueCategories(config: Config, issue: Issue): CategoryLink[] {
  const names = issue.categories ?? issue.items.flatMap((item) => item.categories);
  return inConfigOrder(config, names);
}

/** Unique names sorted by their place in the config's vocabulary; unknown names (invalid anyway) last. */
function inConfigOrder(config: Config, names: string[]): CategoryLink[] {
  const vocabulary = vocabularyOf(config);
  const known = (name: string) => vocabulary.get(name) ?? { rank: config.categories.length, link: { name, slug: slugify(name) } };
  const unique = names.length < 2 ? names : [...new Set(names)];
  return unique.map(known).sort((a, b) => a.rank - b.rank).map(({ link }) => ({ ...link }));
}

/** Each category of the config with its place and its link, worked out once per config (12,000 items ask). */
const vocabularies = new WeakMap<Config, Map<string, { rank: number; link: CategoryLink }>>();

function vocabularyOf(config: Config): Map<string, { rank: number; link: CategoryLink }> {
  let vocabulary = vocabularies.get(config);
  if (!vocabulary) {
    vocabulary = new Map();
    for (const [rank, name] of config.categories.entries()) {
      if (!vocabulary.has(name)) vocabulary.set(name, { rank, link: { name, slug: slugify(name) } });
    }
    vocabularies.set(config, vocabulary);
  }
  return vocabulary;
}
