import type { Source } from '../config/schema.js';
import { addDays, today } from '../core/dates.js';
import { ContentError, MonitorError } from '../core/errors.js';
import { readPublication, type Publication } from '../content/index.js';
import { hasErrors } from '../core/problems.js';
import { decodeFeed } from './decode-feed.js';
import { draftCandidate } from './draft-candidate.js';
import { fetchFeed } from './fetch-feed.js';
import { mapLimited } from './map-limited.js';
import { parseFeedWithin } from './parse-feed-within.js';
import { printable } from './printable.js';
import { readKnownStoryUrls } from './read-known-stories.js';
import { readState } from './read-state.js';
import { selectEntries } from './select-entries.js';
import { updatedFeedState, type IngestState } from './state.js';
import { writeCandidate } from './write-candidate.js';
import { removeStaleTemporaries } from '../core/write-new-file.js';
import { stateSaver } from './write-state.js';

/** How a run of `monitor ingest` behaves. */
export interface IngestOptions {
  /** Only entries on or after this day, `YYYY-MM-DD`; default: the last 7 days for a feed never read. */
  since?: string | undefined;
  /** Fetch and report, but write nothing. */
  dryRun?: boolean;
  /** Only this publication's feed (name as in feeds/sources.yaml, any case). */
  sourceName?: string | undefined;
  now?: Date;
  /** Per-feed deadline; default 20 s. */
  deadlineMs?: number;
  /** Candidates drafted per feed in one run, at most; default 200. The rest are skipped, and remembered as seen. */
  maxPerFeed?: number;
  /** Feeds fetched at once; default 4. */
  concurrency?: number;
  /** Called as each feed is done. */
  onFeedDone?: (report: FeedReport, done: number, total: number) => void;
}

/** The outcome for one feed. */
export interface FeedReport {
  source: string;
  feed: string;
  status: 'ok' | 'not modified' | 'failed';
  /** Candidates drafted (or, in a dry run, that would be). */
  new: number;
  /** Entries not drafted: seen before, already cited or drafted, older than `since`, or over the limit. */
  skipped: number;
  /** Of the skipped, the new entries left undrafted because the feed had more than `maxPerFeed`. */
  overLimit: number;
  /** Why the feed failed, when it did. */
  error: string | undefined;
  /** Flaws of the feed that were repaired or worked around. */
  flaws: string[];
  /** Candidate files written, relative to the root. */
  candidates: string[];
}

export interface IngestSummary {
  feeds: FeedReport[];
  /** Whether feeds/.state.json was written (it is saved as each feed is done). */
  stateWritten: boolean;
}

/** Set to 1, every feed may be fetched from a private or local address (tests, local set-ups). */
export const ALLOW_PRIVATE_VARIABLE = 'MONITOR_ALLOW_PRIVATE_FEEDS';

export const DEFAULT_MAX_PER_FEED = 200;

/** First run on a feed takes this many days back. */
const FIRST_RUN_DAYS = 7;

/** Fetch every watched feed, draft candidates for new stories and remember what was seen. */
export async function ingestFeeds(root: string, options: IngestOptions = {}): Promise<IngestSummary> {
  const publication = await readUsablePublication(root);
  const sources = watchedSources(publication.sources, options.sourceName);
  const { state, text } = await readState(publication.root);
  const saver = stateSaver(publication.root, state, text);
  if (!options.dryRun) await removeStaleTemporaries(publication.root);
  const knownUrls = await readKnownStoryUrls(publication);
  const now = options.now ?? new Date();
  let done = 0;
  const reports = await mapLimited(sources, options.concurrency ?? 4, async (source) => {
    const report = printableReport(await ingestFeed(source, { publication, state, knownUrls, now, options }).catch(
      (caught: unknown): FeedReport => failedReport(source, `unexpected failure: ${(caught as Error)?.message ?? String(caught)}`),
    ));
    if (!options.dryRun) await saver.save();
    options.onFeedDone?.(report, ++done, sources.length);
    return report;
  });
  return { feeds: reports, stateWritten: saver.written() };
}

