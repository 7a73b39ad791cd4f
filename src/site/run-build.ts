import { createHash } from 'node:crypto';
import path from 'node:path';
import type { PublicationInfo } from '../compose/types.js';
import { loadPublication } from '../content/index.js';
import type { Problem } from '../core/problems.js';
import { TOOL_VERSION } from '../core/version.js';
import type { Renderer, TemplateSources } from '../render/types.js';
import { removeAbandonedTemporaries } from './abandoned-files.js';
import type { BuildOptions, BuildSummary, Rendering } from './build-site.js';
import { CACHE_FOLDER, forgetBuildState, saveBuildState, stateFile, type BuildState, type BuildTotals, type OutputRecord } from './build-state.js';
import { mjmlFileCache, templateFileCache } from './file-cache.js';
import { stampTool, toolStamps, type Stamps } from './input-stamps.js';
import { IssueMemo, type FreshIssue } from './issue-memo.js';
import { loadModel, withIssuesRead, type BuildModel, type ModelSource } from './load-model.js';
import { globalKey, issueHashes, outputKeys, type IssueHashes, type OutputKeys } from './output-keys.js';
import { planComposed, planSite, type PlanOptions, type SitePlan } from './plan-site.js';
import { issuesShown, renderSite, type OutputFile } from './render-site.js';
import { writeChanges } from './write-changes.js';
import { noCounts, writeSite, type WriteCounts, type WrittenFile } from './write-site.js';

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

type Result = Omit<BuildSummary, 'ms'>;

/**
 * An incremental build holds the changed files in memory until all are rendered; past this many, and
 * past half the site, a full build (streamed into a temporary folder) is both leaner and no slower.
 */
const INCREMENTAL_LIMIT = 300;

/** What the rendering stage of a build works with. */
interface Stage {
  run: BuildRun;
  plan: SitePlan;
  renderer: Renderer;
  templates: TemplateSources;
  warnings: Problem[];
}

/**
 * Load, plan and render. With a state to compare against, only the outputs whose key changed are
 * rendered and written in place; otherwise (or when most of the site changed) the whole output is
 * written into a temporary folder and swapped in. Nothing is written before the publication is valid.
 */
export async function runBuild(run: BuildRun): Promise<Result> {
  return run.inputs ? cachedBuild(run, run.inputs) : uncachedBuild(run);
}

/** monitor itself as a build's outputs depend on it: its version and the stamps of its own files. */
function toolKey(inputs: Stamps): string {
  return `${TOOL_VERSION}:${createHash('sha1').update(JSON.stringify(toolStamps(inputs))).digest('base64url')}`;
}

function planOptions(run: BuildRun): PlanOptions {
  return { issue: run.options.issue, drafts: run.options.drafts };
}

/**
 * A build that keeps its state: an incremental build of the outputs whose key changed, or a full one
 * when there is no state to compare with or most of the site changed.
 */
async function cachedBuild(run: BuildRun, inputs: Stamps): Promise<Result> {
  const plan = await prepareCachedBuild(run, inputs);
  if (plan.kind === 'full') return fullBuild(plan.stage, inputs, plan.global, plan.keys);
  return incrementalBuild(plan.stage, { inputs, previous: plan.previous, keys: plan.keys, changed: plan.changed, whole: plan.whole });
}

/** What a cached build renders, and against what. */
type CachedPlan =
  | { kind: 'full'; stage: Stage; keys: OutputKeys; global: string }
  | {
    kind: 'incremental';
    /** The stage with the issues read that the changed outputs show. */
    stage: Stage;
    keys: OutputKeys;
    global: string;
    /** The previous build's state, built with the same templates, settings and monitor. */
    previous: BuildState;
    /** Outputs whose key differs from the previous build's. */
    changed: string[];
    /** The stage of a full build, should the incremental one fall back to it. */
    whole: () => Promise<Stage>;
  };

/**
 * Load what changed and plan. The folders the issue memo knows to be unchanged are not read: their
 * issues are outlines, enough to key every output (output-keys.ts). Then the outputs whose key changed
 * are chosen, and the issues they show in full are read. (A function of its own so that a full build
 * does not hold on to the publication while it renders.)
 */
