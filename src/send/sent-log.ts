import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';

/** Where a publication remembers what it sent; local state, not content (keep `.monitor/` out of git). */
export const SENT_LOG_FILE = '.monitor/sent-log.json';

/** One message that went out. */
export interface SentEntry {
  /** Issue number. */
  issue: number;
  /** Digest of the recipient list (see recipientsHash); the addresses themselves are not stored. */
  recipients: string;
  /** How many addresses the list had. */
  count: number;
  /** When it was sent, ISO 8601. */
  date: string;
  /** A proof (`--test`); proofs never block a later send. */
  test: boolean;
  messageId: string;
}

export interface SentLog {
  version: 1;
  sends: SentEntry[];
}

/** The same list in any order or case gives the same digest. */
export function recipientsHash(addresses: string[]): string {
  const list = [...new Set(addresses.map((address) => address.trim().toLowerCase()))].sort();
  return createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 16);
}

/** The earlier real (non-test) send of this issue to this list, if any. */
export function findEarlierSend(log: SentLog, issue: number, addresses: string[]): SentEntry | undefined {
  const hash = recipientsHash(addresses);
  return log.sends.find((entry) => entry.issue === issue && entry.recipients === hash && !entry.test);
}

/** Read the publication's sent-log; an absent file is an empty log. */
export async function readSentLog(root: string): Promise<SentLog> {
  let text: string;
  try {
    text = await readFile(path.join(root, SENT_LOG_FILE), 'utf8');
  } catch (caught) {
    if ((caught as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, sends: [] };
    throw new MonitorError(`${SENT_LOG_FILE}: cannot read the sent-log: ${(caught as Error).message}`);
  }
  try {
    const parsed = JSON.parse(text) as Partial<SentLog>;
    if (!Array.isArray(parsed.sends)) throw new Error('no "sends" list');
    return { version: 1, sends: parsed.sends };
  } catch (caught) {
    throw new MonitorError(
      `${SENT_LOG_FILE}: the sent-log is damaged (${(caught as Error).message}). Repair it, or move it away to start a new log (earlier sends are then forgotten).`,
    );
  }
}

/** Add an entry and write the log atomically: a crash leaves the old log or the new one, never half. */
export async function appendSentLog(root: string, entry: SentEntry): Promise<void> {
  const log = await readSentLog(root);
  const file = path.join(root, SENT_LOG_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(temporary, `${JSON.stringify({ version: 1, sends: [...log.sends, entry] }, null, 2)}\n`);
  await rename(temporary, file);
}
