import { addDays, today } from '../core/dates.js';
import { MonitorError } from '../core/errors.js';
import type { Issue } from './types.js';

/** What `monitor new` will create. */
export interface NewIssuePlan {
  number: number;
  date: string;
  authors: string[];
}

export interface NewIssueRequest {
  number?: number | undefined;
  date?: string | undefined;
  authors?: string[] | undefined;
  /** Today's date, `YYYY-MM-DD` (a parameter so tests can fix it). */
  today?: string | undefined;
}

/** Days between issues when the archive does not show a cadence yet. */
const DEFAULT_CADENCE_DAYS = 7;

/**
 * Decide the next issue's number, date and authors: the last number + 1, the last date plus the
 * publication's cadence (the gap between its last two issues, else a week), the last issue's authors.
 * `folderNumbers` counts every issue folder, even one whose issue.md is broken, so no number is reused.
 */
export function planNewIssue(issues: Issue[], folderNumbers: number[], request: NewIssueRequest = {}): NewIssuePlan {
  const last = issues[issues.length - 1];
  const highest = Math.max(0, ...folderNumbers, ...issues.map((issue) => issue.number));
  const number = request.number ?? highest + 1;
  if (folderNumbers.includes(number) || issues.some((issue) => issue.number === number)) {
    throw new MonitorError(`issue ${number} already exists (issues/${number}); choose another --number or edit that issue`);
  }
  const date = request.date ?? (last ? addDays(last.date, cadenceDays(issues)) : (request.today ?? today()));
  const previous = [...issues].reverse().find((issue) => issue.number < number);
  if (previous && date < previous.date) {
    throw new MonitorError(`date ${date} is before ${previous.date}, the date of issue ${previous.number}; issue dates do not go backwards`);
  }
  const authors = request.authors?.length ? request.authors : (last?.authors ?? []);
  if (authors.length === 0) throw new MonitorError('no author to put on the issue; pass --author "Name" (repeat for several)');
  return { number, date, authors };
}

function cadenceDays(issues: Issue[]): number {
  const [before, last] = issues.slice(-2);
  if (!before || !last) return DEFAULT_CADENCE_DAYS;
  const days = Math.round((Date.parse(last.date) - Date.parse(before.date)) / 86_400_000);
  return days >= 1 && days <= 31 ? days : DEFAULT_CADENCE_DAYS;
}
