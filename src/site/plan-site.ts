import { assembleSite, composeIssues, type ComposedIssues } from '../compose/index.js';
import type { ComposedSite, IssueOutline } from '../compose/types.js';
import type { Publication } from '../content/types.js';
import { findIssue, type PlannedIssue } from './find-issue.js';

export type { PlannedIssue } from './find-issue.js';

export interface PlanOptions {
  /** Build only this issue's pages, plus the pages and feeds that list it. */
  issue?: number | undefined;
  /** Also build the pages of draft issues (never in the archive, the category pages or the feeds). */
  drafts?: boolean | undefined;
  /** With `drafts`, list them on the archive and category pages too (the preview); feeds never list drafts. */
  listDrafts?: boolean | undefined;
}

/** What a build writes. Pure: chosen from the publication alone. */
export interface SitePlan {
  /** Published issues only (with drafts when `listDrafts`): the archive pages, category pages and feeds are rendered from it. */
  site: ComposedSite<IssueOutline>;
  /** Issues whose own pages are written (outlines, in a build, of the issues it did not read). */
  issues: Array<PlannedIssue<IssueOutline>>;
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
 * Choose the pages of a build. Each issue is linked as findIssue links it: published issues without
 * the drafts, a draft among the drafts. With `issue`, only that issue is written (a draft too, since it
 * was asked for by number) and, when published, its neighbours, whose previous/next links may now point
 * to it; the archive, category pages and feeds are always rewritten, as they list it.
 */
export function planComposed(composed: ComposedIssues<IssueOutline>, options: PlanOptions = {}): SitePlan {
  const site = assembleSite(composed);
  const published = site.issues.map((issue) => ({ issue, site }));
  const wanted = options.issue;
  if (wanted === undefined) {
    const withDrafts = options.drafts ? assembleSite(composed, { drafts: true }) : site;
    const drafts = withDrafts.issues.filter((issue) => issue.status === 'draft').map((issue) => ({ issue, site: withDrafts }));
    const draftsLeftOut = options.drafts ? 0 : composed.issues.filter((issue) => issue.status === 'draft').length;
    return { site: options.listDrafts ? withDrafts : site, issues: sortNewestFirst([...published, ...drafts]), keepPrevious: false, draftsLeftOut };
  }
  const target = findIssue(composed, wanted, site);
  const neighbours = target.issue.status === 'published' ? [target.issue.previous?.number, target.issue.next?.number] : [];
  const chosen = published.filter(({ issue }) => neighbours.includes(issue.number));
  return { site, issues: sortNewestFirst([target, ...chosen]), keepPrevious: true, draftsLeftOut: 0 };
}

function sortNewestFirst(issues: Array<PlannedIssue<IssueOutline>>): Array<PlannedIssue<IssueOutline>> {
  return issues.sort((a, b) => b.issue.number - a.issue.number);
}
