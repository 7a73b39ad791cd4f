import { ContentError, MonitorError } from '../../core/errors.js';
import { wholeFile, type Problem } from '../../core/problems.js';

/** What a failed build shows on the preview pages: every error with its file, line and field. */
export function buildProblems(error: unknown, log: (line: string) => void): Problem[] {
  if (error instanceof ContentError) {
    const errors = error.problems.filter((problem) => problem.severity === 'error');
    return errors.length > 0 ? errors : [{ ...wholeFile(''), severity: 'error', message: error.message }];
  }
  if (error instanceof MonitorError) {
    return [{ ...(error.place ?? wholeFile('')), severity: 'error', message: error.message }];
  }
  log(`unexpected failure while building; this is a bug:\n${(error as Error)?.stack ?? String(error)}`);
  return [{ ...wholeFile(''), severity: 'error', message: `unexpected failure: ${(error as Error)?.message ?? String(error)}` }];
}
