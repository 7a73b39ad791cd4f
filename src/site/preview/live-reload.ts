import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where open preview pages listen for rebuilds (server-sent events). */
export const EVENTS_PATH = '/__preview/events';

/**
 * At most this many pages listen at once. Each stream holds a connection open for as long as the page
 * lives; without a bound, one page opening streams in a loop would exhaust the server.
 */
export const MAX_EVENT_STREAMS = 32;

/** The open event streams of preview pages. */
export interface EventHub {
  /**
   * Take over a request to EVENTS_PATH; greets it with the current build version. Past the limit the new
   * stream is refused with 503 (a browser's EventSource does not retry that, and the open pages keep theirs).
   */
  connect(request: IncomingMessage, response: ServerResponse, version: number): void;
  /** Send one event to every open page. */
  broadcast(event: string, data: unknown): void;
  /** How many pages listen. */
  size(): number;
  /** End every stream (the server is stopping). */
  close(): void;
}

export function createEventHub(limit = MAX_EVENT_STREAMS): EventHub {
  const clients = new Set<ServerResponse>();
  const send = (response: ServerResponse, event: string, data: unknown) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  return {
    connect(request, response, version) {
      if (clients.size >= limit) {
        response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' })
          .end(`The preview already has ${limit} pages listening for reloads; close some preview tabs and reload this one.\n`);
        return;
      }
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      response.write('retry: 500\n\n');
      send(response, 'hello', { version });
      clients.add(response);
      request.on('close', () => clients.delete(response));
    },
    broadcast(event, data) {
      for (const response of clients) send(response, event, data);
    },
    size: () => clients.size,
    close() {
      for (const response of clients) response.end();
      clients.clear();
    },
  };
}
