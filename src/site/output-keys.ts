import { createHash } from 'node:crypto';
import type { ComposedIssue, ComposedItem, PublicationInfo } from '../compose/types.js';
import { categoryFeed, categoryPath, siteFeed } from '../render/feeds/feed-model.js';
import { SITE_FEEDS } from '../render/feeds/render-feeds.js';
import { ISSUES_PER_PAGE } from '../render/pages.js';
import type { TemplateSources } from '../render/types.js';
import { headlineListing, issueListing } from '../render/listing.js';
import { archiveOutputKeys } from './archive-outputs.js';
import type { SitePlan } from './plan-site.js';
import type { OutputFile } from './render-site.js';

/** One output file a build would write: its sort (for the summary) and the hash of everything it shows. */
export interface PlannedOutput {
  kind: OutputFile['kind'];
  key: string;
}

/** Every output file of a plan, by path relative to the output folder. */
export type OutputKeys = Map<string, PlannedOutput>;

/**
 * The hashes of one composed issue, none of which depends on its previous/next links: everything but
 * its items and links, its sections and items, and what listings show of it.
 */
export interface IssueHashes {
  header: string;
  body: string;
  listing: string;
}

/** Hashes of an issue computed by an earlier build, when its inputs are known to be unchanged. */
export type RememberedHashes = (issue: ComposedIssue) => IssueHashes | undefined;

/** What every output depends on besides its own part of the render model. */
export interface GlobalInputs {
  /** monitor's version and a hash of its own files' stamps. */
  tool: string;
  templates: TemplateSources;
  publication: PublicationInfo;
  drafts: boolean;
}

