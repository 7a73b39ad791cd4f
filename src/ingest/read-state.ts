import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import { emptyState, STATE_FILE, type IngestState } from './state.js';

/** Read feeds/.state.json; a missing file is an empty state, an unreadable one a clear error. */
export async function readState(root: string): Promise<{ state: IngestState; text: string | undefined }> {
  let text: string;
  try {
    text = await readFile(path.join(root, STATE_FILE), 'utf8');
  } catch (caught) {
    if ((caught as NodeJS.ErrnoException).code === 'ENOENT') return { state: emptyState(), text: undefined };
    throw new MonitorError(`${STATE_FILE}: cannot read it: ${(caught as Error).message}`);
  }
  try {
    const data = JSON.parse(text) as IngestState;
    if (data?.version !== 1 || typeof data.feeds !== 'object' || data.feeds === null) throw new Error('expected { "version": 1, "feeds": {...} }');
    for (const feed of Object.values(data.feeds)) if (!Array.isArray(feed.seen)) feed.seen = [];
    return { state: data, text };
  } catch (caught) {
    throw new MonitorError(
      `${STATE_FILE}: not a state file monitor can read (${(caught as Error).message}). Fix it, or delete it: the next run then treats every feed as new and drafts its last 7 days again, except stories already cited or drafted.`,
    );
  }
}
