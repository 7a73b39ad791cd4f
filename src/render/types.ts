import type { CategoryPage, ComposedIssue, ComposedSite, IssueOutline, PublicationInfo } from '../compose/types.js';
import type { ArchiveRenderer } from './archive-renderer.js';
import type { Problem } from '../core/problems.js';

/**
 * Template sources by name, such as `email.mjml.hbs`, `text.hbs`, `web/issue.hbs`, `partials/item.hbs`.
 * Read from disk by `readTemplates` (the publication's templates/ over the bundled defaults); render
 * itself never touches the disk.
 */
export type TemplateSources = ReadonlyMap<string, string>;

/**
 * A file of the site that is not an issue's own (the stylesheet, an archive or category page, a feed):
 * its key and the rendering of it. The key is made where the file's view is made, from all that the view
 * holds (besides the templates and monitor itself, which every file shares), so a build renders the
 * text only when the key changed, and a key cannot disagree with its page.
 */
export interface SiteFile {
  /** Path relative to the output folder, such as `index.html`, `page/2/index.html` or `feed.xml`. */
  path: string;
  key: string;
  render(): string;
}

/** Pure functions from the render model to text, built once per template set. */
export interface Renderer {
  /**
   * Load MJML and compile the email skeleton now rather than at the first `email()`. Optional to call;
   * a build calls it early so the load overlaps with reading the publication. Optional in the interface
   * so stand-in renderers (tests) need not have it.
   */
  prepareEmail?(): Promise<void>;
  /**
   * Once emails are prepared: a warning naming templates/email.mjml.hbs when it cannot take the fast email
   * path, saying why (every email is then rendered through MJML, with the same result, more slowly).
   * Optional for the same reason as prepareEmail.
   */
  emailWarnings?(): Promise<Problem[]>;
  /**
   * The issue as email HTML (Handlebars -> MJML -> HTML). A promise because MJML is loaded on first use and
   * `mjml2html` is async; rejects with a MonitorError naming the template when the MJML is invalid.
   */
  email(issue: ComposedIssue): Promise<string>;
  /** The issue as the plain-text alternative of the email. */
  text(issue: ComposedIssue): string;
  /** The issue's items as an HTML fragment (headings, bodies, citations), for feed entries' content. */
  issueContent(issue: ComposedIssue): string;
  /** The issue's web page, dist/issues/<N>/index.html. */
  issuePage(issue: ComposedIssue, site: ComposedSite<IssueOutline>): string;
  /** The paginated archive, newest first: index.html, page/2/index.html, ... */
  archivePages(site: ComposedSite<IssueOutline>): SiteFile[];
  /**
   * The web pages' one shared stylesheet, dist/style.css (web/style.css.hbs, by default the
   * `web-styles` partial); every page links it relatively through `page.root`.
   */
  stylesheet(): SiteFile;
  /** One category's page, dist/categories/<slug>/index.html. */
  categoryPage(page: CategoryPage<IssueOutline>, site: ComposedSite<IssueOutline>): SiteFile;
  /** The archive's finding aids: the list of categories, author pages, search page, 404 page, sitemap and robots.txt. */
  archive: ArchiveRenderer;
}

/** What createRenderer needs besides the templates. */
export interface RendererOptions {
  publication: PublicationInfo;
  /** Column at which the plain text wraps paragraphs (72 unless told; 60-78 makes sense). */
  textWidth?: number;
  /**
   * `fast` (the default): the MJML skeleton of the email template is compiled once and filled per issue,
   * byte for byte what `direct` gives, which runs MJML on every issue; a template that cannot be split
   * (no markers) is rendered directly either way.
   */
  emailPath?: 'fast' | 'direct';
  /** Web pages hold their CSS instead of linking the site's style.css: for one page printed on its own. */
  standalone?: boolean;
  /**
   * Where the HTML MJML made of the email's skeleton is remembered between runs (a build keeps it in
   * .monitor-cache): with it, a later run fills emails without loading MJML at all.
   */
  mjmlCache?: TextCache | undefined;
}

/**
 * Texts made from a key (MJML's HTML from MJML), kept between runs; the keeper of the cache also answers
 * for what else the text depends on (versions of packages). Only data: nothing read back is executed.
 */
export interface TextCache {
  get(key: string): string | undefined;
  set(key: string, text: string): void;
}
