import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** What a preview watches, relative to the publication root. Everything else (dist/, node_modules/) is ignored. */
const RECURSIVE = ['issues', 'templates'];
const ROOT_FILES = new Set(['monitor.config.yaml']);
const FEED_FILES = new Set(['sources.yaml']);

export interface PublicationWatcher {
  close(): void;
}

/**
 * Call `changed` once per burst of edits (after `debounceMs` of quiet) to the publication's issues,
 * templates, feeds/sources.yaml or monitor.config.yaml. Folders are watched, not files, so an editor's
 * save-by-rename is seen; a folder created later (templates/ after `init`) is picked up.
 */
export function watchPublication(root: string, changed: (file: string) => void, debounceMs = 60): PublicationWatcher {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let last = '';
  let closed = false;
  const notify = (file: string) => {
    if (closed || isScratchFile(file)) return;
    last = file;
    clearTimeout(timer);
    timer = setTimeout(() => changed(last), debounceMs);
  };
  const attach = (folder: string, recursive: boolean, accept: (name: string) => boolean) => {
    if (watchers.has(folder)) return;
    const watcher = tryWatch(path.join(root, folder), recursive, (name) => {
      if (accept(name)) notify(path.join(folder, name));
    });
    if (!watcher) return;
    watcher.on('error', () => detach(folder));
    watchers.set(folder, watcher);
  };
  const detach = (folder: string) => {
    watchers.get(folder)?.close();
    watchers.delete(folder);
  };
  const attachAll = () => {
    for (const folder of RECURSIVE) attach(folder, true, () => true);
    attach('feeds', false, (name) => FEED_FILES.has(name));
  };
  attach('.', false, (name) => {
    if (RECURSIVE.includes(name) || name === 'feeds') {
      detach(name);
      attachAll();
      return true;
    }
    return ROOT_FILES.has(name);
  });
  attachAll();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function tryWatch(folder: string, recursive: boolean, listener: (name: string) => void): FSWatcher | undefined {
  try {
    return watch(folder, { recursive }, (_event, name) => listener(name ? String(name) : ''));
  } catch {
    return undefined;
  }
}

/** Editors' swap and backup files, and our own temporary files, are not edits. */
function isScratchFile(file: string): boolean {
  const name = path.basename(file);
  return name === '' || name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|tmp)$/.test(name);
}
