import type { CategoryPage, ComposedIssue, ComposedSite, IssueOutline, ItemOutline } from '../compose/types.js';
import { createArchiveRenderer } from './archive-renderer.js';
import { authorLinks } from './archive-views.js';
import { createEmailRenderer } from './email/email-renderer.js';
import { categoryEntry, EntryKeys } from './listing.js';
import { archivePageViews, pageContext } from './pages.js';
import { ItemTokens } from './markdown.js';
import { itemLede } from './search-text.js';
import { EMAIL_TEMPLATE } from './email/email-renderer.js';
import { compileTemplates, siteFile, templateFile } from './template-set.js';
import { textIssueView, tidyText } from './text-view.js';
import type { Renderer, RendererOptions, TemplateSources } from './types.js';
import { IssueViews, siteView } from './views.js';

/** Plain-text lines wrap here unless the options say otherwise (house style: 72-78 columns). */
export const DEFAULT_TEXT_WIDTH = 72;

/** dist/style.css, shared by every web page, and its template. */
const STYLESHEET = 'style.css';
const STYLESHEET_TEMPLATE = 'web/style.css.hbs';

/**
 * Compile a template set once and return the renderer: pure functions from the render model to email
 * HTML, plain text and web pages. Every template is parsed up front, so a broken template fails here
 * with a MonitorError naming its file rather than halfway through a build.
 */
export function createRenderer(templates: TemplateSources, options: RendererOptions): Renderer {
  const set = compileTemplates(templates);
  const site = siteView(options.publication, options.standalone);
  const tokens = new ItemTokens();
  const views = new IssueViews(site.baseUrl, tokens);
  const width = Math.min(78, Math.max(40, options.textWidth ?? DEFAULT_TEXT_WIDTH));
  const html = (name: string, context: object) => set.render(name, context);
  const entryKeys = new EntryKeys();
  const file = (path: string, template: string, context: object, listed?: string[], more?: () => object) => siteFile(set, path, template, context, listed, more);
  const email = createEmailRenderer(set, { site, linkBase: site.baseUrl }, options.emailPath ?? 'fast', options.mjmlCache);

  return {
    archive: createArchiveRenderer(set, site),
    prepareEmail: () => email.prepare(),
    async emailWarnings() {
      const reason = await email.slowPathReason();
      if (reason === undefined) return [];
      const message = `every email is rendered through MJML, more slowly (with the same result), because ${reason}`;
      return [{ severity: 'warning', file: templateFile(EMAIL_TEMPLATE), line: 0, column: 0, path: '', message }];
    },
    email(issue: ComposedIssue) {
      return email.render({ site, issue: views.issue(issue), linkBase: site.baseUrl });
    },
    text(issue: ComposedIssue) {
      return tidyText(set.render('text.hbs', Object.assign({ site }, textIssueView(issue, width, tokens))));
    },
    issueContent(issue: ComposedIssue) {
      return html('web/content.hbs', { site, issue: views.issue(issue), linkBase: site.baseUrl }).trim();
    },
    issuePage(issue: ComposedIssue, _site: ComposedSite<IssueOutline>) {
      const view = views.issue(issue);
      const page = pageContext(site, {
        depth: 2, title: issue.title, description: issue.preheader, canonical: issue.url, type: 'article',
        copyright: issue.copyright, published: issue.date, noindex: view.isDraft,
      });
      return html('web/issue.hbs', { site, page, issue: view, authors: authorLinks(issue), linkBase: page.root });
    },
    archivePages(composed: ComposedSite<IssueOutline>) {
      return archivePageViews(site, composed).map(({ path, context }) =>
        file(path, 'web/archive.hbs', Object.assign({}, context, { linkBase: context.page.root })));
    },
    stylesheet() {
      return file(STYLESHEET, STYLESHEET_TEMPLATE, { site });
    },
    categoryPage(page: CategoryPage<IssueOutline>, composed: ComposedSite<IssueOutline>) {
      const category = views.category(page.category);
      const newest = composed.issues[0];
      const context = pageContext(site, {
        depth: 2, title: `${category.name} · ${site.title}`, description: `Every item on ${category.name} in ${site.title}, newest first.`,
        canonical: category.url, type: 'website', copyright: newest?.copyright, feed: `${category.url}feed.xml`,
      });
      const lede = (item: ItemOutline) => itemLede(item, site.language);
      const listed = page.entries.map((entry) => entryKeys.of(entry.issue, entry.item, lede(entry.item)));
      const entries = () => ({ entries: page.entries.map((entry) => Object.assign(categoryEntry(entry.issue, entry.item), { lede: lede(entry.item) })) });
      return file(`${category.path}index.html`, 'web/category.hbs', { site, page: context, category, linkBase: context.root }, listed, entries);
    },
  };
}
