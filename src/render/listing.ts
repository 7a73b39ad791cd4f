import type { IssueOutline, ItemOutline } from '../compose/types.js';
import { textKey } from '../core/text-key.js';

/**
 * What an archive page or a category page shows of an issue: its heading facts, never its items' bodies,
 * so that editing an item's text rewrites its issue's files and feeds but no listing (a listing page is
 * written when its rendered text changed). It is the one place that says what a listing may show.
 */
export interface IssueListing {
  number: number;
  title: string;
  date: string;
  dateText: string;
  authorsText: string;
  status: IssueOutline['status'];
  isDraft: boolean;
  path: string;
  url: string;
}

/** What a listing shows of an item: its headline, linked to its anchor on the issue page. */
export interface HeadlineListing {
  anchor: string;
  headline: string;
  headlineCaps: string;
}

export function issueListing(issue: IssueOutline): IssueListing {
  const { number, title, date, dateText, authorsText, status, path, url } = issue;
  return { number, title, date, dateText, authorsText, status, isDraft: status === 'draft', path, url };
}

export function headlineListing(item: ItemOutline): HeadlineListing {
  const { anchor, headline, headlineCaps } = item;
  return { anchor, headline, headlineCaps };
}

/** An issue as an archive page lists it: its listing and its items' headlines. */
export interface ListedIssue extends IssueListing {
  items: HeadlineListing[];
}

export function listedIssue(issue: IssueOutline): ListedIssue {
  return Object.assign(issueListing(issue), { items: issue.items.map(headlineListing) });
}

/** One entry of a category page: an item's headline and the issue it appeared in. */
export interface CategoryEntry {
  issue: IssueListing;
  item: HeadlineListing;
}

export function categoryEntry(issue: IssueOutline, item: ItemOutline): CategoryEntry {
  return { issue: issueListing(issue), item: headlineListing(item) };
}

/**
 * Keys of category entries, each made of the key of its issue's listing (made once per composed issue)
 * and its item's headline: a category page, which lists an issue once per item, is keyed by these rather
 * than by the same facts written out again for every entry.
 */
export class EntryKeys {
  private readonly issues = new WeakMap<IssueOutline, string>();
  private readonly items = new WeakMap<ItemOutline, string>();

  /** `lede`: the first sentence a category page shows under the item's headline. */
  of(issue: IssueOutline, item: ItemOutline, lede: string): string {
    let key = this.items.get(item);
    if (key === undefined) this.items.set(item, (key = textKey(this.issue(issue), JSON.stringify(headlineListing(item)), lede)));
    return key;
  }

  private issue(issue: IssueOutline): string {
    let key = this.issues.get(issue);
    if (key === undefined) this.issues.set(issue, (key = textKey(JSON.stringify(issueListing(issue)))));
    return key;
  }
}
