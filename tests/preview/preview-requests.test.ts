import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/site/preview/index.js';
import { writeSampleToSend } from '../helpers/sample-publication.js';
import { openEventStream, type EventStream } from './event-stream.js';
import { rawGet } from './raw-http.js';

let publication: { root: string; firstItem: string };
let preview: Preview;
let port: number;

beforeAll(async () => {
  publication = await writeSampleToSend();
  preview = await startPreview({ root: publication.root, port: 0 });
  port = Number(new URL(preview.url).port);
});
afterAll(async () => {
  await preview.close();
});

describe('monitor preview answers only requests addressed to itself (DNS rebinding)', () => {
  it('serves Host 127.0.0.1:<port> and localhost:<port>', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`]) {
      const answer = await rawGet(port, '/__preview/3', host);
      expect(answer.status, host).toBe(200);
      expect(answer.body).toContain('Preview of issue 3');
    }
  });

  it('refuses any other Host with a short plain message, the event stream and drafts included', async () => {
    const others = ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `localhost.evil.example:${port}`,
      'localhost', '127.0.0.1', `127.0.0.1:${port + 1}`, `[::1]:${port}`, `localhost:${port}@evil.example`, ''];
    for (const host of others) {
      for (const target of ['/issues/3/', '/__preview/events', '/__preview/status']) {
        const answer = await rawGet(port, target, host);
        expect(answer.status, `${host} ${target}`).toBe(421);
        expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(answer.body).toContain(`http://127.0.0.1:${port}/`);
        expect(answer.body).not.toContain('DUMA');
      }
    }
  });

  it('refuses a request without a Host header', async () => {
    expect((await rawGet(port, '/issues/3/', undefined, '1.0')).status).toBe(421);
  });
});

describe('monitor preview redirects only to its own paths', () => {
  it('builds a folder redirect from the normalised path: one leading slash, never another host', async () => {
    // A folder whose path looks like a host, as the review found it (`//evil.example/x/` in Location).
    await mkdir(path.join(preview.out, 'evil.example', 'x'), { recursive: true });
    const cases: Array<[string, string]> = [
      ['/.//evil.example/x', '/evil.example/x/'],
      ['//evil.example/x', '/evil.example/x/'],
      ['/%2F/evil.example/x', '/evil.example/x/'],
      ['/.%2F%2Fevil.example/x', '/evil.example/x/'],
      ['///evil.example//x', '/evil.example/x/'],
      ['/./issues/./3', '/issues/3/'],
      ['//issues/3', '/issues/3/'],
      ['/issues/../issues/3', '/issues/3/'],
      ['/issues/3?x=//evil.example', '/issues/3/'],
    ];
    for (const [target, location] of cases) {
      const answer = await rawGet(port, target, `127.0.0.1:${port}`);
      expect(answer.status, target).toBe(301);
      expect(answer.headers.location, target).toBe(location);
    }
  });

  it('serves a folder index at its normalised path and encodes what a Location must not hold raw', async () => {
    expect((await rawGet(port, '//issues/3/', `127.0.0.1:${port}`)).body).toContain('DUMA &amp; REGIONS');
    await mkdir(path.join(preview.out, 'a \\b'), { recursive: true });
    const answer = await rawGet(port, '/a%20%5Cb', `127.0.0.1:${port}`);
    expect(answer.headers.location).toBe('/a%20%5Cb/');
  });
});

describe('monitor preview limits live-reload connections', () => {
  it('refuses the 33rd open event stream with 503, and takes a new one once a page leaves', async () => {
    const streams: EventStream[] = [];
    try {
      for (let count = 0; count < 32; count++) {
        const stream = await openEventStream(`${preview.url}__preview/events`);
        await stream.next((event) => event.event === 'hello');
        streams.push(stream);
      }
      const refused = await rawGet(port, '/__preview/events', `127.0.0.1:${port}`);
      expect(refused.status).toBe(503);
      expect(refused.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(refused.body).toContain('32');
      expect((await rawGet(port, '/__preview/3', `127.0.0.1:${port}`)).status).toBe(200);
      streams.shift()!.close();
      // The server learns of the closed stream a moment later; ask until it has.
      let status = 503;
      for (let attempt = 0; attempt < 200 && status === 503; attempt++) {
        const answer = await rawGet(port, '/__preview/events?probe', `127.0.0.1:${port}`).catch(() => ({ status: 0 }));
        status = answer.status;
      }
      expect(status).toBe(200);
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});
