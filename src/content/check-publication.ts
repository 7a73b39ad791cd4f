import { error, warning, wholeFile, type Place, type Problem } from '../core/problems.js';
import { addDays, today } from '../core/dates.js';
import { ordinal } from '../core/field-words.js';
import { closestName, didYouMean } from '../core/suggest.js';
import type { Config, Source } from '../config/schema.js';
import { checkTypedCitation } from './typed-citation.js';
import type { Issue, Item, Publication } from './types.js';

/** How many recent issues are searched for a story cited twice. */
export const RECENT_ISSUES_FOR_DUPLICATES = 10;

/**
 * Rules that span files: numbering and dates across issues, sections and categories against the config,
 * sources against feeds/sources.yaml, source dates against their issue. Pure; returns every problem.
 */
export function checkPublication(publication: Publication): Problem[] {
  const problems = checkNumbering(publication.issues);
  for (const issue of publication.issues) problems.push(...checkIssue(publication, issue));
  problems.push(...checkRepeatedStories(publication.issues.slice(-RECENT_ISSUES_FOR_DUPLICATES)));
  return problems;
}

/** The names items are checked against, worked out once per run rather than once per item. */
interface Vocabulary {
  sectionIds: string[];
  knownSections: Set<string>;
  categories: string[];
  knownCategories: Set<string>;
  sourceNames: string[];
  /** Source names in lower case: a citation matches its source whatever the case. */
  knownSources: Set<string>;
}

/** What an issue is checked against: the publication's config and sources. */
export interface IssueRules {
  config: Config;
  sources: Source[];
}

const vocabularies = new WeakMap<Config, WeakMap<Source[], Vocabulary>>();

function vocabularyOf({ config, sources }: IssueRules): Vocabulary {
  const bySources = vocabularies.get(config) ?? new WeakMap<Source[], Vocabulary>();
  vocabularies.set(config, bySources);
  let vocabulary = bySources.get(sources);
  if (!vocabulary) {
    const sectionIds = config.sections.map((section) => section.id);
    const sourceNames = sources.map((entry) => entry.name);
    vocabulary = {
      sectionIds, knownSections: new Set(sectionIds),
      categories: config.categories, knownCategories: new Set(config.categories),
      sourceNames, knownSources: new Set(sourceNames.map((name) => name.toLowerCase())),
    };
    bySources.set(sources, vocabulary);
  }
  return vocabulary;
}

/** What the numbering rules look at of an issue. */
export type NumberedIssue = Pick<Issue, 'number' | 'folder' | 'date' | 'file' | 'locate'>;

/** Numbers match folders and are unique; dates do not go backwards; a gap in the numbers is a warning. Issues by number. */
export function checkNumbering(issues: NumberedIssue[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<number, NumberedIssue>();
  issues.forEach((issue, index) => {
    if (String(issue.number) !== String(Number(issue.folder))) {
      problems.push(error(issue.locate(['number']), `number ${issue.number} does not match its folder issues/${issue.folder}; make them equal`));
    }
    const twin = seen.get(issue.number);
    if (twin) problems.push(error(issue.locate(['number']), `issue number ${issue.number} is also used by ${twin.file}; numbers are unique`));
    seen.set(issue.number, issue);
    const previous = issues[index - 1];
    if (!previous) return;
    if (issue.date < previous.date) {
      problems.push(error(issue.locate(['date']), `date ${issue.date} is before ${previous.date}, the date of issue ${previous.number}; issue dates do not go backwards as numbers rise`));
    }
    if (issue.number > previous.number + 1) {
      const missing = issue.number - previous.number - 1;
      problems.push(warning(issue.locate(['number']), `numbering jumps from ${previous.number} to ${issue.number} (${missing} missing)`));
    }
  });
  return problems;
}

/** The rules of one issue and its items against the config and sources. */
export function checkIssue(rules: IssueRules, issue: Issue): Problem[] {
  const vocabulary = vocabularyOf(rules);
  const problems: Problem[] = [];
  issue.categories?.forEach((name, index) => {
    if (!vocabulary.knownCategories.has(name)) problems.push(unknownCategory(issue.locate(['categories', index]), name, vocabulary.categories));
  });
  if (issue.status === 'published') problems.push(...checkFutureDate(issue));
  if (issue.status === 'published' && issue.items.length === 0) {
    problems.push(error(issue.locate(['status']), 'a published issue needs at least one item; add item files or set status: draft'));
  }
  const { items } = issue;
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const twin = items[index - 1];
    if (twin && twin.order === item.order) {
      problems.push(warning(wholeFile(item.file), `shares its order prefix with ${twin.file}; give each item its own number`));
    }
    checkItem(vocabulary, issue.date, item, problems);
  }
  return problems;
}

