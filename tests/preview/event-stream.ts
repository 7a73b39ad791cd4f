import { get, type IncomingMessage } from 'node:http';

/** One server-sent event. */
export interface StreamEvent {
  event: string;
  data: unknown;
}

/** A client of the preview's event stream that keeps every event it receives. */
export interface EventStream {
  events: StreamEvent[];
  /** Resolves with the first event (already received or coming) matching `accept`; rejects after `limitMs`. */
  next(accept: (event: StreamEvent) => boolean, limitMs?: number): Promise<StreamEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openEventStream(url: string): Promise<EventStream> {
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  const response = await new Promise<IncomingMessage>((resolve, reject) => get(url, resolve).on('error', reject));
  let buffer = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
      for (const wake of waiters) wake();
    }
  });
  const ended = new Promise<void>((resolve) => response.on('close', () => resolve()));
  let seen = 0;
  return {
    events,
    ended,
    next(accept, limitMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const index = events.findIndex((event, position) => position >= seen && accept(event));
          if (index < 0) return;
          seen = index + 1;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(events[index]!);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${limitMs} ms; received ${JSON.stringify(events)}`));
        }, limitMs);
        waiters.add(check);
        check();
      });
    },
    close: () => response.destroy(),
  };
}
