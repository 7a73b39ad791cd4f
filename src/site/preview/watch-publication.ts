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
  let closed = false;
  const notify = (file: string) => {
    if (closed || isScratchFile(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => changed(file), debounceMs);
  };
  const attach = (folder: string, recursive: boolean, accept: (name: string) => boolean) => {
    watchers.get(folder)?.close();
    const watcher = tryWatch(path.join(root, folder), recursive, (name) => {
      if (accept(name)) notify(path.join(folder, name));
    });
    if (!watcher) return void watchers.delete(folder);
    watchers.set(folder, watcher.on('error', () => {
      watcher.close();
      if (watchers.get(folder) === watcher) watchers.delete(folder);
    }));
  };
  const attachFolders = () => {
    for (const folder of RECURSIVE) attach(folder, true, () => true);
    attach('feeds', false, (name) => FEED_FILES.has(name));
  };
  attach('.', false, (name) => {
    // a watched folder created, removed or replaced: watch the new one
    if (RECURSIVE.includes(name) || name === 'feeds') attachFolders();
    return ROOT_FILES.has(name) || RECURSIVE.includes(name) || name === 'feeds';
  });
  attachFolders();
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
