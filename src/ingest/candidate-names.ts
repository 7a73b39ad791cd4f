/**
 * A candidate's number in issues/candidates/: `03-` before its date, so the folder lists the stories most
 * reported first, as the ingest summary does.
 */
const RANK = /^\d+-(?=(?:\d{4}-\d{2}-\d{2}|undated)-)/;

/** A candidate's name without its number (`03-2024-03-05-grain.md` -> `2024-03-05-grain.md`): the same across runs. */
export function stableName(name: string): string {
  return name.replace(RANK, '');
}

/** Whether ingest numbers this file: its stable name is `<date>-<slug>.md` or `undated-<slug>.md`, as ingest writes them. */
export function isNumbered(name: string): boolean {
  return /^(?:\d{4}-\d{2}-\d{2}|undated)-.+\.md$/.test(stableName(name));
}

/** What a candidate is ranked by. */
export interface RankedCandidate {
  /** Its file name in issues/candidates/. */
  name: string;
  /** How many outlets reported it. */
  outlets: number;
  /** The day of its first source, `YYYY-MM-DD`; undefined when none is dated. */
  date: string | undefined;
}

/**
 * The name each candidate should have, `NN-<stable name>`: numbered from 01 by outlets (most first), then
 * date (newest first), then stable name, the order of the ingest summary. Only files `isNumbered` accepts.
 */
export function rankedNames(candidates: RankedCandidate[]): Map<string, string> {
  const ranked = candidates.filter((candidate) => isNumbered(candidate.name))
    .map((candidate) => ({ ...candidate, stable: stableName(candidate.name) }))
    .sort((a, b) => b.outlets - a.outlets || compare(b.date ?? '', a.date ?? '') || compare(a.stable, b.stable) || compare(a.name, b.name));
  const width = Math.max(2, String(ranked.length).length);
  return new Map(ranked.map((candidate, index) => [candidate.name, `${String(index + 1).padStart(width, '0')}-${candidate.stable}`]));
}

/** Code-point order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
