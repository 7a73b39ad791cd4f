import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialiseState, STATE_FILE, type IngestState } from './state.js';

/**
 * Write feeds/.state.json atomically (a temporary file renamed over it), and only when it changed, so a
 * run that found nothing new writes nothing. Returns whether it wrote.
 */
export async function writeState(root: string, state: IngestState, previousText: string | undefined): Promise<boolean> {
  const text = serialiseState(state);
  if (text === previousText) return false;
  const target = path.join(root, STATE_FILE);
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, target);
  } catch (caught) {
    await rm(temporary, { force: true });
    throw caught;
  }
  return true;
}
