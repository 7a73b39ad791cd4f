import type {
  CategoryLink, ComposedIssue, ComposedItem, ComposedSection, PublicationInfo,
} from '../compose/types.js';
import { bodyToHtml, ItemTokens, markdownToHtml, type BodyHtml } from './markdown.js';

/** What every template sees as `site`: the publication with its absolute URLs. */
export interface SiteView extends PublicationInfo {
  /** Absolute URL of the archive's first page. */
  archiveUrl: string;
  feeds: { rss: string; atom: string; json: string };
  /** Pages carry their stylesheet inside them (a page printed on its own), instead of linking style.css. */
  standalone: boolean;
}

/** A category with the absolute URL of its page. */
export interface CategoryView extends CategoryLink {
  url: string;
  /** Path relative to the site root: `categories/<slug>/`. */
  path: string;
}

/** An item with its body as safe HTML, split so the citation closes the last paragraph. */
export interface ItemView extends ComposedItem, BodyHtml {
  /** Absolute URL of the item on its issue page. */
  url: string;
  categoryLinks: CategoryView[];
}

export interface SectionView extends Omit<ComposedSection, 'items'> {
  items: ItemView[];
}

/** An issue as the HTML templates see it. */
export interface IssueView extends Omit<ComposedIssue, 'sections' | 'items' | 'categories'> {
  sections: SectionView[];
  items: ItemView[];
  categories: CategoryView[];
  /** The editor's note as safe HTML; '' when none. */
  noteHtml: string;
  isDraft: boolean;
}

export function siteView(publication: PublicationInfo, standalone = false): SiteView {
  const url = (path: string) => new URL(path, publication.baseUrl).href;
  return {
    ...publication,
    archiveUrl: publication.baseUrl,
    feeds: { rss: url('feed.xml'), atom: url('atom.xml'), json: url('feed.json') },
    standalone,
  };
}

export function categoryView(category: CategoryLink, baseUrl: string): CategoryView {
  const path = `categories/${category.slug}/`;
  return { ...category, path, url: new URL(path, baseUrl).href };
}

/**
 * Builds the HTML views of issues, remembering each item's rendered body: an item appears on its issue
 * page, in its email, in the feeds and on every category page it belongs to, but is converted once.
 */
export class IssueViews {
  private readonly bodies = new WeakMap<ComposedItem, BodyHtml>();
  private readonly issues = new WeakMap<ComposedIssue, IssueView>();
  private readonly items = new WeakMap<ComposedItem, { issue: ComposedIssue; view: ItemView }>();
  private readonly categoryUrls = new Map<string, string>();

  /** `tokens`: where bodies are lexed, shared with the plain text of the same renderer. */
  constructor(
    private readonly baseUrl: string,
    private readonly tokens = new ItemTokens(),
  ) {}

  issue(issue: ComposedIssue): IssueView {
    const known = this.issues.get(issue);
    if (known) return known;
    // Object.assign rather than `{ ...issue, sections }`: V8 copies an object and then adds properties to
    // the copy on a slow path, several times slower than assigning into a fresh object (same keys, same order).
    const sections: SectionView[] = issue.sections.map((section) =>
      Object.assign({}, section, { items: section.items.map((item) => this.item(item, issue)) }),
    );
    const view: IssueView = Object.assign({}, issue, {
      sections,
      items: sections.flatMap((section) => section.items),
      categories: issue.categories.map((category) => this.category(category)),
      noteHtml: issue.note.trim() === '' ? '' : markdownToHtml(issue.note, issue.url).trim(),
      isDraft: issue.status === 'draft',
    });
    this.issues.set(issue, view);
    return view;
  }

  /** An item's view, made once: it is the same on its issue page, in its email and on its category pages. */
  item(item: ComposedItem, issue: ComposedIssue): ItemView {
    const known = this.items.get(item);
    if (known?.issue === issue) return known.view;
    let body = this.bodies.get(item);
    if (!body) {
      body = bodyToHtml(item.body, issue.url, this.tokens.of(item));
      this.bodies.set(item, body);
    }
    const view: ItemView = Object.assign({}, item, body, {
      url: `${issue.url}#${item.anchor}`,
      categoryLinks: item.categories.map((category) => this.category(category)),
    });
    this.items.set(item, { issue, view });
    return view;
  }

  /** A category's view; its URL is resolved once per slug, as every item in it links there. */
  category(category: CategoryLink): CategoryView {
    let url = this.categoryUrls.get(category.slug);
    if (url === undefined) {
      url = categoryView(category, this.baseUrl).url;
      this.categoryUrls.set(category.slug, url);
    }
    return Object.assign({}, category, { path: `categories/${category.slug}/`, url });
  }
}
