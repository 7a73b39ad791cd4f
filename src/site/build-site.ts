import path from 'node:path';
import type { Problem } from '../core/problems.js';
import type { Renderer, RendererOptions, TemplateSources } from '../render/types.js';
import { CACHE_FOLDER, outputsIntact, readBuildState, stateFile, type BuildState, type BuildTotals } from './build-state.js';
import { changedStamps, collectStamps } from './input-stamps.js';
import { lockOutput } from './output-lock.js';
import { recoverOutput } from './recover-output.js';
import { searchIndexIntact, type SearchIndexSummary } from './search-index.js';

export interface BuildOptions {
  /** Output folder; relative paths are taken from the publication folder. Default `dist`. */
  out?: string | undefined;
  /** Build only this issue's pages, plus the pages and feeds that list it. */
  issue?: number | undefined;
  /** Also build draft issues' own pages (never the archive, category pages or feeds). */
  drafts?: boolean | undefined;
  /** With `drafts`, list the drafts on the archive and category pages too (the preview's view); never in feeds. */
  listDrafts?: boolean | undefined;
  /**
   * Use and keep the build cache in `<root>/.monitor-cache/`; false always builds everything. Default:
   * true, except with a stand-in Rendering, whose output the cache's keys cannot know about.
   */
  cache?: boolean | undefined;
}

/** What a build did. */
export interface BuildSummary {
  /** `full`: the whole output was written and swapped in; `incremental`: only changed files were rewritten; `unchanged`: nothing was written. */
  mode: 'full' | 'incremental' | 'unchanged';
  /** Issues whose web page, email or plain text were written. */
  issues: number;
  /** HTML web pages written: issue pages, archive pages, category pages. */
  pages: number;
  /** Feed files written. */
  feeds: number;
  /** Email files written (HTML and plain text). */
  emails: number;
  /** Files written, relative to the output folder. */
  written: string[];
  /** Files deleted because their issue or category no longer exists. */
  removed: string[];
  /** What the whole output holds, written this time or not. */
  totals: BuildTotals;
  /** Milliseconds from start to the new output being in place. */
  ms: number;
  /** Absolute output folder. */
  out: string;
  /** Warnings about the publication (a build with errors does not happen). */
  warnings: Problem[];
  /** What the search index's update did (search-index.ts); absent when nothing was checked. */
  search?: SearchIndexSummary | undefined;
}

/** Where a build gets its templates and renderer; tests pass a stand-in (used without the cache unless asked). */
export interface Rendering {
  readTemplates(root: string): Promise<TemplateSources>;
  createRenderer(templates: TemplateSources, options: RendererOptions): Renderer;
}

/**
 * Build the publication at `root`: load and check it (a ContentError lists every error), compose, render
 * and write the site. A failed build leaves the previous output untouched.
 *
 * Before anything heavy is loaded, every input is compared with the stamps the last build recorded: when
 * nothing changed and the output is as that build left it, nothing is read or written. Otherwise the
 * pipeline (content, compose, render: loaded only now) decides between an incremental and a full build.
 */
export async function buildSite(root: string, options: BuildOptions = {}, rendering?: Rendering): Promise<BuildSummary> {
  const out = path.resolve(root, options.out ?? 'dist');
  const release = lockOutput(out);
  try {
    return await buildLocked(root, out, options, rendering);
  } finally {
    release();
  }
}

/** buildSite's work, once it holds the output folder's lock. */
async function buildLocked(root: string, out: string, options: BuildOptions, rendering: Rendering | undefined): Promise<BuildSummary> {
  const started = performance.now();
  const absoluteRoot = path.resolve(root);
  const drafts = Boolean(options.drafts);
  const cached = (options.cache ?? rendering === undefined) && options.issue === undefined;
  recoverOutput(out); // what a killed build left, before anything looks at the output
  const file = stateFile(absoluteRoot, out, drafts);
  const recorded = cached ? readBuildState(file, out, drafts) : undefined;
  const intact = recorded && outputsIntact(out, recorded.outputs) ? recorded : undefined;
  const fresh = intact && changedStamps(absoluteRoot, intact.inputs);
  // A search index removed since is made again, though no input changed.
  const searchable = intact && searchIndexIntact(out);
  if (intact && !fresh && searchable) return unchanged(intact.header, started);
  const previous = intact?.expand();
  const inputs = cached ? fresh ?? collectStamps(absoluteRoot) : undefined;
  const { runBuild } = await import('./run-build.js');
  const summary = await runBuild({ root: absoluteRoot, out, options, rendering, previous, inputs, cache: options.cache !== false });
  return { ...summary, ms: Math.round(performance.now() - started) };
}

function unchanged(state: Pick<BuildState, 'totals' | 'out' | 'warnings'>, started: number): BuildSummary {
  return {
    mode: 'unchanged', issues: 0, pages: 0, feeds: 0, emails: 0, written: [], removed: [], totals: state.totals,
    ms: Math.round(performance.now() - started), out: state.out, warnings: state.warnings,
  };
}
