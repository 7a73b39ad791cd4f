import { composeSite } from '../compose/index.js';
import type { ComposedIssue, ComposedSite } from '../compose/types.js';
import type { Publication } from '../content/types.js';
import { MonitorError } from '../core/errors.js';

export interface PlanOptions {
  /** Build only this issue's pages, plus the pages and feeds that list it. */
  issue?: number | undefined;
  /** Also build the pages of draft issues (never in the archive, the category pages or the feeds). */
  drafts?: boolean | undefined;
}

/** An issue to write (web page, email, plain text), with the site its page links into. */
export interface PlannedIssue {
  issue: ComposedIssue;
  site: ComposedSite;
}

/** What a build writes. Pure: chosen from the publication alone. */
export interface SitePlan {
  /** Published issues only: the archive pages, category pages and feeds are rendered from it. */
  site: ComposedSite;
  /** Issues whose own pages are written. */
  issues: PlannedIssue[];
  /** Start from a copy of the previous output (a one-issue build) rather than from nothing. */
  keepPrevious: boolean;
}

/**
 * Choose the pages of a build. Published issues are composed without the drafts, so their previous/next
 * links are the same in every build; a draft is composed with the drafts around it, and its page links
 * into that preview. With `issue`, only that issue is written (a draft too, since it was asked for by
 * number) and, when published, its neighbours, whose previous/next links may now point to it; the
 * archive, category pages and feeds are always rewritten, as they list it.
 */
export function planSite(publication: Publication, options: PlanOptions = {}): SitePlan {
  const site = composeSite(publication);
  const wanted = options.issue;
  const wantsDraft = options.drafts || publication.issues.some((issue) => issue.number === wanted && issue.status === 'draft');
  const withDrafts = wantsDraft ? composeSite(publication, { drafts: true }) : site;
  const drafts = withDrafts.issues.filter((issue) => issue.status === 'draft').map((issue) => ({ issue, site: withDrafts }));
  const published = site.issues.map((issue) => ({ issue, site }));
  if (wanted === undefined) return { site, issues: sortNewestFirst([...published, ...drafts]), keepPrevious: false };
  const target = [...published, ...drafts].find(({ issue }) => issue.number === wanted);
  if (!target) throw new MonitorError(noSuchIssue(publication, wanted));
  const neighbours = target.issue.status === 'published' ? [target.issue.previous?.number, target.issue.next?.number] : [];
  const chosen = published.filter(({ issue }) => neighbours.includes(issue.number));
  return { site, issues: sortNewestFirst([target, ...chosen]), keepPrevious: true };
}

function sortNewestFirst(issues: PlannedIssue[]): PlannedIssue[] {
  return issues.sort((a, b) => b.issue.number - a.issue.number);
}

function noSuchIssue(publication: Publication, wanted: number): string {
  const numbers = publication.issues.map((issue) => issue.number);
  const known = numbers.length === 0 ? 'the publication has no issues yet' : `the issues are ${listNumbers(numbers)}`;
  return `--issue ${wanted}: there is no issue ${wanted} (no folder issues/${wanted}/); ${known}`;
}

function listNumbers(numbers: number[]): string {
  if (numbers.length <= 6) return numbers.join(', ');
  return `${numbers.slice(0, 3).join(', ')}, ..., ${numbers.slice(-3).join(', ')}`;
}
