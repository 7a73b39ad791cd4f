import path from 'node:path';
import type { PublicationInfo } from '../compose/types.js';
import { loadPublication } from '../content/index.js';
import type { Renderer, TemplateSources } from '../render/types.js';
import { removeAbandonedTemporaries, removeRetiredCaches } from './abandoned-files.js';
import type { BuildOptions, Rendering } from './build-site.js';
import { CACHE_FOLDER, forgetBuildState, stateFile, type BuildState } from './build-state.js';
import { mjmlFileCache } from './file-cache.js';
import { stampTool, toolKey, type Stamps } from './input-stamps.js';
import { IssueMemo, type FreshIssue } from './issue-memo.js';
import { loadModel, withIssuesRead, type BuildModel, type ModelSource } from './load-model.js';
import { globalKey, issueKeys, type IssueHashes } from './issue-keys.js';
import { planComposed, planSite, type PlanOptions } from './plan-site.js';
import { issuesInFeeds, issuesOf, planFiles, renderFiles } from './render-site.js';
import { indexedIssues, SearchIndexUpdate, searchKey } from './search-index.js';
import { writeSite } from './write-site.js';
import { fullBuild, incrementalBuild, prepareEmail, summary, type Result, type Stage } from './write-build.js';

/** One build, as buildSite decided it after its quick checks. */
export interface BuildRun {
  root: string;
  out: string;
  options: BuildOptions;
  /** A stand-in renderer (tests); the real one is loaded here otherwise. */
  rendering: Rendering | undefined;
  /** The trusted state of the last build into `out`, if any. */
  previous: BuildState | undefined;
  /** Stamps of the inputs, taken before reading them; undefined when this build keeps no state. */
  inputs: Stamps | undefined;
  /** Whether the parsed-content cache may be used. */
  cache: boolean;
}

/**
 * An incremental build holds the changed files in memory until all are rendered; past this many, and
 * past half the site, a full build (streamed into a temporary folder) is both leaner and no slower.
 */
const INCREMENTAL_LIMIT = 300;

/**
 * Load, plan and render. With a state to compare against, only the outputs whose key changed are
 * rendered and written in place; otherwise (or when most of the site changed) the whole output is
 * written into a temporary folder and swapped in. Nothing is written before the publication is valid.
 */
export async function runBuild(run: BuildRun): Promise<Result> {
  // The render modules load while the publication is read. A build that fails before it needs them still
  // waits for them to load, so that no import outlives the command.
  const rendering = run.rendering ? Promise.resolve(run.rendering) : import('../render/index.js');
  const loaded = rendering.catch(() => undefined); // a failed load is the build's error once it needs them
  try {
    return await (run.inputs ? cachedBuild(run, run.inputs, rendering) : uncachedBuild(run, rendering));
  } catch (error) {
    await loaded;
    throw error;
  }
}

function planOptions(run: BuildRun): PlanOptions {
  return { issue: run.options.issue, drafts: run.options.drafts, listDrafts: run.options.listDrafts };
}

/**
 * A build that keeps its state: an incremental build of the issue files whose key changed (and of
 * every other output, written only when its text changed), or a full one when there is no state to
 * compare with or most of the site changed.
 */
async function cachedBuild(run: BuildRun, inputs: Stamps, rendering: Promise<Rendering>): Promise<Result> {
  const plan = await prepareCachedBuild(run, inputs, rendering);
  try {
    // The index is made on the other core while the site is rendered; its files go in once the site is in place.
    plan.search.start(plan.stage.plan, plan.stage.renderer);
    if (plan.kind === 'full') {
      const result = await fullBuild({ ...plan.stage, complete: (folder) => plan.search.write(folder) }, inputs, plan.global, plan.keys);
      return { ...result, search: plan.search.remember() };
    }
    const result = await incrementalBuild(plan.stage, { inputs, previous: plan.previous, keys: plan.keys, changed: plan.changed });
    await plan.search.write();
    return { ...result, search: plan.search.remember() };
  } finally {
    await plan.search.close();
  }
}

/** What a cached build renders, and against what. */
type CachedPlan = { search: SearchIndexUpdate } & (
  | { kind: 'full'; stage: Stage; keys: Map<string, string>; global: string }
  | {
    kind: 'incremental';
    /** The stage with the issues read that the changed issue files and the feeds show. */
    stage: Stage;
    keys: Map<string, string>;
    /** The previous build's state, built with the same templates, settings and monitor. */
    previous: BuildState;
    /** Issue files whose key differs from the previous build's. */
    changed: Set<string>;
  });

/**
 * Load what changed and plan. The folders the issue memo knows to be unchanged are not read: their
 * issues are outlines, enough to key the issue files and to list them. Then the issue files whose key
 * changed are chosen, and the issues read in full that they and the feeds show. (A function of its
 * own so that a full build does not hold on to the publication while it renders.)
 */
