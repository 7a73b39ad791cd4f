import type { Publication } from '../content/types.js';
import { composeIssue } from './compose-issue.js';
import { MonitorError } from '../core/errors.js';
import type { CategoryPage, ComposedIssue, ComposedSite, IssueLink, IssueOutline, PublicationInfo } from './types.js';

export interface ComposeOptions {
  /** Include draft issues (for preview builds). Drafts never enter feeds regardless. */
  drafts?: boolean;
}

/**
 * What a site is assembled from: the publication's details and its issues, each composed on its own
 * (oldest first, without previous/next links, drafts included). A build may take some of them from its
 * cache rather than compose them again (site/issue-memo.ts).
 */
export interface ComposedIssues<Issue extends IssueOutline = ComposedIssue> {
  publication: PublicationInfo;
  /** The config's categories, in the order category pages are listed. */
  categoryOrder: string[];
  issues: Issue[];
}

/** Compose the whole site: every issue (newest first) with previous/next links, and the category pages. */
export function composeSite(publication: Publication, options: ComposeOptions = {}): ComposedSite {
  return assembleSite(composeIssues(publication), options);
}

/** Every issue of the publication composed on its own, oldest first. */
export function composeIssues(publication: Publication): ComposedIssues {
  return {
    publication: publicationInfo(publication),
    categoryOrder: publication.config.categories,
    issues: publication.issues.map((issue) => composeIssue(publication, issue)),
  };
}

/** The site of composed issues: the included ones newest first, each linked to its neighbours, and the category pages. */
export function assembleSite<Issue extends IssueOutline>(composed: ComposedIssues<Issue>, options: ComposeOptions = {}): ComposedSite<Issue> {
  const included = composed.issues.filter((issue) => options.drafts || issue.status === 'published');
  const issues = included
    .map((issue, index): Issue => ({ ...issue, previous: linkTo(included[index - 1]), next: linkTo(included[index + 1]) }))
    .reverse();
  const order = composed.categoryOrder;
  const categories = categoryPages(issues).sort((a, b) => rank(order, a.category.name) - rank(order, b.category.name));
  return { publication: composed.publication, issues, categories };
}

/** The publication's own details, as every format shows them. */
export function publicationInfo({ config }: Publication): PublicationInfo {
  return {
    title: config.title,
    publisher: config.publisher,
    description: config.description ?? '',
    language: config.language,
    baseUrl: config.baseUrl,
    email: { from: config.email.from, replyTo: config.email.replyTo, unsubscribeUrl: config.email.unsubscribeUrl },
  };
}

/** A previous/next link to `issue` (as composeIssue makes them from the issue's files). */
function linkTo(issue: IssueOutline | undefined): IssueLink | undefined {
  return issue && { number: issue.number, dateText: issue.dateText, path: issue.path, url: issue.url };
}

function rank(order: string[], name: string): number {
  const index = order.indexOf(name);
  return index < 0 ? order.length : index;
}

function categoryPages<Issue extends IssueOutline>(issuesNewestFirst: Issue[]): Array<CategoryPage<Issue>> {
  const pages = new Map<string, CategoryPage<Issue>>();
  for (const issue of issuesNewestFirst) {
    for (const item of issue.items) {
      for (const category of item.categories) {
        const page = pages.get(category.slug) ?? { category, entries: [] };
        page.entries.push({ issue, item });
        pages.set(category.slug, page);
      }
    }
  }
  return [...pages.values()];
}

/**
 * The issue itself, to render: a composed issue is, an outline (all a build kept of an issue it did not
 * read again) is not, and asking for one is a fault in monitor, not in the publication.
 */
export function composedIssue(issue: IssueOutline): ComposedIssue {
  if ('sections' in issue) return issue as ComposedIssue;
  throw new MonitorError(`monitor tried to render issue ${issue.number} from its outline, without reading its files; please report this; deleting the .monitor-cache folder and building again works around it`);
}