/** Hash of what every output shares: any change here rebuilds everything. */
export function globalKey(inputs: GlobalInputs): string {
  const templates = [...inputs.templates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return hash(inputs.tool, JSON.stringify(templates), JSON.stringify(inputs.publication), String(inputs.drafts));
}

/**
 * The key of every output of the plan: a hash of exactly the part of the render model it shows. An
 * issue's files: the composed issue (its previous/next links included). An archive page: the listings
 * of the issues of its slice with their headlines, its number and the page count. A category page: its
 * entries, each an issue's listing and an item's headline (the renderer gives these pages nothing else,
 * render/listing.ts). A feed: its feed model, with each entry's content standing for the issue it
 * renders. What every output shares (templates, settings, monitor itself, options) is the global key,
 * recorded once beside them: when it changes, every output is rebuilt, so it need not be hashed into
 * each key.
 */
export function outputKeys(plan: SitePlan, remembered?: RememberedHashes): { keys: OutputKeys; issues: Map<number, IssueHashes> } {
  const hashes = new ModelHashes(remembered);
  const keys: OutputKeys = new Map();
  const add = (file: string, kind: PlannedOutput['kind'], ...parts: string[]) => keys.set(file, { kind, key: hash(...parts) });
  add(STYLESHEET, 'asset', 'stylesheet');
  for (const { issue } of plan.issues) {
    const key = hashes.issue(issue);
    for (const [name, kind] of ISSUE_FILES) keys.set(`${issue.path}${name}`, { kind, key });
  }
  const { site } = plan;
  const published = site.issues.filter((issue) => issue.status === 'published');
  const count = Math.max(1, Math.ceil(published.length / ISSUES_PER_PAGE));
  for (let number = 1; number <= count; number += 1) {
    const slice = published.slice((number - 1) * ISSUES_PER_PAGE, number * ISSUES_PER_PAGE);
    const listed = slice.map((issue) => `${hashes.listing(issue)}:${issue.items.map(headlineKey).join('\0')}`);
    add(archivePagePath(number), 'page', 'archive', `${number}/${count}`, published[0]?.copyright ?? '', ...listed);
  }
  const newest = site.issues[0]?.copyright ?? '';
  for (const page of site.categories) {
    // The body hash too: a category page shows each item's first sentence (the whole issue's, as outlines know no more).
    const entries = page.entries.map(({ issue, item }) => `${hashes.listing(issue)}:${hashes.body(issue)}:${headlineKey(item)}`);
    add(`${categoryPath(page.category)}index.html`, 'page', 'category', JSON.stringify(page.category), newest, ...entries);
  }
  for (const [file, planned] of archiveOutputKeys(plan)) keys.set(file, planned);
  const content = (issue: ComposedIssue) => hashes.issue(issue);
  const main = JSON.stringify(siteFeed(site, content));
  for (const file of Object.values(SITE_FEEDS)) add(file, 'feed', 'feed', main);
  for (const page of site.categories) add(`${categoryPath(page.category)}feed.xml`, 'feed', 'feed', JSON.stringify(categoryFeed(site, page, content)));
  const issues = new Map(plan.issues.map(({ issue }) => [issue.number, hashes.all(issue)]));
  return { keys, issues };
}

/**
 * The web pages' shared stylesheet, relative to the output folder. It shows the templates alone, which the
 * global key covers: its own key is constant, so it is rewritten exactly when the templates change.
 */
export const STYLESHEET = 'style.css';

/** An issue's own files, in its folder, all keyed by the whole issue: its web page, email and plain text. */
export const ISSUE_FILES: ReadonlyArray<readonly [string, PlannedOutput['kind']]> = [['index.html', 'page'], ['email.html', 'email'], ['email.txt', 'email']];

/** Path of archive page `number` (1 is the site's index), as the renderer names it. */
export function archivePagePath(number: number): string {
  return number === 1 ? 'index.html' : `page/${number}/index.html`;
}

/** An item's headline as listings show it; not hashed (a page's key hashes all its entries at once). */
function headlineKey(item: ComposedItem): string {
  const { anchor, headline, headlineCaps } = headlineListing(item);
  return `${anchor}\u0001${headline}\u0001${headlineCaps}`;
}

/** The hashes of a composed issue, computed afresh. */
export function issueHashes(issue: ComposedIssue): IssueHashes {
  return new ModelHashes(undefined).all(issue);
}

/**
 * Hashes of composed issues, each computed once: an issue is listed by several outputs. An issue whose
 * hashes are remembered (its files and the settings unchanged) is not serialised again; only its links
 * are, as its neighbours may have changed.
 */
class ModelHashes {
  /** What is known of each issue: its remembered hashes, or those computed so far. */
  private readonly known = new WeakMap<ComposedIssue, Partial<IssueHashes>>();
  private readonly keys = new WeakMap<ComposedIssue, string>();

  constructor(private readonly remembered: RememberedHashes | undefined) {}

  /** Everything about the issue but its items and its previous/next links (title, date, authors, note...). */
  header(issue: ComposedIssue): string {
    const known = this.of(issue);
    if (known.header === undefined) {
      const header = { ...issue, sections: undefined, items: undefined, previous: undefined, next: undefined };
      known.header = hash(JSON.stringify(header));
    }
    return known.header;
  }

  /** Its sections with their items, and the items in display order. */
  body(issue: ComposedIssue): string {
    const known = this.of(issue);
    if (known.body === undefined) {
      const items = new Map(issue.items.map((item) => [item, hash(JSON.stringify(item))]));
      const sections = issue.sections.map((section) => [section.id ?? null, section.title ?? null, section.items.map((item) => items.get(item))]);
      known.body = hash(JSON.stringify(sections), [...items.values()].join());
    }
    return known.body;
  }

  /** What the archive and category pages show of the issue (render/listing.ts). */
  listing(issue: ComposedIssue): string {
    return (this.of(issue).listing ??= hash(JSON.stringify(issueListing(issue))));
  }

  /** The whole issue as its own files show it: header, links and body. */
  issue(issue: ComposedIssue): string {
    let key = this.keys.get(issue);
    if (key === undefined) {
      const links = JSON.stringify([issue.previous ?? null, issue.next ?? null]);
      this.keys.set(issue, (key = hash(this.header(issue), links, this.body(issue))));
    }
    return key;
  }

  all(issue: ComposedIssue): IssueHashes {
    return { header: this.header(issue), body: this.body(issue), listing: this.listing(issue) };
  }

  /** The issue's remembered hashes (taken as they are), or a record to fill. */
  private of(issue: ComposedIssue): Partial<IssueHashes> {
    let known = this.known.get(issue);
    if (!known) this.known.set(issue, (known = this.remembered?.(issue) ?? {}));
    return known;
  }
}

/** sha1 of the parts, each followed by a NUL; joined first, as a category page hashes thousands of parts. */
function hash(...parts: string[]): string {
  return createHash('sha1').update(`${parts.join('\0')}\0`).digest('base64url');
}
