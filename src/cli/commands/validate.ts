import { validatePublication } from '../../content/index.js';
import { checkTemplates } from '../../render/check-templates.js';
import { formatProblem, hasErrors, sortProblems, type Problem } from '../../core/problems.js';
import { buildContentCache } from '../content-cache-tool.js';
import type { CommandIO } from '../io.js';

interface ValidateOptions {
  json?: boolean;
}

export async function run(_args: unknown[], options: ValidateOptions, io: CommandIO): Promise<number> {
  // Files unchanged since the last validate or build are not parsed again: most of a long archive.
  const validated = await validatePublication(io.root, buildContentCache(io.root));
  const { issuesChecked } = validated;
  // A publication's own templates are checked here too, so that a build after a clean validate cannot fail on one.
  const problems = sortProblems([...validated.problems, ...(await checkTemplates(io.root))]);
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  if (options.json) {
    const entry = ({ file, line, column, path, message }: Problem) => ({ file, line, column, path, message });
    io.out(`${JSON.stringify({ errors: errors.map(entry), warnings: warnings.map(entry) }, null, 2)}\n`);
  } else {
    for (const problem of problems) io.err(`${formatProblem(problem)}\n`);
    io.out(`${summary(issuesChecked, errors.length, warnings.length)}\n`);
  }
  return hasErrors(problems) ? 1 : 0;
}

function summary(issueCount: number, errorCount: number, warningCount: number): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const verdict = errorCount > 0 ? 'not valid' : 'valid';
  return `${plural(issueCount, 'issue')} checked: ${verdict} (${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')})`;
}