async function prepareCachedBuild(run: BuildRun, inputs: Stamps): Promise<CachedPlan> {
  const rendering = run.rendering ?? import('../render/index.js');
  const cacheDir = path.join(run.root, CACHE_FOLDER);
  removeAbandonedTemporaries(cacheDir);
  const memo = IssueMemo.open(run.root, inputs);
  const tool = toolKey(inputs);
  const source: ModelSource = { root: run.root, cacheDir, stamps: inputs, tool, memo, useMemo: run.previous !== undefined };
  const model = await loadModel(source);
  const publication = model.composed.publication;
  const { renderer, templates } = await cachedRenderer(run.root, cacheDir, tool, await rendering, publication);
  const global = globalKey({ tool, templates, publication, drafts: Boolean(run.options.drafts) });
  const outlined = planComposed(model.composed, planOptions(run));
  const { keys, issues: hashes } = outputKeys(outlined, memo.remembered);
  memo.save(freshIssues(model, hashes), knownFolders(model));
  const previous = run.previous?.global === global ? run.previous : undefined;
  const changed = [...keys].filter(([file, { key }]) => previous?.outputs[file]?.[0] !== key).map(([file]) => file);
  const stageWith = async (numbers: Iterable<number>): Promise<Stage> => {
    const read = await withIssuesRead(model, numbers, source);
    const plan = read === model ? outlined : planComposed(read.composed, planOptions(run));
    return { run, plan, renderer, templates, warnings: model.warnings };
  };
  if (!previous || changed.length > Math.max(INCREMENTAL_LIMIT, keys.size / 2)) return { kind: 'full', stage: await stageWith(model.outlines), keys, global };
  const stage = await stageWith(issuesShown(outlined, new Set(changed)));
  return { kind: 'incremental', stage, keys, global, previous, changed, whole: () => stageWith(model.outlines) };
}

/** The renderer of a cached build, which keeps MJML's skeleton HTML and the compiled templates in the cache folder. */
async function cachedRenderer(
  root: string, cacheDir: string, tool: string, rendering: Rendering, publication: PublicationInfo,
): Promise<{ renderer: Renderer; templates: TemplateSources }> {
  const templates = await rendering.readTemplates(root);
  const renderer = rendering.createRenderer(templates, { publication, mjmlCache: mjmlFileCache(cacheDir, tool), templateCache: templateFileCache(cacheDir, tool) });
  return { renderer, templates };
}

/** A one-issue build or one with a stand-in renderer: no state is kept, and any state about `out` is dropped. */
async function uncachedBuild(run: BuildRun): Promise<Result> {
  const rendering = run.rendering ?? import('../render/index.js');
  const cacheDir = run.cache ? path.join(run.root, CACHE_FOLDER) : undefined;
  const { publication, warnings } = await loadPublication(run.root, { cacheDir, tool: cacheDir && toolKey(stampTool()) });
  const plan = planSite(publication, planOptions(run));
  const { readTemplates, createRenderer } = await rendering;
  const templates = await readTemplates(run.root);
  const renderer = createRenderer(templates, { publication: plan.site.publication });
  prepareEmail(renderer);
  for (const drafts of [false, true]) forgetBuildState(stateFile(run.root, run.out, drafts));
  const written: string[] = [];
  const counts = await writeSite(renderSite(plan, renderer, templates), {
    out: run.out, root: run.root, keepPrevious: plan.keepPrevious, written: (file) => written.push(file.path),
  });
  const totals = { issues: plan.issues.length, pages: counts.page, feeds: counts.feed, emails: counts.email, draftsLeftOut: plan.draftsLeftOut };
  return summary('full', plan, counts, { written, removed: [] }, totals, run.out, warnings);
}

/** What the issue memo learns from this build: the issues of the folders read and checked this time. */
function freshIssues(model: BuildModel, hashes: Map<number, IssueHashes>): FreshIssue[] {
  return model.composed.issues.flatMap((issue) => {
    const folder = model.folders.get(issue.number)!;
    const problems = model.checked.get(folder);
    return problems ? [{ folder, issue, problems, hashes: hashes.get(issue.number) ?? issueHashes(issue) }] : [];
  });
}

/** The folders whose issue the memo knew and still holds: neither new nor changed. */
function knownFolders(model: BuildModel): string[] {
  return [...model.folders.values()].filter((folder) => !model.checked.has(folder));
}

