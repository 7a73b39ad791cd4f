import path from 'node:path';
import { readPublication, validatePublication } from '../content/index.js';
import { ContentError } from '../core/errors.js';
import { hasErrors, type Problem } from '../core/problems.js';
import { addMissingNames } from './add-missing-names.js';
import { parsePublishedIssue } from './parse-published-issue.js';
import { planIssueFiles, type PlannedFile, type UnknownName } from './plan-issue-files.js';
import { listInputs, readInputBlocks } from './read-inputs.js';
import type { PublishedIssue } from './types.js';
import { writeImportedIssue } from './write-imported-issue.js';

/** How `monitor import` runs. */
export interface ImportOptions {
  /** Where input names are relative to (the current folder). */
  cwd: string;
  /** Report what would be written, writing nothing. */
  dryRun?: boolean | undefined;
  /** Status of the imported issues; published by default. */
  status?: 'draft' | 'published' | undefined;
  /** Add unknown categories and publications to the settings instead of skipping their issues. */
  addMissing?: boolean | undefined;
  /** Told after each input is read. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** What became of one input. */
export interface ImportResult {
  /** The input file as named relative to the current folder. */
  input: string;
  /** The issue's number, when its title line was read. */
  number: number | undefined;
  status: 'imported' | 'skipped';
  /** Why it was skipped, with the input's line. */
  reason: string | undefined;
  line: number | undefined;
  /** The files written (or, in a dry run, to be written), relative to the publication. */
  files: Array<{ path: string; text: string }>;
}

export interface ImportSummary {
  results: ImportResult[];
  /** Categories and publications added to the settings (--add-missing). */
  added: UnknownName[];
  /** Names not known to the settings, each once, with the inputs using them (without --add-missing). */
  unknown: UnknownName[];
  /** Notes that stopped nothing: publications printed in another style than the settings say. */
  notes: string[];
  /** What `monitor validate` finds in the imported files after writing. */
  problems: Problem[];
}

interface Prepared {
  result: ImportResult;
  issue?: PublishedIssue;
  files?: PlannedFile[];
}

/** Turn published issues (plain text, Markdown or saved web pages) into issue folders and items. */
export async function importIssues(root: string, inputs: string[], options: ImportOptions): Promise<ImportSummary> {
  const { publication, problems, folderNumbers } = await readPublication(root);
  if (!publication) throw new ContentError(problems);
  const files = await listInputs(options.cwd, inputs);
  const taken = new Set(folderNumbers);
  const known = { config: publication.config, sources: publication.sources };
  const unknown: UnknownName[] = [];
  const notes: string[] = [];
  const prepared: Prepared[] = [];
  for (const [index, file] of files.entries()) {
    const relative = path.relative(options.cwd, file);
    const shown = relative === '' || relative.startsWith('..') ? file : relative;
    const one = await prepareInput(file, shown, taken, publication.config.sections.map((section) => section.title));
    if (one.issue) {
      const plan = planIssueFiles(one.issue, known, options.status ?? 'published');
      one.files = plan.files;
      notes.push(...plan.styleNotes.map((note) => `${shown}: ${note}`));
      notes.push(...one.issue.leftOut.map((block) => `${shown}:${block.line}: left out, as it follows an item's citation: "${block.text.slice(0, 60)}"`));
      if (plan.unknown.length > 0 && !options.addMissing) skip(one.result, one.result.line, unknownReason(plan.unknown));
      for (const name of plan.unknown) if (!unknown.some((seen) => seen.kind === name.kind && seen.name === name.name)) unknown.push(name);
      if (one.result.status === 'imported') taken.add(one.issue.number);
    }
    prepared.push(one);
    options.onProgress?.(index + 1, files.length);
  }
  const writing = prepared.filter((one) => one.result.status === 'imported');
  const added = options.addMissing ? unknown : [];
  if (!options.dryRun) {
    if (added.length > 0) await addMissingNames(root, added);
    for (const one of writing) await writeIssue(root, one);
  } else {
    for (const one of writing) one.result.files = plannedPaths(one);
  }
  const imported = new Set(writing.filter((one) => one.result.status === 'imported').map((one) => `issues/${one.issue!.number}/`));
  const check = options.dryRun || imported.size === 0 ? [] : (await validatePublication(root)).problems;
  return {
    results: prepared.map((one) => one.result), added, unknown: options.addMissing ? [] : unknown, notes: [...new Set(notes)],
    problems: check.filter((problem) => [...imported].some((folder) => problem.file.startsWith(folder))),
  };
}

async function prepareInput(file: string, shown: string, taken: Set<number>, sectionTitles: string[]): Promise<Prepared> {
  const result: ImportResult = { input: shown, number: undefined, status: 'imported', reason: undefined, line: undefined, files: [] };
  const read = await readInputBlocks(file);
  if (!read.ok) return { result: skip(result, read.line, read.message) };
  const parsed = parsePublishedIssue(read.blocks, sectionTitles);
  if (!parsed.ok) return { result: skip(result, parsed.fault.line, parsed.fault.message) };
  const { issue } = parsed;
  result.number = issue.number;
  const titleLine = read.blocks.find((block) => block.text.includes(`No. ${issue.number}`))?.line ?? 1;
  result.line = titleLine;
  if (taken.has(issue.number)) return { result: skip(result, titleLine, `issue ${issue.number} is already in the archive (issues/${issue.number}/); nothing was overwritten`) };
  return { result, issue };
}

async function writeIssue(root: string, one: Prepared): Promise<void> {
  const written = await writeImportedIssue(root, one.issue!.number, one.files!);
  if (!written) {
    skip(one.result, one.result.line, `issues/${one.issue!.number}/ appeared while importing; nothing was overwritten`);
    return;
  }
  one.result.files = plannedPaths(one);
}

function plannedPaths(one: Prepared): ImportResult['files'] {
  return one.files!.map((file) => ({ path: `issues/${one.issue!.number}/${file.name}`, text: file.text }));
}

function skip(result: ImportResult, line: number | undefined, reason: string): ImportResult {
  result.status = 'skipped';
  result.line = line;
  result.reason = reason;
  return result;
}

function unknownReason(names: UnknownName[]): string {
  const list = names.map((name) => `${name.kind} "${name.name}"`).join(', ');
  return `unknown ${list}; add ${names.length === 1 ? 'it' : 'them'} to the settings, or import with --add-missing`;
}

/** Whether the summary holds any error the editor must see (a skip, or a problem in an imported file). */
export function importFailed(summary: ImportSummary): boolean {
  return summary.results.some((result) => result.status === 'skipped') || hasErrors(summary.problems);
}
