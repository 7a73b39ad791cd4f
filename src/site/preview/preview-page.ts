import { formatPlace, type Problem } from '../../core/problems.js';
import { reloadScript } from './live-reload.js';

/*
 * The preview's own pages are tool chrome, not the publication's output, so they are not user templates:
 * a publication that overrides templates/ should not be able to break its own preview.
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

/** The proofing page of one issue: web page, email at 600 px and 375 px, plain text. */
export function issuePreviewPage(number: number, text: string | undefined, status: PreviewStatus): string {
  const base = `/issues/${number}/`;
  const panes = text === undefined
    ? `<p class="empty">Issue ${number} is not in the last good build. Issues built: ${issueLinks(status.issues) || 'none'}.</p>`
    : `<div class="panes">
  ${pane('Web page', `<iframe title="Web page" src="${base}" class="web"></iframe>`)}
  ${pane('Email, 600 px', `<iframe title="Email at 600 pixels" src="${base}email.html" class="email" style="width:600px"></iframe>`)}
  ${pane('Email, 375 px', `<iframe title="Email at 375 pixels" src="${base}email.html" class="email" style="width:375px"></iframe>`)}
  ${pane('Plain text', `<pre class="text">${escapeHtml(text)}</pre>`)}
</div>`;
  return page(`Preview of issue ${number}`, `${header(number, status)}${problemList(status.problems)}${panes}`, status.version);
}

/** The list of issues to preview. */
export function previewIndexPage(status: PreviewStatus): string {
  const body = `<header><h1>Preview</h1><p>Issues: ${issueLinks(status.issues) || 'none built yet'} · <a href="/">site</a></p></header>${problemList(status.problems)}`;
  return page('Preview', body, status.version);
}

/** The error banner added to the site's own pages while the last build failed. */
export function problemBanner(problems: Problem[] | undefined): string {
  return problems ? `<div style="${BANNER_STYLE}">${problemList(problems)}</div>` : '';
}

function header(number: number, status: PreviewStatus): string {
  return `<header><h1>Issue ${number}</h1><p>
  <a href="/issues/${number}/">web page</a> · <a href="/issues/${number}/email.html">email</a> ·
  <a href="/issues/${number}/email.txt">text</a> · other issues: ${issueLinks(status.issues)} · <a href="/">site</a></p></header>`;
}

function problemList(problems: Problem[] | undefined): string {
  if (!problems) return '';
  const items = problems.map((problem) => {
    const place = [formatPlace(problem), problem.path].filter(Boolean).map((part) => `<code>${escapeHtml(part)}</code>`).join(' ');
    return `<li>${place ? `${place}: ` : ''}${escapeHtml(problem.message)}</li>`;
  });
  return `<section class="problems" role="alert"><h2>The last change has errors; the preview shows the last good build</h2><ul>${items.join('')}</ul></section>`;
}

function issueLinks(numbers: number[]): string {
  return numbers.map((number) => `<a href="/__preview/${number}">${number}</a>`).join(' ');
}

function pane(title: string, content: string): string {
  return `<section class="pane"><h2>${escapeHtml(title)}</h2>${content}</section>`;
}

function page(title: string, body: string, version: number): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}${reloadScript(version)}</body></html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const BANNER_STYLE = 'position:sticky;top:0;z-index:99999;background:#fff3f3;border-bottom:2px solid #b00020;padding:4px 12px;font:14px/1.4 system-ui,sans-serif;color:#222';

const STYLE = `
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #222; background: #f4f4f4; }
header { padding: 8px 16px; background: #fff; border-bottom: 1px solid #ddd; }
header h1 { font-size: 18px; margin: 0; }
header p { margin: 4px 0 0; }
.problems { margin: 8px 16px; padding: 8px 12px; background: #fff3f3; border: 2px solid #b00020; }
.problems h2 { font-size: 15px; margin: 0 0 4px; color: #b00020; }
.problems ul { margin: 0; padding-left: 20px; }
.panes { display: flex; gap: 12px; padding: 12px 16px; overflow-x: auto; align-items: flex-start; }
.pane { flex: none; background: #fff; border: 1px solid #ddd; padding: 0 8px 8px; }
.pane h2 { font-size: 13px; margin: 6px 0; color: #555; }
iframe { border: 1px solid #ccc; height: 80vh; display: block; background: #fff; }
iframe.web { width: 760px; }
pre.text { width: 76ch; height: 80vh; overflow: auto; margin: 0; white-space: pre-wrap; font: 13px/1.45 ui-monospace, monospace; }
.empty { margin: 16px; }
`;
