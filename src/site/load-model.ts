import { composedIssue, composeIssue, publicationInfo, type ComposedIssues } from '../compose/index.js';
import type { ComposedIssue, IssueOutline } from '../compose/types.js';
import { loadChangedIssues, readKnownIssues } from '../content/index.js';
import type { Publication } from '../content/types.js';
import type { Problem } from '../core/problems.js';
import type { IssueMemo } from './issue-memo.js';
import type { Stamps } from './input-stamps.js';

/**
 * The composed issues of a cached build. The folders the memo knows to be unchanged are not read: their
 * issues are outlines (IssueMemo.outline), which may be listed, linked to and keyed but not rendered;
 * withIssuesRead reads the ones a build has to render.
 */
export interface BuildModel {
  composed: ComposedIssues<IssueOutline>;
  /** Numbers of the issues that are outlines. */
  outlines: Set<number>;
  /** Folder of every issue, by number. */
  folders: Map<number, string>;
  /** The warnings of each folder read and checked this build (see loadChangedIssues). */
  checked: Map<string, Problem[]>;
  /** Every warning about the publication. */
  warnings: Problem[];
  /** The settings, and the issues read. */
  publication: Publication;
}

export interface ModelSource {
  root: string;
  /** The publication's cache folder, `.monitor-cache`. */
  cacheDir: string;
  stamps: Stamps;
  /** monitor's own key (its version and the stamps of its code), which the parsed-content cache is kept by too. */
  tool: string;
  memo: IssueMemo;
  /** Take the unchanged folders from the memo (false: read every folder). */
  useMemo: boolean;
}

/** Load the publication (a ContentError lists every error), reading only what the memo does not know. */
export async function loadModel(source: ModelSource): Promise<BuildModel> {
  const known = source.useMemo ? source.memo.known() : new Map();
  const { publication, unread, warnings, checked } = await loadChangedIssues(source.root, { cacheDir: source.cacheDir, stamps: source.stamps, tool: source.tool, known });
  const outlines = new Map(unread.map((folder) => [folder, source.memo.outline(folder)]));
  return modelOf(publication, outlines, checked, warnings);
}

/** The model with the issues `numbers` read and composed in full; they were unchanged, so nothing is checked again. */
export async function withIssuesRead(model: BuildModel, numbers: Iterable<number>, source: ModelSource): Promise<BuildModel> {
  const folders = [...new Set(numbers)].filter((number) => model.outlines.has(number)).map((number) => model.folders.get(number)!);
  if (folders.length === 0) return model;
  const read = await readKnownIssues(source.root, folders, { cacheDir: source.cacheDir, stamps: source.stamps, tool: source.tool });
  const publication = { ...model.publication, issues: [...model.publication.issues, ...read].sort((a, b) => a.number - b.number) };
  const reading = new Set(folders);
  const outlines = new Map<string, IssueOutline>();
  const composed = new Map<number, ComposedIssue>();
  for (const issue of model.composed.issues) {
    const folder = model.folders.get(issue.number)!;
    if (!model.outlines.has(issue.number)) composed.set(issue.number, composedIssue(issue));
    else if (!reading.has(folder)) outlines.set(folder, issue);
  }
  return modelOf(publication, outlines, model.checked, model.warnings, composed);
}

/** The model of the issues read (composed now, unless in `composed` already) and of the outlines. */
function modelOf(
  publication: Publication, outlines: Map<string, IssueOutline>, checked: Map<string, Problem[]>, warnings: Problem[],
  composed: ReadonlyMap<number, ComposedIssue> = new Map(),
): BuildModel {
  const folders = new Map<number, string>();
  const issues: IssueOutline[] = [];
  for (const issue of publication.issues) {
    folders.set(issue.number, issue.folder);
    issues.push(composed.get(issue.number) ?? composeIssue(publication, issue));
  }
  for (const [folder, outline] of outlines) {
    folders.set(outline.number, folder);
    issues.push(outline);
  }
  issues.sort((a, b) => a.number - b.number);
  const all = { publication: publicationInfo(publication), categoryOrder: publication.config.categories, issues };
  return { composed: all, outlines: new Set([...outlines.values()].map((issue) => issue.number)), folders, checked, warnings, publication };
}
