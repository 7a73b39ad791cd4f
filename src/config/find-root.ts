import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { MonitorError } from '../core/errors.js';
import { CONFIG_FILE } from './file-names.js';

/**
 * The publication folder a command works on. Given `--root`, that folder, which must exist. Without it,
 * the nearest folder at or above `start` that holds monitor.config.yaml (as git finds its repository), so
 * a command typed inside issues/2360/ works; when there is none, `start` itself, where the command will
 * say that no publication was found.
 */
export function findPublicationRoot(start: string, given: string | undefined): string {
  if (given !== undefined) return existingFolder(path.resolve(start, given));
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, CONFIG_FILE))) return folder;
    if (path.dirname(folder) === folder) return path.resolve(start);
  }
}

function existingFolder(folder: string): string {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new MonitorError(`the folder ${folder} (given with --root) does not exist; pass the folder that holds monitor.config.yaml`);
  }
  if (!isFolder) throw new MonitorError(`${folder} (given with --root) is a file, not a folder; pass the folder that holds monitor.config.yaml`);
  return folder;
}
