import type { FeedReport, IngestSummary } from './ingest-feeds.js';
import type { SkipReason } from './select-entries.js';
import type { StoryReport } from './write-stories.js';

/** One progress line for a feed that has been read; its entries are grouped into stories after every feed. */
export function progressLine(report: FeedReport, done: number, total: number): string {
  const reasons = skipReasons(report.skippedEntries.map((entry) => entry.reason), report.since);
  const counts = report.status === 'failed'
    ? `failed: ${report.error}`
    : `${report.status}, ${report.new} new, ${report.skipped} skipped${reasons ? ` (${reasons})` : ''}`;
  const flaws = report.flaws.length > 0 ? ` (${report.flaws.length} flaw${report.flaws.length === 1 ? '' : 's'} worked around)` : '';
  return `[${done}/${total}] ${report.source}: ${counts}${flaws}`;
}

/** The end-of-run table (feed, status, new, skipped, errors), the stories by outlets then date, and a verdict. */
export function summaryTable(summary: IngestSummary, dryRun: boolean): string {
  const rows = summary.feeds.map((report) => [report.source, report.status, String(report.new), String(report.skipped), problemsOf(report)]);
  const header = ['FEED', 'STATUS', 'NEW', 'SKIPPED', 'ERRORS'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  const failed = summary.feeds.filter((report) => report.status === 'failed').length;
  const overLimit = summary.feeds.reduce((sum, report) => sum + report.overLimit, 0);
  const limitNote = overLimit > 0
    ? `\n${overLimit} new entr${overLimit === 1 ? 'y was' : 'ies were'} skipped over the per-feed limit${dryRun ? '' : ' and remembered as seen'}; use --max-per-feed to draft more in one run`
    : '';
  const stories = summary.stories.length > 0 ? ['', 'STORIES (most outlets first, then newest)', ...summary.stories.map((story) => storyLines(story, dryRun)), ''] : [''];
  return [line(header), ...rows.map(line), ...stories, `${verdict(summary.stories, dryRun)}; ${failed} of ${summary.feeds.length} feed${summary.feeds.length === 1 ? '' : 's'} failed${limitNote}`].join('\n');
}

function storyLines(story: StoryReport, dryRun: boolean): string {
  const head = `${String(story.outlets.length).padStart(3)} outlet${story.outlets.length === 1 ? ' ' : 's'}  ${story.date ?? 'undated   '}  ${story.headline}`;
  const indent = ' '.repeat(24);
  if (story.action === 'also reported') {
    return `${head}\n${indent}also reported by ${story.found.join('; ')}: already in issue ${story.issue} (${story.file}); skipped`;
  }
  if (story.action === 'added') {
    return `${head}\n${indent}${dryRun ? 'would add' : 'added'} ${story.found.join('; ')} to the sources of ${story.file} (nothing else changed)`;
  }
  return `${head}\n${indent}${story.outlets.join('; ')}${story.file ? ` -> ${story.file}` : ''}`;
}

function verdict(stories: StoryReport[], dryRun: boolean): string {
  const count = (action: StoryReport['action']) => stories.filter((story) => story.action === action).length;
  const drafted = count('drafted');
  const added = count('added');
  const cited = count('also reported');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    dryRun ? `dry run: ${plural(drafted, 'candidate')} would be drafted` : `${plural(drafted, 'candidate')} drafted in issues/candidates/`,
    ...(added > 0 ? [`${plural(added, 'candidate')} ${dryRun ? 'would get' : 'got'} new outlets`] : []),
    ...(cited > 0 ? [`${plural(cited, 'story')} already in an issue`.replace('storys', 'stories')] : []),
  ];
  return `${parts.join('; ')}${dryRun ? '; nothing written' : ''}`;
}

function problemsOf(report: FeedReport): string {
  return [report.error, report.overLimit > 0 ? overLimitNote(report.overLimit) : undefined, ...report.flaws].filter(Boolean).join('; ') || '-';
}

/** Why entries were skipped, counted, in the editor's words. */
export function skipReasons(reasons: SkipReason[], since: string | undefined): string {
  const counts = new Map<SkipReason, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const words: Record<SkipReason, (n: number) => string> = {
    seen: (n) => `${n} already seen (--since reads them again)`,
    cited: (n) => `${n} already in an issue`,
    drafted: (n) => `${n} already drafted`,
    old: (n) => `${n} older than ${since ?? 'the window'}`,
    repeated: (n) => `${n} repeated in the feed`,
    overLimit: overLimitNote,
  };
  const order: SkipReason[] = ['overLimit', 'seen', 'drafted', 'cited', 'old', 'repeated'];
  return order.filter((reason) => counts.has(reason)).map((reason) => words[reason](counts.get(reason)!)).join(', ');
}

function overLimitNote(count: number): string {
  return `${count} not drafted: more new entries than --max-per-feed allows`;
}
