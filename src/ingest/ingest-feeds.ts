import type { Source } from '../config/schema.js';
import { ContentError, MonitorError } from '../core/errors.js';
import { readPublication, type Publication } from '../content/index.js';
import { hasErrors } from '../core/problems.js';
import { mapLimited } from './map-limited.js';
import type { OutletEntry } from './outlet-entry.js';
import { planStories } from './plan-stories.js';
import { printable } from '../core/printable.js';
import { readFeedEntries, type FeedRead } from './read-feed-entries.js';
import { readKnownStories } from './read-known-stories.js';
import { readState } from './read-state.js';
import type { SkippedEntry } from './select-entries.js';
import { updatedFeedState } from './state.js';
import { rankStories, writeStories, type StoryOutcome, type StoryReport } from './write-stories.js';
import { removeStaleTemporaries } from '../core/write-new-file.js';
import { stateSaver } from './write-state.js';
import { writeCandidateRanks } from './write-candidate-ranks.js';

/** How a run of `monitor ingest` behaves. */
export interface IngestOptions {
  /** Only entries on or after this day, `YYYY-MM-DD`, and entries seen before are read again; default: the last 7 days for a feed never read. */
  since?: string | undefined;
  /** Reports of one event at most this many days apart are one story; default 7. */
  windowDays?: number | undefined;
  /** Fetch and report, but write nothing. */
  dryRun?: boolean;
  /** Only this publication's feed (name as in feeds/sources.yaml, any case). */
  sourceName?: string | undefined;
  now?: Date;
  /** Per-feed deadline; default 20 s. */
  deadlineMs?: number;
  /** New entries taken per feed in one run, at most; default 200. The rest are skipped, and remembered as seen. */
  maxPerFeed?: number | undefined;
  /** Feeds fetched at once; default 4. */
  concurrency?: number;
  /** Called as each feed is read, before the stories are grouped and drafted. */
  onFeedDone?: (report: FeedReport, done: number, total: number) => void;
}

/** The outcome for one feed. */
export interface FeedReport {
  source: string;
  feed: string;
  status: 'ok' | 'not modified' | 'failed';
  /** Entries drafted into a new candidate or added to one (in a dry run: that would be). */
  new: number;
  /** Entries not drafted. */
  skipped: number;
  /** Of the skipped, the new entries left undrafted because the feed had more than `maxPerFeed`. */
  overLimit: number;
  /** Each entry not drafted, and why. */
  skippedEntries: SkippedEntry[];
  /** Entries before this day were left out (`--since`, or the first read's 7 days). */
  since: string | undefined;
  /** Why the feed failed, when it did. */
  error: string | undefined;
  /** Flaws of the feed that were repaired or worked around. */
  flaws: string[];
  /** Candidate files written or grown, relative to the root. */
  candidates: string[];
}

export interface IngestSummary {
  feeds: FeedReport[];
  /** The stories found, most reported first, then newest. */
  stories: StoryReport[];
  /** Whether feeds/.state.json was written. */
  stateWritten: boolean;
}

/** Set to 1, every feed may be fetched from a private or local address (tests, local set-ups). */
export const ALLOW_PRIVATE_VARIABLE = 'MONITOR_ALLOW_PRIVATE_FEEDS';

export const DEFAULT_MAX_PER_FEED = 200;
export const DEFAULT_WINDOW_DAYS = 7;

/**
 * Fetch every watched feed, group the new entries into stories (with each other and with the stories
 * already drafted or cited), draft or grow candidates, number the candidates by rank (most outlets first)
 * when it did, and remember what was seen. The state is saved once the candidates are written, so a run stopped before
 * that drafts the same stories next time.
 */
export async function ingestFeeds(root: string, options: IngestOptions = {}): Promise<IngestSummary> {
  const publication = await readUsablePublication(root);
  const sources = watchedSources(publication.sources, options.sourceName);
  const { state, text } = await readState(publication.root);
  const saver = stateSaver(publication.root, state, text);
  if (!options.dryRun) await removeStaleTemporaries(publication.root);
  const known = await readKnownStories(publication);
  const now = options.now ?? new Date();
  let done = 0;
  const reads = await mapLimited(sources, options.concurrency ?? 4, async (source) => {
    const read = await readFeedEntries(source, {
      previous: state.feeds[source.feed!], known, now, since: options.since, deadlineMs: options.deadlineMs,
      userAgent: `monitor/0.1 (+${publication.config.baseUrl})`, maxPerFeed: options.maxPerFeed ?? DEFAULT_MAX_PER_FEED,
      allowPrivate: source.allowPrivate === true || process.env[ALLOW_PRIVATE_VARIABLE] === '1',
    }).catch((caught: unknown): FeedRead => ({ status: 'failed', error: `unexpected failure: ${(caught as Error)?.message ?? String(caught)}` }));
    options.onFeedDone?.(feedReport(source, read, []), ++done, sources.length);
    return read;
  });
  const fresh = reads.flatMap((read) => (read.status === 'ok' ? read.fresh : []));
  const plans = planStories(fresh, known.stories, options.windowDays ?? DEFAULT_WINDOW_DAYS);
  const written = await writeStories(plans, { root: publication.root, config: publication.config, now, dryRun: Boolean(options.dryRun) });
  // Numbered only when the folder changed: a run that drafts nothing renames nothing.
  const changed = !options.dryRun && written.some(({ story }) => story.action !== 'also reported');
  const outcomes = changed ? renamedIn(written, await writeCandidateRanks(publication.root)) : written;
  reads.forEach((read, index) => {
    if (read.status === 'ok') state.feeds[sources[index]!.feed!] = updatedFeedState(state.feeds[sources[index]!.feed!], read.keys, read);
  });
  if (!options.dryRun) await saver.save();
  const feeds = reads.map((read, index) => feedReport(sources[index]!, read, outcomes));
  return { feeds, stories: rankStories(outcomes.map((outcome) => outcome.story)), stateWritten: saver.written() };
}

/** The outcomes with the names the candidates have once numbered by rank. */
function renamedIn(outcomes: StoryOutcome[], renamed: Map<string, string>): StoryOutcome[] {
  return outcomes.map((outcome) => {
    const file = outcome.story.file && renamed.get(outcome.story.file);
    return file ? { ...outcome, story: { ...outcome.story, file } } : outcome;
  });
}

/** A feed's outcome; its entries that went into a story already in an issue count as skipped, already cited. */
function feedReport(source: Source, read: FeedRead, outcomes: StoryOutcome[]): FeedReport {
  const base = { source: source.name, feed: source.feed ?? '', new: 0, skipped: 0, overLimit: 0, skippedEntries: [], since: undefined, error: undefined, flaws: [], candidates: [] };
  if (read.status === 'failed') return { ...base, status: 'failed', error: printable(read.error) };
  if (read.status === 'not modified') return { ...base, status: 'not modified' };
  const mine = (report: OutletEntry) => report.source === source;
  const inIssue = outcomes.filter(({ story }) => story.action === 'also reported').flatMap(({ reports }) => reports.filter(mine));
  const skippedEntries = [...read.skipped, ...inIssue.map((report) => ({ title: report.entry.title, url: report.entry.link, reason: 'cited' as const }))];
  const candidates = outcomes.filter(({ story, reports }) => story.action !== 'also reported' && story.file && reports.some(mine)).map(({ story }) => story.file!);
  return {
    ...base, status: 'ok', new: read.fresh.length - inIssue.length, skipped: skippedEntries.length,
    overLimit: read.skipped.filter((entry) => entry.reason === 'overLimit').length, skippedEntries, since: read.since,
    flaws: read.flaws.map(printable), candidates,
  };
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
