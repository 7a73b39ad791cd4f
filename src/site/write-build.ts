import type { Problem } from '../core/problems.js';
import type { Renderer, TemplateSources } from '../render/types.js';
import type { BuildSummary } from './build-site.js';
import { forgetBuildState, saveBuildState, stateFile, type BuildState, type BuildTotals, type OutputRecord } from './build-state.js';
import type { Stamps } from './input-stamps.js';
import type { SitePlan } from './plan-site.js';
import { planFiles, renderFiles, type OutputFile, type PlannedFile } from './render-site.js';
import type { BuildRun } from './run-build.js';
import { writeChanges } from './write-changes.js';
import { noCounts, writeSite, type WriteCounts, type WrittenFile } from './write-site.js';

/** A build's summary before its time is taken. */
export type Result = Omit<BuildSummary, 'ms'>;

/** What the rendering stage of a build works with. */
export interface Stage {
  run: BuildRun;
  plan: SitePlan;
  renderer: Renderer;
  templates: TemplateSources;
  warnings: Problem[];
  /** Adds to a full build's new site before it is swapped in (the search index, site/search-index.ts). */
  complete?: ((folder: string) => Promise<void>) | undefined;
}

/**
 * Render everything into a temporary folder, swap it in, and record every file with its key: an issue
 * file's from the plan, any other's from its view (render-site.ts).
 */
export async function fullBuild({ run, plan, renderer, templates, warnings: found, complete }: Stage, inputs: Stamps, global: string, keys: Map<string, string>): Promise<Result> {
  prepareEmail(renderer);
  const file = stateFile(run.root, run.out, Boolean(run.options.drafts));
  forgetBuildState(file);
  const planned = new Map<string, PlannedFile>();
  const files = [...planFiles(plan, renderer, templates, keys)];
  for (const output of files) planned.set(output.path, output);
  const outputs: Record<string, OutputRecord> = {};
  const written: string[] = [];
  const record = (output: WrittenFile) => {
    outputs[output.path] = [planned.get(output.path)!.key, output.size, output.ctimeMs];
    written.push(output.path);
  };
  const counts = await writeSite(renderFiles(files), { out: run.out, root: run.root, keepPrevious: false, written: record, complete });
  const warnings = [...found, ...(await renderer.emailWarnings?.() ?? [])];
  const totals = totalsOf(plan, files);
  if (written.length === files.length) saveBuildState(file, { out: run.out, drafts: Boolean(run.options.drafts), global, inputs, outputs, totals, warnings });
  return summary('full', plan, counts, { written, removed: [] }, totals, run.out, warnings);
}

export interface Changes {
  inputs: Stamps;
  previous: BuildState;
  keys: Map<string, string>;
  /** Issue files whose key differs from the recorded one, or that are new. */
  changed: Set<string>;
}

/**
 * Render in memory the files whose key differs from the recorded one (changed issue files, and the
 * pages and feeds whose view changed); write them in place (see writeChanges) and delete the outputs
 * that no longer exist. The state is removed before the output is touched and written after.
 */
export async function incrementalBuild(stage: Stage, { inputs, previous, keys, changed }: Changes): Promise<Result> {
  const { run, plan, renderer, templates } = stage;
  // The templates are those of the previous build (its key says so), and so is what they say of themselves.
  const warnings = [...stage.warnings, ...previous.warnings.filter((warning) => warning.file.startsWith('templates/'))];
  if ([...changed].some((file) => file.endsWith('/email.html'))) prepareEmail(renderer);
  const outputs: Record<string, OutputRecord> = {};
  const planned = [...planFiles(plan, renderer, templates, keys)];
  const keyOf = new Map(planned.map((file) => [file.path, file.key]));
  const files: OutputFile[] = [];
  for (const file of planned) {
    const recorded = previous.outputs[file.path];
    if (recorded?.[0] === file.key) outputs[file.path] = recorded;
    else files.push({ path: file.path, kind: file.kind, text: await file.render() });
  }
  const removed = Object.keys(previous.outputs).filter((file) => !keyOf.has(file));
  const state = stateFile(run.root, run.out, Boolean(run.options.drafts));
  let counts = noCounts();
  if (files.length > 0 || removed.length > 0) {
    forgetBuildState(state);
    counts = writeChanges(run.out, files, removed, (output) => {
      outputs[output.path] = [keyOf.get(output.path)!, output.size, output.ctimeMs];
    });
  }
  const totals = totalsOf(plan, planned);
  saveBuildState(state, { out: run.out, drafts: Boolean(run.options.drafts), global: previous.global, inputs, outputs, totals, warnings });
  const mode = files.length > 0 || removed.length > 0 ? 'incremental' : 'unchanged';
  return summary(mode, plan, counts, { written: files.map((output) => output.path), removed }, totals, run.out, warnings);
}

/**
 * Start loading MJML and compiling the email skeleton while other work goes on, only when an email will
 * be rendered (an incremental build that touches no email never loads MJML). A failure here is reported
 * by the first email() call, which awaits the same preparation.
 */
export function prepareEmail(renderer: Renderer): void {
  renderer.prepareEmail?.().catch(() => undefined);
}

export function summary(mode: BuildSummary['mode'], plan: SitePlan, counts: WriteCounts, files: { written: string[]; removed: string[] }, totals: BuildTotals, out: string, warnings: Problem[]): Result {
  const touched = new Set(files.written.filter((file) => file.startsWith('issues/')).map((file) => file.split('/')[1]));
  const issues = plan.issues.filter(({ issue }) => touched.has(String(issue.number))).length;
  return { mode, issues, pages: counts.page, feeds: counts.feed, emails: counts.email, ...files, totals, out, warnings };
}

/** How many issues, pages, feeds and emails the whole output holds. */
function totalsOf(plan: SitePlan, files: PlannedFile[]): BuildTotals {
  const totals: BuildTotals = { issues: plan.issues.length, pages: 0, feeds: 0, emails: 0, draftsLeftOut: plan.draftsLeftOut };
  for (const { kind } of files) {
    if (kind === 'page') totals.pages += 1;
    else if (kind === 'feed') totals.feeds += 1;
    else if (kind === 'email') totals.emails += 1;
  }
  return totals;
}