interface FeedContext {
  publication: Publication;
  state: IngestState;
  knownUrls: Set<string>;
  now: Date;
  options: IngestOptions;
}

async function ingestFeed(source: Source, context: FeedContext): Promise<FeedReport> {
  const url = source.feed!;
  const previous = context.state.feeds[url];
  const fetched = await fetchFeed(url, {
    userAgent: `monitor/0.1 (+${context.publication.config.baseUrl})`,
    etag: previous?.etag, lastModified: previous?.lastModified,
    allowPrivate: source.allowPrivate === true || process.env[ALLOW_PRIVATE_VARIABLE] === '1',
    ...(context.options.deadlineMs ? { deadlineMs: context.options.deadlineMs } : {}),
  });
  if (fetched.status === 'failed') return failedReport(source, fetched.error);
  if (fetched.status === 'not-modified') return { ...failedReport(source, undefined), status: 'not modified' };
  const decoded = decodeFeed(fetched.bytes, fetched.contentType);
  const parsed = await parseFeedWithin(decoded.text, fetched.url, context.options.deadlineMs).catch((caught: Error) => caught);
  if (parsed instanceof Error) return failedReport(source, parsed.message);
  const since = context.options.since ?? (previous ? undefined : addDays(today(context.now), -FIRST_RUN_DAYS));
  const selection = selectEntries(parsed.entries, new Set(previous?.seen ?? []), context.knownUrls, since);
  const drafts = selection.fresh.slice(0, context.options.maxPerFeed ?? DEFAULT_MAX_PER_FEED);
  const overLimit = selection.fresh.length - drafts.length;
  const candidates: string[] = [];
  for (const entry of drafts) {
    const candidate = draftCandidate(entry, { source, config: context.publication.config, feedTitle: parsed.title, now: context.now });
    if (!context.options.dryRun) candidates.push(await writeCandidate(context.publication.root, candidate));
  }
  context.state.feeds[url] = updatedFeedState(previous, selection.keys, fetched);
  return {
    source: source.name, feed: url, status: 'ok', new: drafts.length, skipped: selection.skipped + overLimit, overLimit,
    error: undefined, flaws: [...decoded.flaws, ...parsed.flaws], candidates,
  };
}

/** Errors and flaws quote servers and feeds: no control character of theirs reaches the terminal or the JSON. */
function printableReport(report: FeedReport): FeedReport {
  return { ...report, error: report.error === undefined ? undefined : printable(report.error), flaws: report.flaws.map(printable) };
}

function failedReport(source: Source, error: string | undefined): FeedReport {
  return { source: source.name, feed: source.feed ?? '', status: 'failed', new: 0, skipped: 0, overLimit: 0, error, flaws: [], candidates: [] };
}

async function readUsablePublication(root: string): Promise<Publication> {
  const { publication, problems } = await readPublication(root);
  const settingsProblems = problems.filter((problem) => problem.file === 'monitor.config.yaml' || problem.file === 'feeds/sources.yaml');
  if (!publication || hasErrors(settingsProblems)) throw new ContentError(settingsProblems.length > 0 ? settingsProblems : problems);
  return publication;
}

function watchedSources(sources: Source[], name: string | undefined): Source[] {
  const watched = sources.filter((source) => source.feed);
  if (watched.length === 0) {
    throw new MonitorError('feeds/sources.yaml lists no feed to watch; give a publication a feed, such as:\n- name: The Moscow Times\n  feed: https://www.themoscowtimes.com/rss/news');
  }
  if (name === undefined) return watched;
  const chosen = watched.filter((source) => source.name.toLowerCase() === name.toLowerCase());
  if (chosen.length === 0) {
    throw new MonitorError(`no publication named "${name}" with a feed in feeds/sources.yaml; publications with feeds: ${watched.map((source) => source.name).join('; ')}`);
  }
  return chosen;
}
