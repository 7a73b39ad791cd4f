/**
 * Run one scenario: a warm-up, then measured runs, each a separate child process timed from spawn to exit,
 * with the child's peak memory read from a side file. A failing run ends the scenario as n/a with the first
 * line of the child's error output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MEASURE = fileURLToPath(new URL('./measure.js', import.meta.url));
const GNU_TIME = '/usr/bin/time';
const RSS_FILE = path.join(os.tmpdir(), `monitor-bench-rss-${process.pid}.txt`);

/**
 * @typedef {object} Scenario
 * @property {string} name
 * @property {string} shown             the command as a reader would type it
 * @property {{ seconds: number, rssMb?: number }} [target]   none for reference rows (baseline, hugo)
 * @property {{ node: string[] } | { external: string[] }} command   node: arguments of bench/measure.js;
 *   external: a program and its arguments (peak memory through GNU time, when installed)
 * @property {string} [cwd]
 * @property {() => string | undefined} [unavailable]   a reason to skip, such as a missing tool
 * @property {(run: number) => void} [before]   called before every run (warm-up is run 0), not timed
 * @property {() => void} [after]    called once at the end, also after a failure
 * @property {string} [note]
 *
 * @typedef {object} Result
 * @property {string} scenario
 * @property {string} command
 * @property {number[]} wallMs         the measured runs, in order
 * @property {number | undefined} medianMs
 * @property {number | undefined} minMs
 * @property {number | undefined} maxMs
 * @property {number | undefined} peakRssMb   highest over the measured runs
 * @property {number | undefined} targetMs
 * @property {number | undefined} targetRssMb
 * @property {'pass' | 'fail' | 'n/a' | '-'} status   '-' for a reference row without a target
 * @property {number | undefined} exceededMs   set when a run was stopped at this time limit (status fail)
 * @property {string | undefined} note
 */

/**
 * @param {Scenario} scenario
 * @param {{ runs: number, warmups: number, timeoutMs: number }} counts   timeoutMs: a run taking longer is
 *   stopped, and the scenario fails without further runs
 * @returns {Result}
 */
export function runScenario(scenario, { runs, warmups, timeoutMs }) {
  const skip = scenario.unavailable?.();
  if (skip) return result(scenario, [], [], `n/a: ${skip}`);
  /** @type {number[]} */ const wall = [];
  /** @type {number[]} */ const rss = [];
  try {
    for (let run = 0; run < warmups + runs; run += 1) {
      scenario.before?.(run);
      const measured = runOnce(scenario, timeoutMs);
      if ('timedOut' in measured) {
        const which = run < warmups ? 'the warm-up' : `measured run ${run - warmups + 1}`;
        return { ...result(scenario, wall, rss, `stopped: ${which} took longer than the ${timeoutMs / 1000} s limit (--timeout)`), medianMs: undefined, status: 'fail', exceededMs: timeoutMs };
      }
      if ('failure' in measured) return result(scenario, [], [], `n/a: ${measured.failure}`);
      if (run < warmups) continue;
      wall.push(measured.ms);
      if (measured.rssKb !== undefined) rss.push(measured.rssKb);
    }
  } finally {
    scenario.after?.();
  }
  return result(scenario, wall, rss, scenario.note);
}

/** Remove the side file of the children's peak memory. */
export function removeSideFile() {
  rmSync(RSS_FILE, { force: true });
}

/**
 * @param {Scenario} scenario
 * @param {number} timeoutMs
 * @returns {{ ms: number, rssKb: number | undefined } | { failure: string } | { timedOut: true }}
 */
function runOnce(scenario, timeoutMs) {
  rmSync(RSS_FILE, { force: true });
  const [file, args] = commandLine(scenario);
  const started = process.hrtime.bigint();
  const child = spawnSync(file, args, {
    cwd: scenario.cwd,
    env: { ...process.env, MONITOR_BENCH_RSS_FILE: RSS_FILE },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (/** @type {NodeJS.ErrnoException | undefined} */ (child.error)?.code === 'ETIMEDOUT') return { timedOut: true };
  if (child.error) return { failure: child.error.message };
  if (child.status !== 0) return { failure: firstLine(child.stderr.toString('utf8') || child.stdout.toString('utf8'), child.status) };
  const text = existsSync(RSS_FILE) ? readFileSync(RSS_FILE, 'utf8').trim() : '';
  return { ms, rssKb: /^\d+$/.test(text) ? Number(text) : undefined };
}

/**
 * @param {Scenario} scenario
 * @returns {[string, string[]]}
 */
function commandLine(scenario) {
  if ('node' in scenario.command) return [process.execPath, [MEASURE, ...scenario.command.node]];
  const [program = '', ...args] = scenario.command.external;
  return existsSync(GNU_TIME) ? [GNU_TIME, ['-f', '%M', '-o', RSS_FILE, program, ...args]] : [program, args];
}

/**
 * The line that says what went wrong: the first one, or for an unexpected failure the one after it.
 * @param {string} output
 * @param {number | null} status
 * @returns {string}
 */
function firstLine(output, status) {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const index = /unexpected failure/.test(lines[0] ?? '') && lines[1] ? 1 : 0;
  return `${lines[index] ?? '(no output)'} [exit ${status}]`.slice(0, 200);
}

/**
 * @param {Scenario} scenario
 * @param {number[]} wall
 * @param {number[]} rss kilobytes
 * @param {string | undefined} note
 * @returns {Result}
 */
function result(scenario, wall, rss, note) {
  const sorted = [...wall].sort((a, b) => a - b);
  const median = sorted.length === 0 ? undefined : sorted.length % 2 === 1
    ? sorted[(sorted.length - 1) / 2]
    : ((sorted[sorted.length / 2 - 1] ?? 0) + (sorted[sorted.length / 2] ?? 0)) / 2;
  const peakRssMb = rss.length > 0 ? Math.max(...rss) / 1024 : undefined;
  const targetMs = scenario.target ? scenario.target.seconds * 1000 : undefined;
  const targetRssMb = scenario.target?.rssMb;
  const failed = (median ?? 0) > (targetMs ?? Infinity) || (targetRssMb !== undefined && (peakRssMb === undefined || peakRssMb > targetRssMb));
  /** @type {Result['status']} */
  const status = median === undefined || note?.startsWith('n/a') ? 'n/a' : !scenario.target ? '-' : failed ? 'fail' : 'pass';
  return {
    scenario: scenario.name, command: scenario.shown, wallMs: wall, medianMs: median, minMs: sorted[0],
    maxMs: sorted[sorted.length - 1], peakRssMb, targetMs, targetRssMb, status, exceededMs: undefined, note,
  };
}
