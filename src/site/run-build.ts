import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadPublication } from '../content/index.js';
import type { Problem } from '../core/problems.js';
import { TOOL_VERSION } from '../core/version.js';
import type { Renderer, TemplateSources } from '../render/types.js';
import type { BuildOptions, BuildSummary, Rendering } from './build-site.js';
import { CACHE_FOLDER, forgetBuildState, saveBuildState, stateFile, type BuildState, type BuildTotals, type OutputRecord } from './build-state.js';
import { toolStamps, type Stamps } from './input-stamps.js';
import { mjmlFileCache } from './mjml-cache.js';
import { IssueMemo } from './model-memo.js';
import { globalKey, outputKeys, type OutputKeys } from './output-keys.js';
import { planSite, type SitePlan } from './plan-site.js';
import { renderSite, type OutputFile } from './render-site.js';
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
  const rendering = run.rendering ?? import('../render/index.js');
  const { plan, warnings } = await loadPlan(run);
  const { readTemplates, createRenderer } = await rendering;
  const templates = await readTemplates(run.root);
  const mjmlCache = run.inputs ? mjmlFileCache(path.join(run.root, CACHE_FOLDER), toolKey(run.inputs)) : undefined;
  const renderer = createRenderer(templates, { publication: plan.site.publication, mjmlCache });
  const stage: Stage = { run, plan, renderer, templates, warnings };
  return run.inputs ? cachedBuild(stage, run.inputs) : uncachedBuild(stage);
}

/** monitor itself as a build's outputs depend on it: its version and the stamps of its own files. */
function toolKey(inputs: Stamps): string {
  return `${TOOL_VERSION}:${createHash('sha1').update(JSON.stringify(toolStamps(inputs))).digest('base64url')}`;
}

/** Read and check the publication and plan the build; the publication itself is let go (memory). */
async function loadPlan(run: BuildRun): Promise<{ plan: SitePlan; warnings: Problem[] }> {
  const cacheDir = run.cache ? path.join(run.root, CACHE_FOLDER) : undefined;
  const { publication, warnings } = await loadPublication(run.root, { cacheDir, stamps: run.inputs });
  return { plan: planSite(publication, { issue: run.options.issue, drafts: run.options.drafts }), warnings };
}

/** Compare each output's key with the last build's and choose between a full and an incremental build. */
async function cachedBuild(stage: Stage, inputs: Stamps): Promise<Result> {
  const { run, plan, templates } = stage;
  const global = globalKey({ tool: toolKey(inputs), templates, publication: plan.site.publication, drafts: Boolean(run.options.drafts) });
  const memo = IssueMemo.open(run.root, inputs);
  const { keys, issues } = outputKeys(plan, memo.remembered);
  const previous = run.previous?.global === global ? run.previous : undefined;
  const changed = [...keys].filter(([file, { key }]) => previous?.outputs[file]?.[0] !== key).map(([file]) => file);
  const result = !previous || changed.length > Math.max(INCREMENTAL_LIMIT, keys.size / 2)
    ? await fullBuild(stage, inputs, global, keys)
    : await incrementalBuild(stage, { inputs, previous, keys, changed });
  memo.save(issues);
  return result;
}

/** A one-issue build or one with a stand-in renderer: no state is kept, and any state about `out` is dropped. */
async function uncachedBuild({ run, plan, renderer, templates, warnings }: Stage): Promise<Result> {
  prepareEmail(renderer);
  for (const drafts of [false, true]) forgetBuildState(stateFile(run.root, run.out, drafts));
  const written: string[] = [];
  const counts = await writeSite(renderSite(plan, renderer, templates), {
    out: run.out, root: run.root, keepPrevious: plan.keepPrevious, written: (file) => written.push(file.path),
  });
  const totals = { issues: plan.issues.length, pages: counts.page, feeds: counts.feed, emails: counts.email };
  return summary('full', plan, counts, { written, removed: [] }, totals, run.out, warnings);
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
    outputs[output.path] = [planned.key, output.size, output.mtimeMs];
    written.push(output.path);
  };
  const counts = await writeSite(renderSite(plan, renderer, templates), { out: run.out, root: run.root, keepPrevious: false, written: record });
  const totals = totalsOf(plan, keys);
  if (written.length === keys.size) saveBuildState(file, { out: run.out, drafts: Boolean(run.options.drafts), global, inputs, outputs, totals, warnings });
  return summary('full', plan, counts, { written, removed: [] }, totals, run.out, warnings);
}

interface Changes {
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
async function incrementalBuild(stage: Stage, { inputs, previous, keys, changed }: Changes): Promise<Result> {
  const { run, plan, renderer, templates, warnings } = stage;
  if (changed.some((file) => file.endsWith('/email.html'))) prepareEmail(renderer);
  const files: OutputFile[] = [];
  for await (const output of renderSite(plan, renderer, templates, new Set(changed))) files.push(output);
  if (files.length !== changed.length) return fullBuild(stage, inputs, previous.global, keys);
  const removed = Object.keys(previous.outputs).filter((file) => !keys.has(file));
  const file = stateFile(run.root, run.out, Boolean(run.options.drafts));
  const outputs: Record<string, OutputRecord> = { ...previous.outputs };
  for (const gone of removed) delete outputs[gone];
  let counts = noCounts();
  if (files.length > 0 || removed.length > 0) {
    forgetBuildState(file);
    counts = writeChanges(run.out, files, removed, (output) => {
      outputs[output.path] = [keys.get(output.path)!.key, output.size, output.mtimeMs];
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
  const totals: BuildTotals = { issues: plan.issues.length, pages: 0, feeds: 0, emails: 0 };
  for (const { kind } of keys.values()) {
    if (kind === 'page') totals.pages += 1;
    else if (kind === 'feed') totals.feeds += 1;
    else totals.emails += 1;
  }
  return totals;
}
