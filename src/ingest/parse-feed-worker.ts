/**
 * The worker thread that parseFeedWithin starts: it parses the one feed it is given and posts back the
 * feed or the reason it cannot be read. Imported anywhere else (the main thread), it does nothing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FeedError } from './feed-error.js';
import { parseFeed } from './parse-feed.js';
import type { ParsedFeed } from './types.js';

/** What the worker posts: that it has loaded and begins, then the feed or why it cannot be read. */
export type ParseMessage = { started: true } | { feed: ParsedFeed } | { error: string; feedError: boolean };

if (parentPort) {
  const { text, feedUrl } = workerData as { text: string; feedUrl: string };
  parentPort.postMessage({ started: true } satisfies ParseMessage);
  const answer: ParseMessage = await parseFeed(text, feedUrl).then(
    (feed) => ({ feed }),
    (caught: unknown) => ({ error: (caught as Error)?.message ?? String(caught), feedError: caught instanceof FeedError }),
  );
  parentPort.postMessage(answer);
}
