import path from 'node:path';
import { CACHE_FOLDER } from '../site/build-state.js';
import { stampTool, toolKey } from '../site/input-stamps.js';

/** Where a command that reads the whole publication finds the parsed-content cache a build keeps. */
export interface ContentCacheUse {
  /** `<root>/.monitor-cache`. */
  cacheDir: string;
  /** monitor as the build's cache knows it (see ContentCache.open). */
  tool: string;
}

/**
 * The content cache as `monitor build` opens it, so that validate and build share its files rather
 * than each rewriting them under a key of its own (toolKey, the same function the build uses).
 */
export function buildContentCache(root: string): ContentCacheUse {
  return { cacheDir: path.join(root, CACHE_FOLDER), tool: toolKey(stampTool()) };
}