async function prepareCachedBuild(run: BuildRun, inputs: Stamps, rendering: Promise<Rendering>): Promise<CachedPlan> {
  const cacheDir = path.join(run.root, CACHE_FOLDER);
  removeAbandonedTemporaries(cacheDir);
  removeRetiredCaches(cacheDir);
  const memo = IssueMemo.open(run.root, inputs);
  const tool = toolKey(inputs);
  const source: ModelSource = { root: run.root, cacheDir, stamps: inputs, tool, memo, useMemo: run.previous !== undefined };
  const model = await loadModel(source);
  const publication = model.composed.publication;
  const { renderer, templates } = await cachedRenderer(run.root, cacheDir, tool, await rendering, publication);
  const global = globalKey({ tool, templates, publication, drafts: Boolean(run.options.drafts), listDrafts: Boolean(run.options.listDrafts) });
  const outlined = planComposed(model.composed, planOptions(run));
  const { keys, hashes } = issueKeys(outlined, memo.remembered);
  memo.save(freshIssues(model, hashes), knownFolders(model), publication.language);
  const previous = run.previous?.global === global ? run.previous : undefined;
  const changed = new Set([...keys].filter(([file, key]) => previous?.outputs[file]?.[0] !== key).map(([file]) => file));
  const full = !previous || changed.size > Math.max(INCREMENTAL_LIMIT, keys.size / 2);
  const searchAt = searchKey(tool, publication.language);
  const search = SearchIndexUpdate.plan(run.out, cacheDir, searchAt, indexedIssues(outlined.site, hashes), full);
  const stageWith = async (numbers: Iterable<number>): Promise<Stage> => {
    const read = await withIssuesRead(model, numbers, source);
    const plan = read === model ? outlined : planComposed(read.composed, planOptions(run));
    return { run, plan, renderer, templates, warnings: model.warnings };
  };
  if (full || !previous) return { kind: 'full', stage: await stageWith(model.outlines), keys, global, search };
  const stage = await stageWith(new Set([...issuesOf(outlined, changed), ...issuesInFeeds(outlined), ...search.needed()]));
  return { kind: 'incremental', stage, keys, previous, changed, search };
}

/** The renderer of a cached build, which keeps MJML's HTML of the email skeleton in the cache folder (text, never code). */
async function cachedRenderer(
  root: string, cacheDir: string, tool: string, rendering: Rendering, publication: PublicationInfo,
): Promise<{ renderer: Renderer; templates: TemplateSources }> {
  const templates = await rendering.readTemplates(root);
  const renderer = rendering.createRenderer(templates, { publication, mjmlCache: mjmlFileCache(cacheDir, tool) });
  return { renderer, templates };
}

/** A one-issue build or one with a stand-in renderer: no state is kept, and any state about `out` is dropped. */
async function uncachedBuild(run: BuildRun, rendering: Promise<Rendering>): Promise<Result> {
  const cacheDir = run.cache ? path.join(run.root, CACHE_FOLDER) : undefined;
  const tool = toolKey(stampTool());
  const { publication, warnings } = await loadPublication(run.root, { cacheDir, tool: cacheDir && tool });
  const plan = planSite(publication, planOptions(run));
  const { readTemplates, createRenderer } = await rendering;
  const templates = await readTemplates(run.root);
  const renderer = createRenderer(templates, { publication: plan.site.publication });
  prepareEmail(renderer);
  for (const drafts of [false, true]) forgetBuildState(stateFile(run.root, run.out, drafts));
  const searchAt = searchKey(tool, plan.site.publication.language);
  const { keys, hashes } = issueKeys(plan);
  const search = SearchIndexUpdate.plan(run.out, cacheDir, searchAt, indexedIssues(plan.site, hashes), !plan.keepPrevious);
  try {
    search.start(plan, renderer);
    const written: string[] = [];
    const counts = await writeSite(renderFiles(planFiles(plan, renderer, templates, keys)), {
      out: run.out, root: run.root, keepPrevious: plan.keepPrevious, written: (file) => written.push(file.path), complete: (folder) => search.write(folder),
    });
    const totals = { issues: plan.issues.length, pages: counts.page, feeds: counts.feed, emails: counts.email, draftsLeftOut: plan.draftsLeftOut };
    return { ...summary('full', plan, counts, { written, removed: [] }, totals, run.out, warnings), search: search.remember() };
  } finally {
    await search.close();
  }
}

/** What the issue memo learns from this build: the issues of the folders read and checked this time. */
function freshIssues(model: BuildModel, hashes: Map<number, IssueHashes>): FreshIssue[] {
  return model.composed.issues.flatMap((issue) => {
    const folder = model.folders.get(issue.number)!;
    const problems = model.checked.get(folder);
    const known = hashes.get(issue.number);
    return problems && known ? [{ folder, issue, problems, hashes: known }] : [];
  });
}

/** The folders whose issue the memo knew and still holds: neither new nor changed. */
function knownFolders(model: BuildModel): string[] {
  return [...model.folders.values()].filter((folder) => !model.checked.has(folder));
}
