import { Agent, fetch } from 'undici';
import { checkLiteralHost, PrivateAddressError, publicOnlyLookup } from './public-address.js';
import { readCapped, TooLargeError } from './read-body.js';

/** How to fetch one feed. */
export interface FetchOptions {
  /** Sent as User-Agent, such as `monitor/0.1 (+https://monitor.example.org/)`. */
  userAgent: string;
  /** Validators from the last successful fetch, for a conditional GET. */
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Total time for the feed, redirects and retry included; default 20 s. */
  deadlineMs?: number;
  /** Largest body accepted, counted after decompression; default 15 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** A 429/503 with a Retry-After up to this long is retried once; default 5 s. */
  maxRetryWaitMs?: number;
  /** Fetch from loopback, link-local and private addresses too (an intranet feed, a test); default false. */
  allowPrivate?: boolean;
}

/** What fetching a feed gave. */
export type FetchResult =
  | { status: 'fetched'; url: string; bytes: Uint8Array; contentType: string | undefined; etag: string | undefined; lastModified: string | undefined }
  | { status: 'not-modified'; url: string }
  | { status: 'failed'; url: string; error: string };

export const DEFAULT_DEADLINE_MS = 20_000;
export const DEFAULT_MAX_BYTES = 15 * 1024 * 1024;

/**
 * Fetch a feed with undici's fetch: decompression, a total deadline, a size cap, bounded redirects and retry.
 * Unless `allowPrivate`, every connection (the first and each redirect's) is checked to go to a public
 * address, by the lookup the socket itself uses. Never throws.
 */
export async function fetchFeed(url: string, options: FetchOptions): Promise<FetchResult> {
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  const started = Date.now();
  const remaining = () => deadlineMs - (Date.now() - started);
  const dispatcher = new Agent(options.allowPrivate ? {} : { connect: { lookup: publicOnlyLookup } });
  const connection: Connection = { signal: controller.signal, dispatcher, current: url };
  try {
    return await fetchFollowing(url, options, connection, remaining);
  } catch (caught) {
    const host = hostOf(connection.current);
    if (controller.signal.aborted) return { status: 'failed', url, error: `no complete answer from ${host} within ${deadlineMs / 1000} s` };
    if (caught instanceof TooLargeError || caught instanceof PrivateAddressError) return { status: 'failed', url, error: caught.message };
    return { status: 'failed', url, error: describeNetworkError(caught, host) };
  } finally {
    clearTimeout(timer);
    await dispatcher.destroy().catch(() => undefined);
  }
}

/** How each request of one fetch is made: its deadline and its connections. */
interface Connection {
  signal: AbortSignal;
  dispatcher: Agent;
  /** The address being fetched now (after redirects), for messages. */
  current: string;
}

async function fetchFollowing(url: string, options: FetchOptions, connection: Connection, remaining: () => number): Promise<FetchResult> {
  const maxRedirects = options.maxRedirects ?? 5;
  const visited = new Set<string>();
  let current = url;
  let retried = false;
  for (;;) {
    visited.add(current);
    if (!options.allowPrivate) checkLiteralHost(new URL(current));
    connection.current = current;
    const response = await fetch(current, { redirect: 'manual', signal: connection.signal, dispatcher: connection.dispatcher, headers: requestHeaders(options) });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      await response.body?.cancel();
      const next = new URL(location, current).href;
      if (visited.has(next)) return { status: 'failed', url, error: `redirect loop: ${current} sends back to ${next}` };
      if (visited.size > maxRedirects) return { status: 'failed', url, error: `more than ${maxRedirects} redirects` };
      if (!/^https?:/.test(next)) return { status: 'failed', url, error: `redirect to a non-web address: ${next}` };
      current = next;
      continue;
    }
    if (response.status === 304) return { status: 'not-modified', url: current };
    if (response.status === 429 || response.status === 503) {
      const waitMs = retryAfterMs(response.headers.get('retry-after'));
      await response.body?.cancel();
      const maxWait = options.maxRetryWaitMs ?? 5_000;
      if (!retried && waitMs !== undefined && waitMs <= maxWait && waitMs < remaining() - 500) {
        retried = true;
        await sleep(waitMs, connection.signal);
        continue;
      }
      const asked = waitMs === undefined ? '' : `; the server asks to wait ${Math.ceil(waitMs / 1000)} s`;
      return { status: 'failed', url, error: `HTTP ${response.status} ${response.status === 429 ? 'too many requests' : 'service unavailable'}${asked}` };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { status: 'failed', url, error: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
    }
    const bytes = await readCapped(response, options.maxBytes ?? DEFAULT_MAX_BYTES);
    const header = (name: string) => response.headers.get(name) ?? undefined;
    return { status: 'fetched', url: current, bytes, contentType: header('content-type'), etag: header('etag'), lastModified: header('last-modified') };
  }
}

function requestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    }, { once: true });
  });
}

/** What went wrong on the network, naming the host and, for the usual causes, what it means. */
function describeNetworkError(caught: unknown, host: string): string {
  const error = caught as Error & { cause?: { code?: string; message?: string } };
  if (error.cause instanceof PrivateAddressError) return error.cause.message;
  const code = error.cause?.code;
  const meaning = code ? NETWORK_CODES[code] : undefined;
  if (meaning) return `cannot reach ${host}: ${meaning} (${code})`;
  const cause = code ?? error.cause?.message;
  return `cannot reach ${host}: ${cause ? `${error.message}: ${cause}` : String(error.message ?? caught)}`;
}

/** The usual network failures in the editor's words. */
const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: 'no such host; check the feed address in feeds/sources.yaml',
  EAI_AGAIN: 'the host name could not be looked up now; check the network, or try again later',
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the server closed the connection',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host cannot be reached from this network',
  ENETUNREACH: 'the network is unreachable',
  CERT_HAS_EXPIRED: 'the site\'s security certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the site\'s security certificate is self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the site\'s security certificate is for another name',
};

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
