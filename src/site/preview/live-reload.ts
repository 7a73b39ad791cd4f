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

/**
 * The script a preview adds to the pages it serves: reload when a build finishes, or at once when a build
 * finished between loading the page and opening the stream. Frames (the email panes) leave it to the top page.
 */
export function reloadScript(version: number): string {
  return `<script>(() => {
  if (window.top !== window) return;
  const loaded = ${version};
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  const check = (message) => { if (JSON.parse(message.data).version !== loaded) location.reload(); };
  events.addEventListener('hello', check);
  events.addEventListener('reload', check);
})();</script>`;
}
