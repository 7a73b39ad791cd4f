/**
 * The synthetic publication as plain data, drawn from a seeded generator. The monitor writer
 * (generate-archive.js) and the Hugo writer (generate-hugo-site.js) both render this one model, so the
 * two tools are timed on the same content.
 */
import { createRandom } from './random.js';
import { headline, paragraph, slugify } from './words.js';

/**
 * @typedef {object} SectionModel
 * @property {string} id
 * @property {string} title
 *
 * @typedef {object} PublicationModel  one entry of feeds/sources.yaml
 * @property {string} name
 * @property {'periodical' | 'wire'} style
 * @property {string} homepage   ends in "/"
 *
 * @typedef {object} SourceRefModel
 * @property {string} publication
 * @property {string} date   YYYY-MM-DD, on or before the issue's date
 * @property {string | undefined} url   unique across the archive
 *
 * @typedef {object} ItemModel
 * @property {number} order      1-based; the file's NN prefix
 * @property {string} slug
 * @property {string} headline
 * @property {string | undefined} section
 * @property {string[]} categories   two, from the config
 * @property {SourceRefModel[]} sources   one or two
 * @property {string[]} paragraphs   one or two, each on one line
 *
 * @typedef {object} IssueModel
 * @property {number} number
 * @property {string} date
 * @property {string[]} authors
 * @property {string | undefined} note   editor's note
 * @property {ItemModel[]} items
 *
 * @typedef {object} ArchiveModel
 * @property {SectionModel[]} sections
 * @property {string[]} categories
 * @property {Record<string, string[]>} categoryTerms   the ingester's hints, for some categories
 * @property {PublicationModel[]} publications
 * @property {IssueModel[]} issues
 */

/** @type {SectionModel[]} */
export const SECTIONS = [
  { id: 'politics', title: 'Politics and Governance' },
  { id: 'economy', title: 'Economy and Energy' },
  { id: 'security', title: 'Security and Foreign Policy' },
  { id: 'society', title: 'Society and Rights' },
];

export const CATEGORIES = [
  'Democracy and Governance', 'Economic Sanctions', 'Energy', 'Human Rights and Humanitarian Issues',
  'Military and Security', 'Trade and Transport', 'Public Finance', 'Media and Information', 'Central Asia',
  'China', 'North Korea', 'Russia',
];

/** @type {Record<string, string[]>} */
const CATEGORY_TERMS = {
  'Economic Sanctions': ['sanctions', 'export controls'],
  Energy: ['pipeline', 'gas', 'oil'],
  'Public Finance': ['budget', 'deficit', 'borrowing'],
  'Media and Information': ['media law', 'journalist'],
};

/** @type {PublicationModel[]} */
export const PUBLICATIONS = [
  { name: 'The Harbour Gazette', style: 'periodical', homepage: 'https://harbour-gazette.example/' },
  { name: 'Northern Ledger', style: 'periodical', homepage: 'https://northern-ledger.example/' },
  { name: 'The Steppe Review', style: 'periodical', homepage: 'https://steppe-review.example/' },
  { name: 'Business Courier', style: 'periodical', homepage: 'https://business-courier.example/' },
  { name: 'Evening Standard Bearer', style: 'periodical', homepage: 'https://standard-bearer.example/' },
  { name: 'Policy Quarterly', style: 'periodical', homepage: 'https://policy-quarterly.example/' },
  { name: 'Continental Wire', style: 'wire', homepage: 'https://continental-wire.example/' },
  { name: 'Associated Newsline', style: 'wire', homepage: 'https://newsline.example/' },
  { name: 'Eastern Press Agency', style: 'wire', homepage: 'https://eastern-press.example/' },
  { name: 'Global Dispatch', style: 'wire', homepage: 'https://global-dispatch.example/' },
];

const AUTHORS = ['Vera Lindqvist', 'Tomas Okafor', 'Ilse Marchetti', 'Ruben Haddad', 'Nadia Petrescu', 'Owen Tanaka'];

const FIRST_ISSUE_DATE = Date.UTC(1978, 0, 2);
const DAY_MS = 86_400_000;
const ITEMS_PER_ISSUE = 5;

/**
 * @param {{ issues?: number, seed?: number }} [options]
 * @returns {ArchiveModel}
 */
export function createArchiveModel({ issues = 2500, seed = 1 } = {}) {
  const random = createRandom(seed);
  const list = [];
  for (let number = 1; number <= issues; number += 1) list.push(createIssue(random, number));
  return { sections: SECTIONS, categories: CATEGORIES, categoryTerms: CATEGORY_TERMS, publications: PUBLICATIONS, issues: list };
}

/**
 * @param {import('./random.js').Random} random
 * @param {number} number
 * @returns {IssueModel}
 */
function createIssue(random, number) {
  const time = FIRST_ISSUE_DATE + (number - 1) * 7 * DAY_MS;
  const authors = random.chance(0.15) ? random.sample(AUTHORS, 2) : [random.pick(AUTHORS)];
  const note = random.chance(0.2) ? paragraph(random, random.int(1, 2)) : undefined;
  const items = [];
  for (let order = 1; order <= ITEMS_PER_ISSUE; order += 1) items.push(createItem(random, number, order, time));
  return { number, date: isoDay(time), authors, note, items };
}

/**
 * @param {import('./random.js').Random} random
 * @param {number} number
 * @param {number} order
 * @param {number} issueTime
 * @returns {ItemModel}
 */
function createItem(random, number, order, issueTime) {
  const title = headline(random);
  const slug = slugify(title);
  const sources = random.sample(PUBLICATIONS, random.int(1, 2)).map((publication, index) => {
    const date = isoDay(issueTime - random.int(0, 6) * DAY_MS);
    const url = random.chance(0.7) ? `${publication.homepage}${date.replaceAll('-', '/')}/${slug}-${number}-${order}-${index + 1}` : undefined;
    return { publication: publication.name, date, url };
  });
  return {
    order,
    slug,
    headline: title,
    section: random.chance(0.85) ? random.pick(SECTIONS).id : undefined,
    categories: random.sample(CATEGORIES, 2),
    sources,
    paragraphs: Array.from({ length: random.int(1, 2) }, () => paragraph(random, random.int(3, 5))),
  };
}

/**
 * @param {number} time
 * @returns {string}
 */
function isoDay(time) {
  return new Date(time).toISOString().slice(0, 10);
}
