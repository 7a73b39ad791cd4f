import path from 'node:path';
import { watch } from 'chokidar';

/** The folders whose every file is an input of the build, relative to the publication root. */
const INPUT_FOLDERS = new Set(['issues', 'templates']);
/** The single files that are inputs; everything else under the root (dist/, .monitor-cache/, node_modules/, .git) is not. */
const INPUT_FILES = new Set(['monitor.config.yaml', 'feeds', 'feeds/sources.yaml']);

export interface PublicationWatcher {
  /** Resolves once the publication's files are all watched: an edit from then on is seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Call `changed` once per burst of edits (after `debounceMs` of quiet) to the publication's issues,
 * templates, feeds/sources.yaml or monitor.config.yaml. chokidar follows a file that an editor replaces by
 * renaming a new copy over it (vim, `sed -i`, JetBrains' safe write, gedit), which raw `fs.watch` loses
 * after the first save, and folders created later (templates/ after `init`).
 */
export function watchPublication(root: string, changed: (file: string) => void, debounceMs = 50, log: (line: string) => void = () => {}): PublicationWatcher {
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (file) => !isInput(toRelative(root, file)),
  });
  watcher.on('all', (_event, file) => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => changed(toRelative(root, file)), debounceMs);
  });
  // A folder that cannot be read is reported and skipped; without a listener the error would stop the preview.
  watcher.on('error', (error) => log(`cannot watch for changes: ${(error as Error).message}`));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
    },
  };
}

function toRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** Whether a path (relative, with `/`) is the root, a build input, or a folder holding them. */
function isInput(relative: string): boolean {
  if (relative === '') return true;
  const parts = relative.split('/');
  if (parts.some(isScratchName)) return false;
  return INPUT_FILES.has(relative) || INPUT_FOLDERS.has(parts[0]!);
}

/**
 * Editors' swap, backup and save-in-progress files, and hidden ones, are not edits: vim's `.x.swp` and its
 * `4913` probe, Emacs' `#x#`, JetBrains' `x___jb_tmp___`, gedit's `.goutputstream-*`, `x~`, `x.tmp`.
 */
function isScratchName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('#') || name.endsWith('~') || name === '4913'
    || /___jb_(tmp|old)___$/.test(name) || /\.(swp|swx|tmp)$/.test(name);
}
