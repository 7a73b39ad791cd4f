/** One thing wrong (or worth a look) in an editor's files, with where to find it. */
export interface Problem {
  /** `error` fails the run; `warning` is reported and the run goes on. */
  severity: 'error' | 'warning';
  /** Path of the file, relative to the publication root where possible. */
  file: string;
  /** 1-based line; 0 when the problem concerns the file as a whole. */
  line: number;
  /** 1-based column; 0 when unknown. */
  column: number;
  /** Dotted field path inside the file, such as `sources.1.date`; empty for the whole file. */
  path: string;
  /** What is wrong and what to do about it. */
  message: string;
}

/** Where a problem is, without its severity and message. */
export type Place = Pick<Problem, 'file' | 'line' | 'column' | 'path'>;

export function error(place: Place, message: string): Problem {
  return { severity: 'error', file: place.file, line: place.line, column: place.column, path: place.path, message };
}

export function warning(place: Place, message: string): Problem {
  return { ...error(place, message), severity: 'warning' };
}

/** A problem with a file as a whole is reported at its first line, where an editor starts looking. */
export function wholeFile(file: string): Place {
  return { file, line: 1, column: 1, path: '' };
}

/** `file:line:column` (as far as known), the way editors and terminals link to a place. */
export function formatPlace(place: Place): string {
  if (place.line <= 0) return place.file;
  return place.column > 0 ? `${place.file}:${place.line}:${place.column}` : `${place.file}:${place.line}`;
}

/**
 * One line per problem: `file:line:col: error: [field:] message`. A top-level field is named before the
 * message; a nested one (`sources.0.date`) is named in the message itself, in the editor's words.
 */
export function formatProblem(problem: Problem): string {
  const field = /^[^.\d][^.]*$/.test(problem.path) ? ` ${problem.path}:` : '';
  return `${formatPlace(problem)}: ${problem.severity}:${field} ${problem.message}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file, 'en', { numeric: true }) || a.line - b.line || a.column - b.column,
  );
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
