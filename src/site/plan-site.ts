import { assembleSite, composeIssues, type ComposedIssues } from '../compose/index.js';
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
  /** Draft issues a whole build without `drafts` leaves out (0 for a one-issue build). */
  draftsLeftOut: number;
}

/** Compose the publication and choose the pages of a build (see planComposed). */
export function planSite(publication: Publication, options: PlanOptions = {}): SitePlan {
  return planComposed(composeIssues(publication), options);
}

/**
 * Choose the pages of a build. Published issues are linked without the drafts, so their previous/next
 * links are the same in every build; a draft is linked with the drafts around it, and its page links
 * into that preview. With `issue`, only that issue is written (a draft too, since it was asked for by
 * number) and, when published, its neighbours, whose previous/next links may now point to it; the
 * archive, category pages and feeds are always rewritten, as they list it.
 */
export function planComposed(composed: ComposedIssues, options: PlanOptions = {}): SitePlan {
  const site = assembleSite(composed);
  const wanted = options.issue;
  const wantsDraft = options.drafts || composed.issues.some((issue) => issue.number === wanted && issue.status === 'draft');
  const withDrafts = wantsDraft ? assembleSite(composed, { drafts: true }) : site;
  const drafts = withDrafts.issues.filter((issue) => issue.status === 'draft').map((issue) => ({ issue, site: withDrafts }));
  const published = site.issues.map((issue) => ({ issue, site }));
  const draftsLeftOut = wantsDraft ? 0 : composed.issues.filter((issue) => issue.status === 'draft').length;
  if (wanted === undefined) return { site, issues: sortNewestFirst([...published, ...drafts]), keepPrevious: false, draftsLeftOut };
  const target = [...published, ...drafts].find(({ issue }) => issue.number === wanted);
  if (!target) throw new MonitorError(noSuchIssue(composed.issues.map((issue) => issue.number), wanted));
  const neighbours = target.issue.status === 'published' ? [target.issue.previous?.number, target.issue.next?.number] : [];
  const chosen = published.filter(({ issue }) => neighbours.includes(issue.number));
  return { site, issues: sortNewestFirst([target, ...chosen]), keepPrevious: true, draftsLeftOut: 0 };
}

function sortNewestFirst(issues: PlannedIssue[]): PlannedIssue[] {
  return issues.sort((a, b) => b.issue.number - a.issue.number);
}

function noSuchIssue(numbers: number[], wanted: number): string {
  const known = numbers.length === 0 ? 'the publication has no issues yet' : `the issues are ${listNumbers(numbers)}`;
  return `--issue ${wanted}: there is no issue ${wanted} (no folder issues/${wanted}/); ${known}`;
}

function listNumbers(numbers: number[]): string {
  if (numbers.length <= 6) return numbers.join(', ');
  return `${numbers.slice(0, 3).join(', ')}, ..., ${numbers.slice(-3).join(', ')}`;
}
