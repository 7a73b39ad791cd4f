import { formatProblem, type Place, type Problem } from './problems.js';

/**
 * The one error family of monitor. A MonitorError is a user error: the command line prints its message
 * (with its place, when known) and exits 1, without a stack trace. Anything else is a bug and shows a stack.
 */
export class MonitorError extends Error {
  /** Where the problem is, when it concerns a file. */
  readonly place: Place | undefined;

  constructor(message: string, options: { place?: Place; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'MonitorError';
    this.place = options.place;
  }

  /** The text the command line prints. */
  describe(): string {
    return this.place ? formatProblem({ severity: 'error', ...this.place, message: this.message }) : this.message;
  }
}

/** The publication's files have errors; `problems` lists every one found in the run. */
export class ContentError extends MonitorError {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const errors = problems.filter((problem) => problem.severity === 'error');
    super(`${errors.length} error${errors.length === 1 ? '' : 's'} in the publication`);
    this.name = 'ContentError';
    this.problems = problems;
  }

  override describe(): string {
    return [...this.problems.map(formatProblem), this.message].join('\n');
  }
}

/** A command-line usage error: exit code 2. */
export class UsageError extends MonitorError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
