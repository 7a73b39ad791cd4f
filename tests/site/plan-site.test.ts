import { describe, expect, it } from 'vitest';
import { loadPublication } from '../../src/content/index.js';
import { MonitorError } from '../../src/core/errors.js';
import { composeIssues } from '../../src/compose/index.js';
import type { ComposedIssue, IssueOutline } from '../../src/compose/types.js';
import { createRenderer, readTemplates } from '../../src/render/index.js';
import { itemLede } from '../../src/render/search-text.js';
import { planFiles, planSite, type PlannedFile } from '../../src/site/index.js';
import { issueKeys } from '../../src/site/issue-keys.js';
import { planComposed } from '../../src/site/plan-site.js';
import { issueFile, itemFile, writePublication } from '../helpers/sample-publication.js';

/** Published issues 1-3 and draft 4. */
async function publication() {
  const root = await writePublication({
    'issues/3/issue.md': issueFile(3, '2020-01-20'),
    'issues/3/01-third.md': itemFile('Third week', { categories: '[Russia]' }),
    'issues/4/issue.md': issueFile(4, '2020-01-27').replace('status: published', 'status: draft'),
    'issues/4/01-draft.md': itemFile('A draft', { categories: '[China]' }),
  });
  return (await loadPublication(root)).publication;
}

const numbers = (plan: ReturnType<typeof planSite>) => plan.issues.map(({ issue }) => issue.number);

describe('planSite', () => {
  it('writes every published issue and leaves drafts out by default', async () => {
    const plan = planSite(await publication());
    expect(numbers(plan)).toEqual([3, 2, 1]);
    expect(plan.site.issues.map((issue) => issue.number)).toEqual([3, 2, 1]);
    expect(plan.keepPrevious).toBe(false);
  });

  it('with drafts, writes the draft\'s own page but keeps it out of the site that the archive, categories and feeds list', async () => {
    const plan = planSite(await publication(), { drafts: true });
    expect(numbers(plan)).toEqual([4, 3, 2, 1]);
    expect(plan.site.issues.map((issue) => issue.number)).toEqual([3, 2, 1]);
    expect(plan.site.categories.flatMap((page) => page.entries.map((entry) => entry.issue.number))).not.toContain(4);
    const third = plan.issues.find(({ issue }) => issue.number === 3)!;
    expect(third.issue.next).toBeUndefined();
    const draft = plan.issues.find(({ issue }) => issue.number === 4)!;
    expect(draft.issue.previous?.number).toBe(3);
  });

  it('with --issue, writes that issue and its neighbours over a copy of the previous output', async () => {
    const plan = planSite(await publication(), { issue: 2 });
    expect(numbers(plan)).toEqual([3, 2, 1]);
    expect(plan.keepPrevious).toBe(true);
    expect(numbers(planSite(await publication(), { issue: 3 }))).toEqual([3, 2]);
  });

  it('with --issue naming a draft, writes only the draft, without --drafts', async () => {
    const plan = planSite(await publication(), { issue: 4 });
    expect(numbers(plan)).toEqual([4]);
    expect(plan.site.issues.map((issue) => issue.number)).toEqual([3, 2, 1]);
  });

  it('names the issues there are when --issue names none of them', async () => {
    const pub = await publication();
    expect(() => planSite(pub, { issue: 9 })).toThrow(MonitorError);
    expect(() => planSite(pub, { issue: 9 })).toThrow('there is no issue 9 (no folder issues/9/); the issues are 1, 2, 3, 4');
  });
});

describe('an issue outline (what a build keeps of an issue it does not read again)', () => {
  it('is listed and linked like the issue, but rendering its page or carrying it in a feed is refused by name', async () => {
    const composed = composeIssues(await publication());
    const outlined = { ...composed, issues: composed.issues.map((issue) => (issue.number === 1 ? outlineOf(issue) : issue)) };
    const plan = planComposed(outlined);
    const templates = await readTemplates(process.cwd());
    const renderer = createRenderer(templates, { publication: plan.site.publication });
    const planned = new Map<string, PlannedFile>();
    const planAll = () => {
      for (const file of planFiles(plan, renderer, templates, issueKeys(planComposed(composed)).keys)) planned.set(file.path, file);
    };
    // Issue 1 is among the newest: the feeds carry its text, which an outline does not hold.
    expect(planAll).toThrow(MonitorError);
    expect(planAll).toThrow(/render issue 1 from its outline/);
    expect(planned.get('index.html')!.render()).toContain('Budget talks stall in the Duma');
    expect(plan.issues.find(({ issue }) => issue.number === 2)!.issue.previous?.number).toBe(1);
    expect(planned.get('issues/2/index.html')!.render()).toContain('Moscow backs breathing room for Pyongyang');
    expect(() => planned.get('issues/1/index.html')!.render()).toThrow(/render issue 1 from its outline/);
  });
});

/** What the issue memo keeps of an issue. */
function outlineOf(issue: ComposedIssue): IssueOutline {
  const { number, title, date, dateText, year, authors, authorsText, status, categories, categoriesText, preheader, subject, hasSections, path, url, copyright } = issue;
  const items = issue.items.map((item) => ({ anchor: item.anchor, headline: item.headline, headlineCaps: item.headlineCaps, categories: item.categories, lede: itemLede(item, 'en') }));
  return { number, title, date, dateText, year, authors, authorsText, status, categories, categoriesText, preheader, subject, items, hasSections, path, url, copyright, previous: undefined, next: undefined };
}
