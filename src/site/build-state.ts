import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { readCacheFile, removeCacheFile, writeCacheFile } from '../core/cache-file.js';
import type { Problem } from '../core/problems.js';
import { TOOL_VERSION } from '../core/version.js';
import { firstChange, StampTable, type Stamps } from './input-stamps.js';

/** Bump when the shape of the state or the meaning of an output key changes. */
const STATE_FORMAT = 5;
/** The publication's cache folder, ignored by git; the content cache lives there too. */
export const CACHE_FOLDER = '.monitor-cache';
/** States kept for different output folders or options (preview builds elsewhere); older ones are removed. */
const KEPT_STATES = 4;

/** An output file as the last build left it: `[key, size, ctimeMs]`. */
export type OutputRecord = [string, number, number];

/** How many files of each sort a whole build holds, for the summary of a build that changed nothing. */
export interface BuildTotals {
  issues: number;
  pages: number;
  feeds: number;
  emails: number;
  /** Draft issues left out of the build (see SitePlan); absent in states written before it was counted. */
  draftsLeftOut?: number;
}

/**
 * What the last successful build of one output folder recorded. It exists only while it describes that
 * folder exactly: it is removed before any output is touched and written again once the output is in place.
 */
export interface BuildState {
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
  return path.join(root, CACHE_FOLDER, `site-${id}.state`);
}

/**
 * The first line of a state (JSON), followed by the `[ctimeMs, size]` of every input then of every
 * output as 64-bit floats, the paths of the inputs then of the outputs joined by NUL (UTF-8), and the
 * outputs' keys joined by NUL. The whole is a cache file (core/cache-file.ts), whose checksum covers
 * the header too: a build that finds nothing changed repeats its warnings and totals.
 */
export interface StateHeader extends Omit<BuildState, 'inputs' | 'outputs'> {
  /** How many inputs and outputs. */
  inputs: number;
  outputs: number;
  /** Byte lengths of the paths and of the keys. */
  paths: number;
  keys: number;
}

const ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';
/** What a state depends on besides its folder and options: its format, monitor's version, the floats' byte order. */
const STATE_KEY = `build-state ${STATE_FORMAT} ${TOOL_VERSION} ${ENDIAN}`;
const NEWLINE = 10;
const NUL = '\0';

/**
 * A state as read from its file. The stamps stay as compact as on disk, which is all a build with nothing
 * changed needs; `expand` decodes the whole state for a build that has work to do.
 */
export class RecordedState {
  constructor(
    readonly header: StateHeader,
    /** Stamps of the inputs, paths as in `BuildState.inputs`. */
    readonly inputs: StampTable,
    /** Stamps of the output files, paths relative to `out`. */
    readonly outputs: StampTable,
    private readonly keys: Buffer,
  ) {}

  /** The whole state, or undefined when its keys do not match its outputs. */
  expand(): BuildState | undefined {
    const keys = splitInto(this.keys.toString('utf8'), this.outputs.paths.length);
    if (!keys) return undefined;
    const inputs: Stamps = {};
    this.inputs.paths.forEach((file, i) => { inputs[file] = this.inputs.stamp(i); });
    const outputs: Record<string, OutputRecord> = {};
    const { paths, values } = this.outputs;
    paths.forEach((file, i) => { outputs[file] = [keys[i]!, values[2 * i + 1]!, values[2 * i]!]; });
    const { out, drafts, global, totals, warnings } = this.header;
    return { out, drafts, global, inputs, outputs, totals, warnings };
  }
}

/**
 * The recorded state, or undefined when there is none or it cannot be trusted: unreadable, truncated,
 * damaged, of another format or version of monitor, or about another folder or options.
 */
export function readBuildState(file: string, out: string, drafts: boolean): RecordedState | undefined {
  const data = readCacheFile(file, STATE_KEY);
  try {
    return data && decodeState(data, out, drafts);
  } catch {
    return undefined;
  }
}

