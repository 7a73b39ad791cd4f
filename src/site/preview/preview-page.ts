import { formatPlace, type Problem } from '../../core/problems.js';
import { EVENTS_PATH } from './live-reload.js';
import type { PreviewTemplates } from './preview-templates.js';

/*
 * View models of the preview's own pages; the markup is in templates/preview/. Everything a template prints
 * with {{...}} is escaped there: problem messages carry file paths and the editor's own text.
 */

/** What the preview pages show besides the panes. */
export interface PreviewStatus {
  /** Completed build attempts; open pages reload when it changes. */
  version: number;
  /** Errors of the last build; undefined when it succeeded. */
  problems: Problem[] | undefined;
  /** Whether any build succeeded (there is something to show). */
  built: boolean;
  /** Issue numbers in the built output, newest first. */
  issues: number[];
}

/** One build error on a preview page. */
export interface ProblemView {
  /** `file:line:column` and the field path, those that are known. */
  place: string[];
  message: string;
}

/** What every preview page has: its title, the issue links, the build errors and the reload script's values. */
export interface PreviewPageView {
  title: string;
  /** Links to the issues' preview pages, newest first. */
  issues: Array<{ number: number; href: string }>;
  /** Undefined when the last build succeeded. */
  problems: ProblemView[] | undefined;
  reload: ReloadView;
}

/** The values the reload script needs. */
export interface ReloadView {
  /** The build version the page shows. */
  version: number;
  /** Where the server-sent events are. */
  eventsPath: string;
}

/** The proofing page of one issue: web page, email at 600 px and 375 px, plain text. */
export function issuePreviewPage(templates: PreviewTemplates, number: number, text: string | undefined, status: PreviewStatus): string {
  const view = { ...previewPageView(`Preview of issue ${number}`, status), number, base: `/issues/${number}/`, built: text !== undefined, text };
  return templates.render('issue', view);
}

/** The list of issues to preview. */
export function previewIndexPage(templates: PreviewTemplates, status: PreviewStatus): string {
  return templates.render('index', previewPageView('Preview', status));
}

/** The error banner added to the site's own pages while the last build failed. */
export function problemBanner(templates: PreviewTemplates, problems: Problem[] | undefined): string {
  return problems ? templates.render('banner', { problems: problemViews(problems) }) : '';
}

/** The script that reloads a served page when a build finishes. */
export function reloadScript(templates: PreviewTemplates, version: number): string {
  return templates.render('reload-script', reloadView(version));
}

/** The page for a path the last good build does not have. */
export function notFoundPage(templates: PreviewTemplates, pathname: string): string {
  return templates.render('not-found', { path: pathname });
}

/** What every preview page has, for a page titled `title`. */
export function previewPageView(title: string, status: PreviewStatus): PreviewPageView {
  return {
    title,
    issues: status.issues.map((number) => ({ number, href: `/__preview/${number}` })),
    problems: status.problems && problemViews(status.problems),
    reload: reloadView(status.version),
  };
}

function problemViews(problems: Problem[]): ProblemView[] {
  return problems.map((problem) => ({ place: [formatPlace(problem), problem.path].filter(Boolean), message: problem.message }));
}

function reloadView(version: number): ReloadView {
  return { version, eventsPath: EVENTS_PATH };
}
