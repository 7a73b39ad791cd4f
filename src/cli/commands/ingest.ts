import { ingestFeeds } from '../../ingest/ingest-feeds.js';
import { progressLine, summaryTable } from '../../ingest/format-summary.js';
import type { CommandIO } from '../io.js';

interface IngestCommandOptions {
  since?: string;
  dryRun?: boolean;
  source?: string;
  json?: boolean;
  maxPerFeed?: number;
  window?: number;
}

/** `monitor ingest`: exit 0 when the run completed (even with failed feeds), 1 when no feed could be read. */
export async function run(_args: unknown[], options: IngestCommandOptions, io: CommandIO): Promise<number> {
  const summary = await ingestFeeds(io.root, {
    since: options.since,
    dryRun: Boolean(options.dryRun),
    sourceName: options.source,
    maxPerFeed: options.maxPerFeed,
    windowDays: options.window,
    onFeedDone: (report, done, total) => io.err(`${progressLine(report, done, total)}\n`),
  });
  if (options.json) {
    io.out(`${JSON.stringify({ dryRun: Boolean(options.dryRun), ...summary }, null, 2)}\n`);
  } else {
    io.out(`${summaryTable(summary, Boolean(options.dryRun))}\n`);
  }
  const read = summary.feeds.filter((report) => report.status !== 'failed').length;
  if (read === 0) io.err('monitor: no feed could be read; see the errors above\n');
  return read === 0 ? 1 : 0;
}
