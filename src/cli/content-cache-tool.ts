import { createHash } from 'node:crypto';
import path from 'node:path';
import { TOOL_VERSION } from '../core/version.js';
import { CACHE_FOLDER } from '../site/build-state.js';
import { stampTool, toolStamps } from '../site/input-stamps.js';

/** Where a command that reads the whole publication finds the parsed-content cache a build keeps. */
export interface ContentCacheUse {
  /** `<root>/.monitor-cache`. */
  cacheDir: string;
  /** monitor as the build's cache knows it (see ContentCache.open). */
  tool: string;
}

/**
 * The content cache as `monitor build` opens it, so that validate and build share its files rather
 * than each rewriting them under a key of its own: monitor's version and the stamps of its own files,
 * as site/run-build.ts's toolKey works it out (tests/cli/validate-cache.test.ts fails should they part).
 */
export function buildContentCache(root: string): ContentCacheUse {
  const tool = `${TOOL_VERSION}:${createHash('sha1').update(JSON.stringify(toolStamps(stampTool()))).digest('base64url')}`;
  return { cacheDir: path.join(root, CACHE_FOLDER), tool };
}
