import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where open preview pages listen for rebuilds (server-sent events). */
export const EVENTS_PATH = '/__preview/events';

/** The open event streams of preview pages. */
export interface EventHub {
  /** Take over a request to EVENTS_PATH; greets it with the current build version. */
  connect(request: IncomingMessage, response: ServerResponse, version: number): void;
  /** Send one event to every open page. */
  broadcast(event: string, data: unknown): void;
  /** How many pages listen. */
  size(): number;
  /** End every stream (the server is stopping). */
  close(): void;
}

export function createEventHub(): EventHub {
  const clients = new Set<ServerResponse>();
  const send = (response: ServerResponse, event: string, data: unknown) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  return {
    connect(request, response, version) {
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
