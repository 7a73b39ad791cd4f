/**
 * The bench's output: a plain-text table for people, or one JSON document for machines.
 */

/** @typedef {import('./timing.js').Result} Result */

/**
 * @typedef {object} Report
 * @property {Record<string, unknown>} machine
 * @property {Record<string, unknown>} archive
 * @property {{ runs: number, warmups: number, timeoutMs: number }} counts
 * @property {Result[]} results
 * @property {{ buildColdOverHugo: number | undefined, target: number }} hugo
 */

/**
 * @param {Result[]} results
 * @returns {Report['hugo']}
 */
export function hugoRatio(results) {
  const cold = results.find((row) => row.scenario === 'build cold');
  const hugo = results.find((row) => row.scenario === 'hugo');
  const usable = cold?.status !== 'n/a' && cold?.medianMs !== undefined && hugo?.medianMs !== undefined && hugo.status !== 'n/a';
  return { buildColdOverHugo: usable ? /** @type {number} */ (cold?.medianMs) / /** @type {number} */ (hugo?.medianMs) : undefined, target: 0.65 };
}

/**
 * @param {Report} report
 * @returns {string}
 */
export function formatJson(report) {
  return `${JSON.stringify(report, (_key, value) => (value === undefined ? null : value), 2)}\n`;
}

/**
 * @param {Report} report
 * @returns {string}
 */
export function formatTable(report) {
  const baseline = report.results.find((row) => row.scenario === 'baseline')?.medianMs;
  const header = ['scenario', 'median', 'min', 'max', 'peak memory', 'target', 'result', 'x node'];
  const rows = report.results.map((row) => [
    row.scenario,
    row.exceededMs !== undefined && row.medianMs === undefined ? `> ${row.exceededMs / 1000} s` : seconds(row.medianMs),
    seconds(row.minMs),
    seconds(row.maxMs),
    row.peakRssMb === undefined ? '-' : `${Math.round(row.peakRssMb)} MB`,
    target(row),
    row.status,
    baseline && row.medianMs !== undefined ? `${(row.medianMs / baseline).toFixed(1)}` : '-',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (/** @type {string[]} */ cells) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const notes = report.results.filter((row) => row.note).map((row) => `  ${row.scenario}: ${row.note}`);
  const { buildColdOverHugo, target: ratioTarget } = report.hugo;
  const ratio = buildColdOverHugo === undefined
    ? 'monitor build cold / hugo: n/a (needs both rows measured)'
    : `monitor build cold / hugo: ${buildColdOverHugo.toFixed(2)} (target <= ${ratioTarget}) ${buildColdOverHugo <= ratioTarget ? 'pass' : 'fail'}`;
  return [
    `monitor bench: ${report.archive.issues} issues (seed ${report.archive.seed}), ${report.counts.warmups} warm-up + ${report.counts.runs} measured runs per scenario, whole-process wall time`,
    `machine: ${report.machine.cpus} x ${report.machine.cpuModel}, Node ${report.machine.node}, load average ${report.machine.loadAverage}`,
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    ratio,
    ...(notes.length > 0 ? ['', 'notes:', ...notes] : []),
    '',
  ].join('\n');
}

/**
 * @param {number | undefined} ms
 * @returns {string}
 */
function seconds(ms) {
  return ms === undefined ? '-' : `${(ms / 1000).toFixed(3)} s`;
}

/**
 * @param {Result} row
 * @returns {string}
 */
function target(row) {
  if (row.targetMs === undefined) return '-';
  const time = `<= ${row.targetMs / 1000} s`;
  return row.targetRssMb === undefined ? time : `${time}, <= ${row.targetRssMb} MB`;
}
