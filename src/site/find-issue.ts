import { assembleSite, type ComposedIssues } from '../compose/index.js';
import type { ComposedIssue, ComposedSite, IssueOutline } from '../compose/types.js';
import { MonitorError } from '../core/errors.js';

/** An issue as its own files show it, with the site its page links into. */
export interface PlannedIssue<Issue extends IssueOutline = ComposedIssue> {
  issue: Issue;
  site: ComposedSite<Issue>;
}

/**
 * Issue `number` as every command shows it (build, render, send, export): a published issue is linked
 * among the published ones only, so its previous/next links are the same in every build and never lead
 * to a draft; a draft is linked among all issues, drafts included, as a preview of where it will stand.
 * `published` is the site of the published issues when the caller has it already. Throws a
 * MonitorError naming the issues there are when there is no such issue.
 */
export function findIssue<Issue extends IssueOutline>(composed: ComposedIssues<Issue>, number: number, published?: ComposedSite<Issue>): PlannedIssue<Issue> {
  const found = composed.issues.find((issue) => issue.number === number);
  if (!found) throw new MonitorError(noSuchIssue(number, composed.issues.map((issue) => issue.number)));
  const site = found.status === 'published' ? (published ?? assembleSite(composed)) : assembleSite(composed, { drafts: true });
  return { issue: site.issues.find((issue) => issue.number === number)!, site };
}

function noSuchIssue(number: number, known: number[]): string {
  const list = known.length === 0 ? 'the publication has no issues yet' : `the issues are ${shortList(known)}`;
  return `there is no issue ${number} (no folder issues/${number}/); ${list}`;
}

function shortList(numbers: number[]): string {
  if (numbers.length <= 6) return numbers.join(', ');
  return `${numbers.slice(0, 3).join(', ')}, ..., ${numbers.slice(-3).join(', ')}`;
}
