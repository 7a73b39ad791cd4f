import type { Report } from '../src/ingest/group-stories.js';

/** `count` synthetic feed entries as reports, from about count / 2.5 stories; the same for the same seed. */
export function syntheticReports(count: number, seed: number): { reports: Report[]; stories: number };

/** The bench's grouping work: group the synthetic entries and print their counts. */
export function groupSynthetic(args: string[]): Promise<number>;
