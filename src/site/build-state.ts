import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../core/problems.js';
import { TOOL_VERSION } from '../core/version.js';
import type { Stamps } from './input-stamps.js';

/** Bump when the shape of the state or the meaning of an output key changes. */
const STATE_FORMAT = 1;
/** The publication's cache folder, ignored by git; the content cache lives there too. */
export const CACHE_FOLDER = '.monitor-cache';
/** States kept for different output folders or options (preview builds elsewhere); older ones are removed. */
const KEPT_STATES = 4;

/** An output file as the last build left it: `[key, size, mtimeMs]`. */
export type OutputRecord = [string, number, number];

/** How many files of each sort a whole build holds, for the summary of a build that changed nothing. */
export interface BuildTotals {
  issues: number;
  pages: number;
  feeds: number;
  emails: number;
}

/**
 * What the last successful build of one output folder recorded. It exists only while it describes that
 * folder exactly: it is removed before any output is touched and written again once the output is in place.
 */
export interface BuildState {
  format: number;
  /** monitor's version that wrote it; another version ignores it. */
  tool: string;
  /** Absolute output folder. */
  out: string;
  drafts: boolean;
  /** Hash of what every output depends on: templates, publication settings, monitor itself, options. */
  global: string;
  /** Stamps of every input, taken before the build read them. */
  inputs: Stamps;
  /** Every output file by path relative to `out`. */
  outputs: Record<string, OutputRecord>;
  totals: BuildTotals;
  /** Warnings of that build, repeated by a build that finds nothing changed. */
  warnings: Problem[];
}

/** Where the state of builds of `root` into `out` with these options lives. */
export function stateFile(root: string, out: string, drafts: boolean): string {
  const id = createHash('sha1').update(`${out}\0${drafts}`).digest('hex').slice(0, 16);
  return path.join(root, CACHE_FOLDER, `site-${id}.json`);
}

/**
 * The recorded state, or undefined when there is none or it cannot be trusted: unreadable, truncated,
 * of another format or version of monitor, or about another folder or options.
 */
export function readBuildState(file: string, out: string, drafts: boolean): BuildState | undefined {
  let state: Partial<BuildState>;
  try {
    state = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const valid = state !== null && typeof state === 'object' && state.format === STATE_FORMAT && state.tool === TOOL_VERSION
    && state.out === out && state.drafts === drafts && typeof state.global === 'string' && isRecord(state.inputs)
    && isRecord(state.outputs) && isRecord(state.totals) && Array.isArray(state.warnings);
  return valid ? (state as BuildState) : undefined;
}

/** The state of a build, without the fields every state shares. */
export type NewState = Omit<BuildState, 'format' | 'tool'>;

/** Record a successful build (temporary file and rename, so a reader never sees half of it). Never fails a build. */
export function saveBuildState(file: string, state: NewState): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ format: STATE_FORMAT, tool: TOOL_VERSION, ...state }));
    renameSync(temporary, file);
    pruneStates(path.dirname(file));
  } catch {
    // Without a state the next build is a full one: slower, never wrong.
  }
}

/**
 * Remove the state before touching the output it describes. If it cannot be removed (a read-only cache
 * folder), the build goes on: a state whose output files changed size or mtime is never trusted anyway.
 */
export function forgetBuildState(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // see above
  }
}

/** True when every recorded output file is in `out` with its recorded size and mtime: nobody touched it. */
export function outputsIntact(out: string, outputs: Record<string, OutputRecord>): boolean {
  const base = `${out}${path.sep}`;
  for (const file in outputs) {
    const record = outputs[file];
    if (!Array.isArray(record) || typeof record[0] !== 'string') return false;
    const stats = statSync(base + file, { throwIfNoEntry: false });
    if (!stats || stats.size !== record[1] || stats.mtimeMs !== record[2]) return false;
  }
  return true;
}

function pruneStates(folder: string): void {
  const states = readdirSync(folder)
    .filter((name) => /^site-[0-9a-f]+\.json$/.test(name))
    .map((name) => ({ name, mtimeMs: statSync(path.join(folder, name)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { name } of states.slice(KEPT_STATES)) rmSync(path.join(folder, name), { force: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
