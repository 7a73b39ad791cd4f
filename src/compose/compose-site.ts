import type { Publication } from '../content/types.js';
import { composeIssue } from './compose-issue.js';
import type { CategoryPage, ComposedIssue, ComposedSite, PublicationInfo } from './types.js';

export interface ComposeOptions {
  /** Include draft issues (for preview builds). Drafts never enter feeds regardless. */
  drafts?: boolean;
}

/** Compose the whole site: every issue (newest first) with previous/next links, and the category pages. */
export function composeSite(publication: Publication, options: ComposeOptions = {}): ComposedSite {
  const included = publication.issues.filter((issue) => options.drafts || issue.status === 'published');
  const issues = included
    .map((issue, index) => composeIssue(publication, issue, { previous: included[index - 1], next: included[index + 1] }))
    .reverse();
  const order = publication.config.categories;
  const categories = categoryPages(issues).sort((a, b) => rank(order, a.category.name) - rank(order, b.category.name));
  return { publication: publicationInfo(publication), issues, categories };
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

function rank(order: string[], name: string): number {
  const index = order.indexOf(name);
  return index < 0 ? order.length : index;
}

function categoryPages(issuesNewestFirst: ComposedIssue[]): CategoryPage[] {
  const pages = new Map<string, CategoryPage>();
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
