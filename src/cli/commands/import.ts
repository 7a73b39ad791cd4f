import { formatProblem } from '../../core/problems.js';
import { printable } from '../../core/printable.js';
import { importFailed, importIssues, type ImportResult, type ImportSummary } from '../../import/import-issues.js';
import type { CommandIO } from '../io.js';

interface ImportCommandOptions {
  dryRun?: boolean;
  status?: 'draft' | 'published';
  addMissing?: boolean;
  json?: boolean;
}

/** `monitor import <file|folder>...`: published back issues become issue folders and items. */
export async function run([inputs]: unknown[], options: ImportCommandOptions, io: CommandIO): Promise<number> {
  const summary = await importIssues(io.root, inputs as string[], {
    cwd: process.cwd(), dryRun: options.dryRun, status: options.status, addMissing: options.addMissing,
    onProgress: progress(io),
  });
  if (options.json) io.out(`${JSON.stringify(summary, null, 2)}\n`);
  else report(summary, Boolean(options.dryRun), io);
  return importFailed(summary) ? 1 : 0;
}

/** A progress line on a terminal (rewritten in place), else a line every hundred files. */
function progress(io: CommandIO): (done: number, total: number) => void {
  return (done, total) => {
    if (total < 20) return;
    if (io.isTTY) io.err(`\rimporting ${done}/${total}${done === total ? '\n' : ''}`);
    else if (done % 100 === 0 || done === total) io.err(`imported ${done} of ${total} files\n`);
  };
}

function report(summary: ImportSummary, dryRun: boolean, io: CommandIO): void {
  if (dryRun) {
    for (const result of summary.results) for (const file of result.files) io.out(`==> ${file.path} <==\n${file.text}\n`);
  }
  const rows = summary.results.map((result) => [place(result), result.number === undefined ? '-' : String(result.number), outcome(result, dryRun)]);
  io.out(table([['INPUT', 'ISSUE', 'RESULT'], ...rows.map((row) => row.map(printable))]));
  for (const name of summary.unknown) {
    const closest = name.closest ? `the closest known is "${name.closest}"` : 'no known name is close';
    io.err(`unknown ${name.kind} "${printable(name.name)}": ${closest}\n`);
  }
  for (const name of summary.added) io.err(`added ${name.kind} "${name.name}" to ${name.kind === 'category' ? 'monitor.config.yaml' : 'feeds/sources.yaml'}\n`);
  for (const note of summary.notes) io.err(`note: ${printable(note)}\n`);
  for (const problem of summary.problems) io.err(`${formatProblem(problem)}\n`);
  const imported = summary.results.filter((result) => result.status === 'imported').length;
  const skipped = summary.results.length - imported;
  io.out(`${imported} ${imported === 1 ? 'issue' : 'issues'} ${dryRun ? 'would be imported' : 'imported'}, ${skipped} skipped\n`);
}

function place(result: ImportResult): string {
  return result.status === 'skipped' && result.line !== undefined ? `${result.input}:${result.line}` : result.input;
}

function outcome(result: ImportResult, dryRun: boolean): string {
  if (result.status === 'skipped') return `skipped: ${result.reason}`;
  const items = result.files.length - 1;
  return `${dryRun ? 'would import' : 'imported'} issues/${result.number}/ (${items} ${items === 1 ? 'item' : 'items'})`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.slice(0, -1).map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column < widths.length ? cell.padEnd(widths[column]!) : cell)).join('  ')).join('\n') + '\n';
}