/** How far ahead a published issue may be dated before the date looks like a typo (2030 for 2020). */
export const DAYS_AHEAD_ALLOWED = 30;

function checkFutureDate(issue: Issue): Problem[] {
  const now = today();
  if (issue.date <= addDays(now, DAYS_AHEAD_ALLOWED)) return [];
  const message = `${issue.date} is more than ${DAYS_AHEAD_ALLOWED} days after today (${now}); is the year right? Correct it, or set status: draft until the issue goes out`;
  return [warning(issue.locate(['date']), message)];
}

/**
 * The rules of items whose issue.md does not read (its problems are reported on their own), against the
 * config and sources: a bad issue date does not hide a misspelled category. Source dates are not
 * compared, as the issue's date is unknown.
 */
export function checkStrayItems(rules: IssueRules, items: Item[]): Problem[] {
  const vocabulary = vocabularyOf(rules);
  const problems: Problem[] = [];
  for (const item of items) checkItem(vocabulary, undefined, item, problems);
  return problems;
}

function checkItem(vocabulary: Vocabulary, issueDate: string | undefined, item: Item, problems: Problem[]): void {
  const { sectionIds, categories, sourceNames } = vocabulary;
  problems.push(...checkTypedCitation(item));
  if (item.section !== undefined && !vocabulary.knownSections.has(item.section)) {
    const known = sectionIds.length > 0 ? `${didYouMean(item.section, sectionIds)} Sections: ${sectionIds.join(', ')}.` : ' No sections are configured in monitor.config.yaml.';
    problems.push(error(item.locate(['section']), `unknown section "${item.section}".${known}`));
  }
  item.categories.forEach((name, index) => {
    if (!vocabulary.knownCategories.has(name)) problems.push(unknownCategory(item.locate(['categories', index]), name, categories));
  });
  item.sources.forEach((source, index) => {
    if (issueDate !== undefined && source.date > issueDate) {
      const message = `the date of the ${ordinal(index)} source, ${source.date}, is after the issue's date ${issueDate}; a story cannot be cited before it appears`;
      problems.push(error(item.locate(['sources', index, 'date']), message));
    }
    if (!vocabulary.knownSources.has(source.publication.toLowerCase())) {
      const closest = closestName(source.publication, sourceNames);
      const hint = closest ? ` Did you mean "${closest}"?` : ' Add it to feeds/sources.yaml so its citation is styled right.';
      problems.push(warning(item.locate(['sources', index, 'publication']), `publication "${source.publication}" is not in feeds/sources.yaml.${hint}`));
    }
  });
}

function unknownCategory(place: Place, name: string, categories: string[]): Problem {
  const hint = didYouMean(name, categories) || ` Categories in monitor.config.yaml: ${categories.join('; ')}.`;
  return error(place, `unknown category "${name}".${hint}`);
}

/** The same story URL cited in two items of recent issues is likely a repeat. */
export function checkRepeatedStories(recentIssues: Issue[]): Problem[] {
  const firstCitation = new Map<string, Item>();
  const problems: Problem[] = [];
  for (const issue of recentIssues) {
    for (const item of issue.items) {
      item.sources.forEach((source, index) => {
        if (!source.url) return;
        const key = normaliseStoryUrl(source.url);
        const earlier = firstCitation.get(key);
        if (earlier && earlier !== item) {
          problems.push(warning(item.locate(['sources', index, 'url']), `this story is also cited in ${earlier.file}; is it the same news twice?`));
        } else if (!earlier) {
          firstCitation.set(key, item);
        }
      });
    }
  }
  return problems;
}

/** Compare story URLs without scheme, `www.`, tracking parameters, fragment or trailing slash. */
export function normaliseStoryUrl(url: string): string {
  const parsed = new URL(url);
  for (const name of [...parsed.searchParams.keys()]) {
    if (/^(utm_|fbclid$|gclid$|mc_|yclid$)/i.test(name)) parsed.searchParams.delete(name);
  }
  parsed.hash = '';
  const host = parsed.hostname.replace(/^www\./, '');
  const pathname = parsed.pathname.replace(/\/+$/, '');
  return `${host}${pathname}${parsed.search}`;
}
