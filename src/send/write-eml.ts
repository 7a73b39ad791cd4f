import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import { buildRawMessage } from './build-message.js';
import type { OutgoingMessage } from './types.js';

/** Write the message as an .eml file (RFC 5322, CRLF line ends as built), replacing it atomically. */
export async function writeEml(file: string, message: OutgoingMessage): Promise<void> {
  const raw = await buildRawMessage(message);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, raw);
    await rename(temporary, file);
  } catch (caught) {
    throw new MonitorError(`cannot write ${file}: ${(caught as Error).message}`);
  }
}