/** Render everything into a temporary folder, swap it in, and record every file with its key. */
async function fullBuild({ run, plan, renderer, templates, warnings }: Stage, inputs: Stamps, global: string, keys: OutputKeys): Promise<Result> {
  prepareEmail(renderer);
  const file = stateFile(run.root, run.out, Boolean(run.options.drafts));
  forgetBuildState(file);
  const outputs: Record<string, OutputRecord> = {};
  const written: string[] = [];
  const record = (output: WrittenFile) => {
    const planned = keys.get(output.path);
    if (!planned) throw new Error(`build output ${output.path} has no cache key; output-keys.ts and render-site.ts disagree`);
    outputs[output.path] = [planned.key, output.size, output.ctimeMs];
    written.push(output.path);
  };
  const counts = await writeSite(renderSite(plan, renderer, templates), { out: run.out, root: run.root, keepPrevious: false, written: record });
  const totals = totalsOf(plan, keys);
  if (written.length === keys.size) saveBuildState(file, { out: run.out, drafts: Boolean(run.options.drafts), global, inputs, outputs, totals, warnings });
  return summary('full', plan, counts, { written, removed: [] }, totals, run.out, warnings);
}

interface Changes {
  whole: () => Promise<Stage>;
  inputs: Stamps;
  previous: BuildState;
  keys: OutputKeys;
  /** Outputs whose key differs from the recorded one, or that are new. */
  changed: string[];
}

/**
 * Render the changed outputs in memory, then write them in place (see writeChanges) and delete the
 * outputs that no longer exist. The state is removed before the output is touched and written after.
 */
async function incrementalBuild(stage: Stage, { whole, inputs, previous, keys, changed }: Changes): Promise<Result> {
  const { run, plan, renderer, templates, warnings } = stage;
  if (changed.some((file) => file.endsWith('/email.html'))) prepareEmail(renderer);
  const files: OutputFile[] = [];
  for await (const output of renderSite(plan, renderer, templates, new Set(changed))) files.push(output);
  if (files.length !== changed.length) return fullBuild(await whole(), inputs, previous.global, keys);
  const removed = Object.keys(previous.outputs).filter((file) => !keys.has(file));
  const file = stateFile(run.root, run.out, Boolean(run.options.drafts));
  const outputs: Record<string, OutputRecord> = { ...previous.outputs };
  for (const gone of removed) delete outputs[gone];
  let counts = noCounts();
  if (files.length > 0 || removed.length > 0) {
    forgetBuildState(file);
    counts = writeChanges(run.out, files, removed, (output) => {
      outputs[output.path] = [keys.get(output.path)!.key, output.size, output.ctimeMs];
    });
  }
  const totals = totalsOf(plan, keys);
  saveBuildState(file, { out: run.out, drafts: Boolean(run.options.drafts), global: previous.global, inputs, outputs, totals, warnings });
  const mode = files.length > 0 || removed.length > 0 ? 'incremental' : 'unchanged';
  return summary(mode, plan, counts, { written: files.map((output) => output.path), removed }, totals, run.out, warnings);
}

/**
 * Start loading MJML and compiling the email skeleton while other work goes on, only when an email will
 * be rendered (an incremental build that touches no email never loads MJML). A failure here is reported
 * by the first email() call, which awaits the same preparation.
 */
function prepareEmail(renderer: Renderer): void {
  renderer.prepareEmail?.().catch(() => undefined);
}

function summary(mode: BuildSummary['mode'], plan: SitePlan, counts: WriteCounts, files: { written: string[]; removed: string[] }, totals: BuildTotals, out: string, warnings: Problem[]): Result {
  const touched = new Set(files.written.filter((file) => file.startsWith('issues/')).map((file) => file.split('/')[1]));
  const issues = plan.issues.filter(({ issue }) => touched.has(String(issue.number))).length;
  return { mode, issues, pages: counts.page, feeds: counts.feed, emails: counts.email, ...files, totals, out, warnings };
}

/** How many issues, pages, feeds and emails the whole output holds. */
function totalsOf(plan: SitePlan, keys: OutputKeys): BuildTotals {
  const totals: BuildTotals = { issues: plan.issues.length, pages: 0, feeds: 0, emails: 0, draftsLeftOut: plan.draftsLeftOut };
  for (const { kind } of keys.values()) {
    if (kind === 'page') totals.pages += 1;
    else if (kind === 'feed') totals.feeds += 1;
    else totals.emails += 1;
  }
  return totals;
}
