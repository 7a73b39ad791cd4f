import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

export type Route = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** A loopback HTTP server for feed fixtures; `close` ends every open connection too. */
export interface FeedServer {
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Requests received, as `METHOD path`, with their headers. */
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export async function startFeedServer(routes: Record<string, Route>): Promise<FeedServer> {
  const requests: FeedServer['requests'] = [];
  const server = http.createServer((request, response) => {
    requests.push({ path: request.url ?? '', headers: request.headers });
    const route = routes[(request.url ?? '').split('?')[0]!];
    if (route) route(request, response);
    else response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serve `body` with a content type, optionally compressed. */
export function serve(body: string | Buffer, contentType = 'application/rss+xml; charset=utf-8', encoding?: 'gzip' | 'br' | 'deflate'): Route {
  return (_request, response) => {
    const raw = typeof body === 'string' ? Buffer.from(body) : body;
    const compressed = encoding === 'gzip' ? zlib.gzipSync(raw) : encoding === 'br' ? zlib.brotliCompressSync(raw) : encoding === 'deflate' ? zlib.deflateSync(raw) : raw;
    response.writeHead(200, { 'content-type': contentType, ...(encoding ? { 'content-encoding': encoding } : {}) });
    response.end(compressed);
  };
}

/** A loopback URL where nothing listens. */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/feed`;
}

export function redirect(location: string, status = 302): Route {
  return (_request, response) => {
    response.writeHead(status, { location }).end();
  };
}

/** Sends headers at once, then one byte of the body every `intervalMs`, forever. */
export function drip(intervalMs = 1000): Route {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.write('<');
    const timer = setInterval(() => response.write(' '), intervalMs);
    response.on('close', () => clearInterval(timer));
  };
}

/** A small gzip body that inflates to `megabytes` MiB of zeros. */
export function gzipBomb(megabytes: number): Route {
  const body = zlib.gzipSync(Buffer.alloc(megabytes * 1024 * 1024), { level: 9 });
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
    response.end(body);
  };
}
