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

/** One item of a composed issue. */
export interface ComposedItem {
  /** Stable anchor id within the issue page (from the file name's slug). */
  anchor: string;
  /** Headline in normal case. */
  headline: string;
  /** Headline in capitals, as house style shows it. */
  headlineCaps: string;
  /** Markdown body, as the editor wrote it. */
  body: string;
  categories: CategoryLink[];
  citation: Citation;
  /** Path of the item's file, relative to the publication root. */
  file: string;
  /**
   * The body's first sentence as plain text, set only on an outline (site/issue-memo.ts), whose body is
   * not read; render takes it from the body otherwise (render/search-text.ts).
   */
  lede?: string | undefined;
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

/** An issue ready to render. */
export interface ComposedIssue {
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
  /** Editor's note, Markdown; empty when none. */
  note: string;
  /** Sections in config order, then the items without one. A single untitled section when none are used. */
  sections: ComposedSection[];
  /** All items in display order (sections flattened). */
  items: ComposedItem[];
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
export interface CategoryPage {
  category: CategoryLink;
  entries: Array<{ issue: ComposedIssue; item: ComposedItem }>;
}

/** The whole site to render. */
export interface ComposedSite {
  publication: PublicationInfo;
  /** Issues newest first (published only, unless drafts were asked for). */
  issues: ComposedIssue[];
  /** Categories in config order that have at least one item. */
  categories: CategoryPage[];
}
