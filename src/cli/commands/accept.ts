import { acceptCandidate } from '../../ingest/accept-candidate.js';
import { printable } from '../../core/printable.js';
import { formatProblem, hasErrors } from '../../core/problems.js';
import type { CommandIO } from '../io.js';

interface AcceptOptions {
  issue?: number;
}

/** `monitor accept <candidate> [--issue N]`: exit 1 when the new item has errors to fix. */
export async function run(args: unknown[], options: AcceptOptions, io: CommandIO): Promise<number> {
  const result = await acceptCandidate(io.root, String(args[0]), options.issue);
  io.out(`${result.item}\n`);
  if (result.resumed) io.err(`${result.candidate} had been accepted already as ${result.item} by an accept that was interrupted; removed the candidate\n`);
  else io.err(`accepted ${result.candidate} into issue ${result.issue} as ${result.item}\n`);
  for (const flag of result.flags) io.err(`${result.item}: warning: the ingester flagged this draft: ${printable(flag)}\n`);
  for (const problem of result.problems) io.err(`${formatProblem(problem)}\n`);
  if (hasErrors(result.problems)) {
    io.err(`fix the errors in ${result.item} before the issue can be built\n`);
    return 1;
  }
  return 0;
}
