import { readFile } from 'node:fs/promises';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import path from 'node:path';
import { readCandidateStories } from '../../ingest/read-known-stories.js';
import { triagePage } from './triage-page.js';
import { EVENTS_PATH, type EventHub } from './live-reload.js';
import { issuePreviewPage, notFoundPage, previewIndexPage, problemBanner, reloadScript, type PreviewStatus } from './preview-page.js';
import type { PreviewTemplates } from './preview-templates.js';
import { injectIntoHtml, serveFile } from './serve-files.js';

/** What the request handler reads from the running preview. */
export interface PreviewContext {
  /** The publication folder. */
  root: string;
  /** The output folder of the preview's builds. */
  out: string;
  hub: EventHub;
  status(): PreviewStatus;
  /** The templates of the preview's own pages, as of the last build attempt. */
  templates(): PreviewTemplates;
  /** The publication's baseUrl, rewritten to the preview's own address in served pages. */
  baseUrl(): string | undefined;
  /** `http://127.0.0.1:<port>`. */
  origin(): string;
  /** The port the preview listens on. */
  port(): number;
}

/** Route a request: the event stream, the preview pages, a JSON status, or a file of the built site. */
export function createPreviewHandler(context: PreviewContext): RequestListener {
  return (request, response) => {
    handle(context, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`preview failed to serve ${request.url}: ${(error as Error).message}\n`);
    });
  };
}

async function handle(context: PreviewContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!isPreviewHost(request.headers.host, context.port())) {
    return sendText(response, 421, `This preview answers only http://127.0.0.1:${context.port()}/ and http://localhost:${context.port()}/; open one of those.\n`);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = requestPath(request.url);
  if (pathname === undefined) return sendText(response, 400, 'The preview serves paths that start with /.\n');
  const status = context.status();
  const templates = context.templates();
  if (pathname === EVENTS_PATH) return context.hub.connect(request, response, status.version);
  if (pathname === '/__preview/status') return sendJson(response, status);
  if (pathname === '/__preview' || pathname === '/__preview/') return sendHtml(response, previewIndexPage(templates, status));
  if (pathname === '/candidates' || pathname === '/candidates/') return sendHtml(response, triagePage(templates, status, await readCandidateStories(context.root)));
  const issue = /^\/__preview\/(\d+)\/?$/.exec(pathname);
  if (issue) return sendHtml(response, issuePreviewPage(templates, Number(issue[1]), await readText(context.out, issue[1]!), status));
  const decorate = (html: string) => injectIntoHtml(html, problemBanner(templates, status.problems), reloadScript(templates, status.version));
  const decorateSite = (html: string) => decorate(rewriteBaseUrl(html, context));
  if (await serveFile(context.out, pathname, response, decorateSite)) return;
  // As a static host serves the site's own 404.html; the preview's page until the site has one.
  if (await serveFile(context.out, '/404.html', response, decorateSite, 404)) return;
  sendHtml(response, decorate(notFoundPage(templates, pathname)), 404);
}

/**
 * Whether a request names this preview in its Host header. A web page on another site can make a browser
 * send requests here under that site's name (DNS rebinding) and read drafts from the answers; such requests
 * carry that site's host name, so they are refused.
 */
function isPreviewHost(host: string | undefined, port: number): boolean {
  const name = host?.toLowerCase();
  return name === `127.0.0.1:${port}` || name === `localhost:${port}`;
}

/** The path of a request target, taken as a path even when it starts with `//` (which a URL reads as a host). */
function requestPath(target: string | undefined): string | undefined {
  if (!target?.startsWith('/')) return undefined;
  return new URL(`http://preview.invalid${target}`).pathname;
}

/** Links in built pages are absolute on the publication's site; in the preview they stay in the preview. */
function rewriteBaseUrl(html: string, context: PreviewContext): string {
  const baseUrl = context.baseUrl();
  return baseUrl ? html.split(baseUrl).join(`${context.origin()}/`) : html;
}

async function readText(out: string, number: string): Promise<string | undefined> {
  return readFile(path.join(out, 'issues', number, 'email.txt'), 'utf8').catch(() => undefined);
}

function sendHtml(response: ServerResponse, html: string, statusCode = 200): void {
  response.writeHead(statusCode, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
}

function sendText(response: ServerResponse, statusCode: number, text: string): void {
  response.writeHead(statusCode, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' }).end(text);
}

function sendJson(response: ServerResponse, value: unknown): void {
  response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(value));
}
