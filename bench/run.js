/**
 * `npm run bench [-- --json] [--issues N] [--seed S] [--runs R] [--warmups W] [--timeout SECONDS] [--only NAMES] [--delete-outputs]`:
 * time monitor on a synthetic archive, scenario by scenario, against the targets of issue 6. Progress
 * goes to standard error; the table (or JSON with --json) to standard output. --only takes scenario names
 * separated by commas (the baseline always runs); build scenarios after "build cold" expect the site it
 * leaves. Cold runs start with the previous output moved aside; --delete-outputs deletes it right before
 * instead (see clearOutput in workspace.js for why that is slower on some file systems).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { findIngestFunctions } from './ingest-parse.js';
import { formatJson, formatTable, hugoRatio } from './report.js';
import { createScenarios } from './scenarios.js';
import { removeSideFile, runScenario } from './timing.js';
import { emptySetAside, prepareWorkspace } from './workspace.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    issues: { type: 'string', default: '2500' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    warmups: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '600' },
    only: { type: 'string' },
    'delete-outputs': { type: 'boolean', default: false },
  },
});

const issues = wholeNumber('issues', values.issues, 1);
const seed = wholeNumber('seed', values.seed, 0);
const counts = {
  runs: wholeNumber('runs', values.runs, 1),
  warmups: wholeNumber('warmups', values.warmups, 0),
  timeoutMs: wholeNumber('timeout', values.timeout, 1) * 1000,
};
const progress = (/** @type {string} */ message) => process.stderr.write(`bench: ${message}\n`);

const workspace = prepareWorkspace({ issues, seed }, progress);
const only = values.only?.split(',').map((name) => name.trim());
emptySetAside(workspace);
const scenarios = createScenarios(workspace, await findIngestFunctions(), { deleteOutputs: values['delete-outputs'] })
  .filter((scenario) => !only || scenario.name === 'baseline' || only.includes(scenario.name));
const unknown = only?.filter((name) => !scenarios.some((scenario) => scenario.name === name)) ?? [];
if (unknown.length > 0) {
  process.stderr.write(`bench: --only names unknown scenarios: ${unknown.join(', ')}\n`);
  process.exit(2);
}
const results = [];
for (const scenario of scenarios) {
  progress(`${scenario.name}: ${scenario.shown}`);
  const result = runScenario(scenario, counts);
  if (result.medianMs === undefined && result.note) progress(`  ${result.note}`);
  results.push(result);
}
removeSideFile();
emptySetAside(workspace);

const report = {
  machine: {
    cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((value) => value.toFixed(2)).join(' '),
  },
  archive: { issues, seed, items: issues * 5, folder: workspace.publication, reused: workspace.reused, feedBytes: workspace.feedBytes },
  counts,
  results,
  hugo: hugoRatio(results),
};
process.stdout.write(values.json ? formatJson(report) : formatTable(report));

/**
 * @param {string} name
 * @param {string | undefined} text
 * @param {number} min
 * @returns {number}
 */
function wholeNumber(name, text, min) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    process.stderr.write(`bench: --${name} expects a whole number >= ${min}, got "${text}"\n`);
    process.exit(2);
  }
  return value;
}
