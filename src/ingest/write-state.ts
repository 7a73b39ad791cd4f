import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialiseState, STATE_FILE, type IngestState } from './state.js';
import { MonitorError } from '../core/errors.js';
import { TEMPORARY_FOLDER } from '../core/write-new-file.js';

/**
 * Write feeds/.state.json atomically (a temporary file in .monitor/tmp renamed over it), and only when it
 * changed, so a run that found nothing new writes nothing. Returns whether it wrote.
 */
export async function writeState(root: string, state: IngestState, previousText: string | undefined): Promise<boolean> {
  const text = serialiseState(state);
  if (text === previousText) return false;
  const target = path.join(root, STATE_FILE);
  const temporary = path.join(root, TEMPORARY_FOLDER, `${process.pid}-state-${randomBytes(6).toString('hex')}.tmp`);
  await mkdir(path.dirname(target), { recursive: true });
  await mkdir(path.dirname(temporary), { recursive: true });
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, target);
  } catch (caught) {
    await rm(temporary, { force: true });
    const reason = (caught as NodeJS.ErrnoException).code ?? (caught as Error).message;
    throw new MonitorError(`cannot save ${STATE_FILE} (${reason}); the candidates listed were written, and the next run will not draft them again. Check the disk and folder permissions, then run monitor ingest again`, { cause: caught });
  }
  return true;
}

/** Saves the state when asked (ingest asks once its candidates are written), one save at a time, only when it changed. */
export interface StateSaver {
  /** Write the state now if it changed since the last save (queued behind a save in progress). */
  save(): Promise<void>;
  /** Whether any save wrote the file. */
  written(): boolean;
}

export function stateSaver(root: string, state: IngestState, text: string | undefined): StateSaver {
  let last = text;
  let wrote = false;
  let queue = Promise.resolve();
  return {
    save() {
      queue = queue.then(async () => {
        if (await writeState(root, state, last)) wrote = true;
        last = serialiseState(state);
      });
      return queue;
    },
    written: () => wrote,
  };
}
