/** Pairs of reports, as groupStories scores and merges them. */

/** Two reports (indexes) that score as one story. */
export interface Pair {
  a: number;
  b: number;
  score: number;
}

/**
 * A report that links to another report's URL follows that story up: it is kept apart (`apart`, pair keys)
 * from that report and from every report that scores as the same story as it.
 */
export function withoutFollowUps(reports: { urls: string[]; links: string[] }[], pairs: Pair[]): { pairs: Pair[]; apart: Set<number> } {
  const byUrl = new Map<string, number>();
  reports.forEach((report, index) => report.urls.forEach((url) => byUrl.set(url, index)));
  const partners = new Map<number, number[]>();
  const partnersOf = (index: number) => partners.get(index) ?? partners.set(index, []).get(index)!;
  for (const { a, b } of pairs) {
    partnersOf(a).push(b);
    partnersOf(b).push(a);
  }
  const apart = new Set<number>();
  reports.forEach((report, index) => {
    for (const link of report.links) {
      const original = byUrl.get(link);
      if (original === undefined || original === index) continue;
      for (const other of [original, ...(partners.get(original) ?? [])]) if (other !== index) apart.add(pairKey(index, other));
    }
  });
  return { pairs: apart.size === 0 ? pairs : pairs.filter((pair) => !apart.has(pairKey(pair.a, pair.b))), apart };
}

/** Whether two short lists have an element in common (a loop: scorePair runs for tens of thousands of pairs). */
export function sharesAny(first: string[], second: string[]): boolean {
  for (const item of first) if (second.includes(item)) return true;
  return false;
}

/** The fewest days between a day of one and a day of the other; Infinity when either has none. */
export function daysApart(first: number[], second: number[]): number {
  let fewest = Infinity;
  for (const day of first) for (const other of second) fewest = Math.min(fewest, Math.abs(day - other));
  return fewest;
}

/** One number per unordered pair of indexes (below 2^26 reports, exact in a double). */
export function pairKey(a: number, b: number): number {
  return a < b ? a * 67_108_864 + b : b * 67_108_864 + a;
}
