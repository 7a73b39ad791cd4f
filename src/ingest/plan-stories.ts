import { addDays } from '../core/dates.js';
import { groupStories, type Report } from './group-stories.js';
import { entryKey, storyUrlKey } from './identity.js';
import type { OutletEntry } from './outlet-entry.js';
import type { KnownStory } from './read-known-stories.js';

/** What to do with one story found in the feeds. */
export type StoryPlan =
  /** Draft a new candidate from its reports. */
  | { kind: 'new'; reports: OutletEntry[] }
  /** Add its reports' outlets to a candidate already drafted. */
  | { kind: 'add'; story: KnownStory; reports: OutletEntry[] }
  /** Already an item of an issue: say who else reported it, and draft nothing. */
  | { kind: 'in issue'; story: KnownStory; reports: OutletEntry[] };

/** Group the new reports with each other and with the stories already drafted or cited within the window. */
export function planStories(entries: OutletEntry[], known: KnownStory[], windowDays: number): StoryPlan[] {
  const days = entries.flatMap((report) => (report.entry.published ? [report.entry.published.day] : [])).sort();
  const nearby = days.length === 0 ? [] : known.filter((story) => story.sources.some((source) =>
    source.date !== undefined && source.date >= addDays(days[0]!, -windowDays) && source.date <= addDays(days.at(-1)!, windowDays)));
  const reports = [...entries.map(entryReport), ...nearby.map(knownReport)];
  return groupStories(reports, { windowDays }).flatMap((group): StoryPlan[] => {
    const fresh = group.filter((index) => index < entries.length).map((index) => entries[index]!);
    const story = group.find((index) => index >= entries.length);
    if (fresh.length === 0) return [];
    if (story === undefined) return [{ kind: 'new', reports: fresh }];
    const knownStory = nearby[story - entries.length]!;
    return [{ kind: knownStory.issue === undefined ? 'add' : 'in issue', story: knownStory, reports: fresh }];
  });
}

function entryReport(report: OutletEntry): Report {
  const { entry, source } = report;
  const url = entry.link ? storyUrlKey(entry.link) : undefined;
  return {
    key: `${source.name}\u0000${entryKey(entry, url)}`, outlets: [source.name], days: entry.published ? [entry.published.day] : [],
    urls: url ? [url] : [], links: report.links, title: report.headline, text: report.text, known: false,
  };
}

function knownReport(story: KnownStory): Report {
  return {
    key: `\u0001${story.file}`, outlets: [...new Set(story.sources.map((source) => source.publication))],
    days: story.sources.flatMap((source) => (source.date ? [source.date] : [])),
    urls: story.sources.flatMap((source) => (source.url ? [storyUrlKey(source.url)] : [])),
    links: [], title: story.headline, text: story.text, known: true,
  };
}
