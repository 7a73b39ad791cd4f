/** The render model: plain data that templates turn into email, text, web pages and feeds. No markup here. */

/** One cited story, as it appears in a citation. */
export interface CitationPart {
  publication: string;
  /** periodical: shown in italics; wire: roman. */
  style: 'periodical' | 'wire';
  /** `YYYY-MM-DD`. */
  date: string;
  /** `December 17, 2019`. */
  dateText: string;
  /** Link to the story, when the editor gave one. */
  url: string | undefined;
}

/** The parenthesised source line after an item's last paragraph. */
export interface Citation {
  parts: CitationPart[];
  /** `The Moscow Times, December 17, 2019; Reuters, December 29, 2019` (no markup, no parentheses). */
  text: string;
  /** The same with periodicals marked `*like this*`, as in the plain-text email. */
  markdown: string;
}

/** A category with the slug of its page, dist/categories/<slug>/. */
export interface CategoryLink {
  name: string;
  slug: string;
}

/** What listings show of an item, and where it is filed: its anchor, headline and categories. */
export interface ItemOutline {
  /** Stable anchor id within the issue page (from the file name's slug). */
  anchor: string;
  /** Headline in normal case. */
  headline: string;
  /** Headline in capitals, as house style shows it. */
  headlineCaps: string;
  categories: CategoryLink[];
  /**
   * The body's first sentence as plain text, which category pages show: set only on an outline
   * (site/issue-memo.ts), whose body is not read; render takes it from the body otherwise
   * (render/search-text.ts: itemLede).
   */
  lede?: string | undefined;
}

/** One item of a composed issue. */
export interface ComposedItem extends ItemOutline {
  /** Markdown body, as the editor wrote it. */
  body: string;
  citation: Citation;
  /** Path of the item's file, relative to the publication root. */
  file: string;
}

/** A headed group of items; `title` is undefined for the items that belong to no section. */
export interface ComposedSection {
  id: string | undefined;
  title: string | undefined;
  items: ComposedItem[];
}

/** A link to another issue (previous/next navigation). */
export interface IssueLink {
  number: number;
  dateText: string;
  /** Path relative to the site root, such as `issues/2359/`. */
  path: string;
  /** Absolute URL. */
  url: string;
}

/**
 * What archive pages, category pages, feeds' choice of issues and the neighbours' links need of an issue:
 * all of a composed issue but its note, its sections and its items' bodies, citations and files. A build
 * keeps the outlines of unchanged issues (site/issue-memo.ts) instead of reading them again; an outline is
 * never rendered on its own (see composedIssue).
 */
export interface IssueOutline {
  number: number;
  /** `Russia Reform Monitor No. 2359`. */
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** `January 13, 2020`. */
  dateText: string;
  year: number;
  authors: string[];
  /** `A`, `A and B`, `A, B and C`. */
  authorsText: string;
  status: 'draft' | 'published';
  /** Related Categories in config order. */
  categories: CategoryLink[];
  /** `A; B; C`. */
  categoriesText: string;
  /** Email preview line. */
  preheader: string;
  /** Email subject line. */
  subject: string;
  /** All items in display order (sections flattened). */
  items: ItemOutline[];
  /** True when at least one section has a title. */
  hasSections: boolean;
  /** Path relative to the site root: `issues/<N>/`. */
  path: string;
  /** Absolute URL of the web version. */
  url: string;
  /** Copyright line with the issue's year. */
  copyright: string;
  previous: IssueLink | undefined;
  next: IssueLink | undefined;
}

/** An issue ready to render. */
export interface ComposedIssue extends IssueOutline {
  /** Editor's note, Markdown; empty when none. */
  note: string;
  /** Sections in config order, then the items without one. A single untitled section when none are used. */
  sections: ComposedSection[];
  items: ComposedItem[];
}

/** The publication's own details, shared by every page, email and feed. */
export interface PublicationInfo {
  title: string;
  publisher: string;
  description: string;
  language: string;
  /** Absolute, ends with `/`. */
  baseUrl: string;
  email: { from: string; replyTo: string | undefined; unsubscribeUrl: string | undefined };
}

/** Every item of one category across the archive, newest issue first. */
export interface CategoryPage<Issue extends IssueOutline = ComposedIssue> {
  category: CategoryLink;
  entries: Array<{ issue: Issue; item: Issue['items'][number] }>;
}

/**
 * The whole site to render. A build's site may hold outlines of the issues it does not render
 * (`ComposedSite<IssueOutline>`); every other site holds composed issues.
 */
export interface ComposedSite<Issue extends IssueOutline = ComposedIssue> {
  publication: PublicationInfo;
  /** Issues newest first (published only, unless drafts were asked for). */
  issues: Issue[];
  /** Categories in config order that have at least one item. */
  categories: Array<CategoryPage<Issue>>;
}