function decodeState(data: Buffer, out: string, drafts: boolean): RecordedState | undefined {
  const newline = data.indexOf(NEWLINE);
  if (newline < 0) return undefined;
  const header = JSON.parse(data.toString('utf8', 0, newline)) as StateHeader;
  if (!validHeader(header, out, drafts)) return undefined;
  const body = data.subarray(newline + 1);
  const count = header.inputs + header.outputs;
  const numbers = count * 16;
  if (body.length !== numbers + header.paths + header.keys) return undefined;
  const values = floats(body.subarray(0, numbers));
  const paths = splitInto(body.toString('utf8', numbers, numbers + header.paths), count);
  if (!paths) return undefined;
  const inputs = new StampTable(paths.slice(0, header.inputs), values.subarray(0, 2 * header.inputs));
  const outputs = new StampTable(paths.slice(header.inputs), values.subarray(2 * header.inputs));
  return new RecordedState(header, inputs, outputs, body.subarray(numbers + header.paths));
}

function validHeader(header: Partial<StateHeader>, out: string, drafts: boolean): header is StateHeader {
  const counts = [header.inputs, header.outputs, header.paths, header.keys];
  return header !== null && typeof header === 'object' && header.out === out && header.drafts === drafts
    && typeof header.global === 'string' && isRecord(header.totals) && Array.isArray(header.warnings)
    && counts.every((count) => Number.isSafeInteger(count) && count! >= 0);
}

/** Floats where they lie in `bytes` when aligned for them, else a copy. */
function floats(bytes: Buffer): Float64Array {
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
  return new Float64Array(aligned.buffer, aligned.byteOffset, aligned.length / 8);
}

/** The `count` parts of `text` joined by NUL, or undefined when there are not that many. */
function splitInto(text: string, count: number): string[] | undefined {
  const parts = text === '' ? [] : text.split(NUL);
  return parts.length === count ? parts : undefined;
}

/** Record a successful build (atomically, so a reader never sees half of it). Never fails a build. */
export function saveBuildState(file: string, state: BuildState): void {
  try {
    writeCacheFile(file, STATE_KEY, encodeState(state));
    pruneStates(path.dirname(file));
  } catch {
    // Without a state the next build is a full one: slower, never wrong.
  }
}

function encodeState(state: BuildState): Buffer {
  const inputs = StampTable.of(state.inputs);
  const files = Object.keys(state.outputs);
  const values = new Float64Array(inputs.values.length + 2 * files.length);
  values.set(inputs.values);
  const keys: string[] = [];
  files.forEach((file, i) => {
    const [key, size, ctimeMs] = state.outputs[file]!;
    if (key.includes(NUL)) throw new Error(`output key of ${file} holds a NUL`);
    values[inputs.values.length + 2 * i] = ctimeMs;
    values[inputs.values.length + 2 * i + 1] = size;
    keys.push(key);
  });
  const paths = Buffer.from([...inputs.paths, ...files].join(NUL));
  const keyBytes = Buffer.from(keys.join(NUL));
  const body = Buffer.concat([Buffer.from(values.buffer), paths, keyBytes]);
  const { inputs: _inputs, outputs: _outputs, ...rest } = state;
  const header: StateHeader = { ...rest, inputs: inputs.paths.length, outputs: files.length, paths: paths.length, keys: keyBytes.length };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]);
}

/**
 * Remove the state before touching the output it describes. If it cannot be removed (a read-only cache
 * folder), the build goes on: a state whose output files changed size or ctime is never trusted anyway.
 */
export function forgetBuildState(file: string): void {
  removeCacheFile(file);
}

/** True when every recorded output file is in `out` with its recorded size and ctime: nobody touched it. */
export function outputsIntact(out: string, outputs: StampTable): boolean {
  return firstChange(out, outputs) < 0;
}

/** Keeps the newest states; those of the earlier JSON format are removed. */
function pruneStates(folder: string): void {
  const names = readdirSync(folder);
  for (const name of names) if (/^site-[0-9a-f]+\.json$/.test(name)) rmSync(path.join(folder, name), { force: true });
  const states = names
    .filter((name) => /^site-[0-9a-f]+\.state$/.test(name))
    .map((name) => ({ name, mtimeMs: statSync(path.join(folder, name)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { name } of states.slice(KEPT_STATES)) rmSync(path.join(folder, name), { force: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
