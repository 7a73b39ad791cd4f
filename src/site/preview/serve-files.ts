import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Changes an HTML page on its way out (the preview adds its reload script). */
export type DecorateHtml = (html: string) => string;

/**
 * Serve `pathname` from the output folder `out`: folders by their index.html (redirected to a trailing
 * slash first, so relative links work), never anything outside `out`. Returns false when there is no such file.
 */
export async function serveFile(out: string, pathname: string, response: ServerResponse, decorate: DecorateHtml, status = 200): Promise<boolean> {
  const site = sitePath(pathname);
  if (site === undefined) return false;
  const file = path.join(out, site);
  const info = await stat(file).catch(() => undefined);
  if (!info) return false;
  if (info.isDirectory()) {
    if (!site.endsWith('/')) {
      response.writeHead(301, { Location: `${encodePath(site)}/`, 'Cache-Control': 'no-store' }).end();
      return true;
    }
    return sendFile(path.join(file, 'index.html'), response, decorate, status);
  }
  return sendFile(file, response, decorate, status);
}

async function sendFile(file: string, response: ServerResponse, decorate: DecorateHtml, status: number): Promise<boolean> {
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return false;
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const body = type.startsWith('text/html') ? Buffer.from(decorate(bytes.toString('utf8'))) : bytes;
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store' }).end(body);
  return true;
}

/**
 * A URL path decoded and normalised into a path of the built site: one leading `/`, no `.` or `..` or empty
 * segments, so it can never leave `out` nor, written back into a Location, name another host (`//host/`).
 * Undefined for a path that cannot be decoded or holds a NUL.
 */
export function sitePath(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  return path.posix.normalize(`/${decoded}`);
}

/** A site path written back as a URL path: each segment percent-encoded (a `\\` or `?` too), the slashes kept. */
function encodePath(site: string): string {
  return site.split('/').map(encodeURIComponent).join('/');
}

/** Put `banner` after the opening body tag and `script` before the closing one (or at the ends). */
export function injectIntoHtml(html: string, banner: string, script: string): string {
  const bodyOpen = /<body[^>]*>/i.exec(html);
  const withBanner = bodyOpen ? `${html.slice(0, bodyOpen.index + bodyOpen[0].length)}${banner}${html.slice(bodyOpen.index + bodyOpen[0].length)}` : banner + html;
  const close = withBanner.toLowerCase().lastIndexOf('</body>');
  return close < 0 ? withBanner + script : `${withBanner.slice(0, close)}${script}${withBanner.slice(close)}`;
}
