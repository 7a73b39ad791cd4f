import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { addOutlets } from './add-outlets.js';
import { candidateSources, draftCandidate } from './draft-candidate.js';
import type { OutletEntry } from './outlet-entry.js';
import type { StoryPlan } from './plan-stories.js';
import { rewriteCandidate, writeCandidate } from './write-candidate.js';

/** What a run did with one story. */
export interface StoryReport {
  headline: string;
  /** Every outlet that reported it, those known before included, in date order. */
  outlets: string[];
  /** The day of its first report, `YYYY-MM-DD`, when known. */
  date: string | undefined;
  /** drafted: a new candidate; added: new outlets in a candidate already drafted; also reported: already in an issue, skipped. */
  action: 'drafted' | 'added' | 'also reported';
  /** The candidate written or grown, or the issue's item; relative to the root (undefined in a dry run's new drafts). */
  file: string | undefined;
  /** The issue that holds it, for `also reported`. */
  issue: number | undefined;
  /** Outlets this run found it in. */
  found: string[];
}

/** A story and the reports of this run behind it (for the per-feed counts). */
export interface StoryOutcome {
  story: StoryReport;
  reports: OutletEntry[];
}

export interface StoryWriting {
  root: string;
  config: Config;
  now: Date;
  dryRun: boolean;
}

/** Carry out the plans: draft new candidates, grow the known ones, note the stories already in an issue. */
export async function writeStories(plans: StoryPlan[], writing: StoryWriting): Promise<StoryOutcome[]> {
  const outcomes: StoryOutcome[] = [];
  for (const plan of plans) outcomes.push({ story: await writeStory(plan, writing), reports: plan.reports });
  return outcomes;
}

async function writeStory(plan: StoryPlan, writing: StoryWriting): Promise<StoryReport> {
  const found = plan.reports.map((report) => report.source.name);
  if (plan.kind === 'in issue') {
    const { story } = plan;
    return { ...storyFacts(story.headline, story.sources), action: 'also reported', file: story.file, issue: story.issue, found };
  }
  if (plan.kind === 'add') {
    const added = candidateSources(plan.reports, writing.now, []);
    const text = await readFile(path.join(writing.root, plan.story.file), 'utf8').catch(() => undefined);
    const grown = text === undefined ? undefined : addOutlets(plan.story.file, text, added);
    if (grown !== undefined) {
      if (!writing.dryRun) await rewriteCandidate(writing.root, plan.story.file, grown);
      return { ...storyFacts(plan.story.headline, [...plan.story.sources, ...added]), action: 'added', file: plan.story.file, issue: undefined, found };
    }
  }
  const candidate = draftCandidate(plan.reports, { config: writing.config, now: writing.now });
  const file = writing.dryRun ? undefined : await writeCandidate(writing.root, candidate);
  return { ...storyFacts(candidate.headline, candidateSources(plan.reports, writing.now, [])), action: 'drafted', file, issue: undefined, found };
}

function storyFacts(headline: string, sources: { publication: string; date?: string | undefined }[]): { headline: string; outlets: string[]; date: string | undefined } {
  const dated = [...sources].sort((a, b) => compare(a.date ?? '9999', b.date ?? '9999'));
  return { headline, outlets: [...new Set(dated.map((source) => source.publication))], date: dated.find((source) => source.date)?.date };
}

/** Most outlets first, then the newest, then by headline: the order the editor reads them in. */
export function rankStories(stories: StoryReport[]): StoryReport[] {
  return [...stories].sort((a, b) => b.outlets.length - a.outlets.length || compare(b.date ?? '', a.date ?? '') || compare(a.headline, b.headline));
}

/** Code-point order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
