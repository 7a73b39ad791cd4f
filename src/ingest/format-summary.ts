import type { FeedReport, IngestSummary } from './ingest-feeds.js';

/** One progress line for a feed that is done. */
export function progressLine(report: FeedReport, done: number, total: number): string {
  const overLimit = report.overLimit > 0 ? ` (${overLimitNote(report)})` : '';
  const counts = report.status === 'failed' ? `failed: ${report.error}` : `${report.status}, ${report.new} new, ${report.skipped} skipped${overLimit}`;
  const flaws = report.flaws.length > 0 ? ` (${report.flaws.length} flaw${report.flaws.length === 1 ? '' : 's'} worked around)` : '';
  return `[${done}/${total}] ${report.source}: ${counts}${flaws}`;
}

/** The end-of-run table: feed, status, new, skipped, errors. */
export function summaryTable(summary: IngestSummary, dryRun: boolean): string {
  const rows = summary.feeds.map((report) => [report.source, report.status, String(report.new), String(report.skipped), problemsOf(report)]);
  const header = ['FEED', 'STATUS', 'NEW', 'SKIPPED', 'ERRORS'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  const drafted = summary.feeds.reduce((sum, report) => sum + report.new, 0);
  const failed = summary.feeds.filter((report) => report.status === 'failed').length;
  const overLimit = summary.feeds.reduce((sum, report) => sum + report.overLimit, 0);
  const limitNote = overLimit > 0
    ? `\n${overLimit} new entr${overLimit === 1 ? 'y was' : 'ies were'} skipped over the per-feed limit${dryRun ? '' : ' and remembered as seen'}; use --max-per-feed to draft more in one run`
    : '';
  const verdict = dryRun
    ? `dry run: ${drafted} candidate${drafted === 1 ? '' : 's'} would be drafted; nothing written`
    : `${drafted} candidate${drafted === 1 ? '' : 's'} drafted in issues/candidates/`;
  return [line(header), ...rows.map(line), '', `${verdict}; ${failed} of ${summary.feeds.length} feed${summary.feeds.length === 1 ? '' : 's'} failed${limitNote}`].join('\n');
}

function problemsOf(report: FeedReport): string {
  return [report.error, report.overLimit > 0 ? overLimitNote(report) : undefined, ...report.flaws].filter(Boolean).join('; ') || '-';
}

function overLimitNote(report: FeedReport): string {
  return `${report.overLimit} not drafted: more new entries than --max-per-feed allows`;
}
