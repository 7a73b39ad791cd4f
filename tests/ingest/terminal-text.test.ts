import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToText, inlineText } from '../../src/ingest/html-text.js';
import { printable } from '../../src/core/printable.js';
import { runCli } from '../helpers/sample-publication.js';
import { writePublication } from './publication.js';

/** A server that answers every request with a status line whose reason phrase holds terminal escapes. */
let server: net.Server;
let base: string;
const roots: string[] = [];
const HOSTILE_REASON = 'I\x1b[31mRED\x1b]0;PWNED\x07 \x9b2J';

beforeAll(async () => {
  server = net.createServer((socket) => {
    socket.once('data', () => {
      socket.end(Buffer.from(`HTTP/1.1 418 ${HOSTILE_REASON}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`, 'latin1'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

/** Any C0 or C1 control character but the line breaks the command writes itself. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('remote text on the terminal', () => {
  it('drops C0 and C1 controls, keeping the words', () => {
    expect(printable('I\x1b[31mRED\x1b]0;PWNED\x07')).toBe('I[31mRED]0;PWNED');
    expect(printable('a\u009b2Jb\u0085c\r\nd\te')).toBe('a2Jbc d e');
    expect(printable('Café — Москва')).toBe('Café — Москва');
  });

  it('keeps controls out of the titles and text drafted into candidates', () => {
    expect(inlineText('Duma\x1b]0;owned\x07 votes')).toBe('Duma]0;owned votes');
    expect(htmlToText('<p>First\x9b2J paragraph.</p><p>Second\x00.</p>')).toBe('First2J paragraph.\n\nSecond.');
  });

  it('prints a server\'s reason phrase without its escapes, in the table and in the JSON', async () => {
    const root = await writePublication({ Teapot: `${base}/feed` });
    roots.push(root);
    const table = await runCli(['ingest'], root);
    expect(table.stdout).toMatch(/HTTP 418 I\[31mRED\]0;PWNED/);
    expect(table.stdout + table.stderr).not.toMatch(CONTROL);
    const json = await runCli(['ingest', '--json'], root);
    expect(json.stdout).not.toMatch(CONTROL);
    expect(JSON.parse(json.stdout).feeds[0].error).toMatch(/^HTTP 418 I\[31mRED\]0;PWNED/);
  });
});
