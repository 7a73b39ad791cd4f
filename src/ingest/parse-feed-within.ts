import { Worker } from 'node:worker_threads';
import { DEFAULT_DEADLINE_MS } from './fetch-feed.js';
import { FeedError } from './feed-error.js';
import type { ParseMessage } from './parse-feed-worker.js';
import type { ParsedFeed } from './types.js';

/**
 * The worker's script, beside this module both where tsc writes it (lib/ingest/) and where
 * scripts/bundle-cli.js does (lib/bundle/, an entry point of its own).
 */
const WORKER_SCRIPT = new URL('./parse-feed-worker.js', import.meta.url);

/**
 * Heap for one feed's parse. Four feeds are parsed at once, and ingest of hostile feeds is to stay within
 * ~400 MB: 64 MB reads a 15 MiB feed of long stories (the most fetchFeed accepts) or ~35,000 short entries;
 * a feed that needs more fails with a message saying so.
 */
const MEMORY_MB = 64;

/**
 * parseFeed in a worker thread that is stopped when `deadlineMs` passes or its memory runs out: parsing is
 * synchronous CPU work, which no timer in this thread could interrupt, so one hostile feed cannot stall the
 * others. The deadline runs from when the worker has loaded the parser and begins: loading takes the same
 * time for every feed, and more on a busy machine. Rejects with FeedError when the feed cannot be read,
 * took too long or needed too much memory.
 */
export function parseFeedWithin(text: string, feedUrl: string, deadlineMs = DEFAULT_DEADLINE_MS): Promise<ParsedFeed> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT, { workerData: { text, feedUrl }, resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB } });
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const tooLong = () => settle(() => reject(new FeedError(`parsing the feed took longer than ${deadlineMs / 1000} s`)));
    worker.on('message', (message: ParseMessage) => {
      if ('started' in message) timer = setTimeout(tooLong, deadlineMs);
      else if ('feed' in message) settle(() => resolve(message.feed));
      else settle(() => reject(message.feedError ? new FeedError(message.error) : new Error(message.error)));
    });
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new FeedError(`parsing the feed needed more than ${MEMORY_MB} MB of memory`) : error)),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`the feed parser stopped (exit code ${code}) before it answered`))));
  });
}
