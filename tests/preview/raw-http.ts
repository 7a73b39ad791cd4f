import { connect } from 'node:net';

/** The parts of a raw HTTP answer a test looks at. */
export interface RawResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Send one request as written, byte for byte (fetch and node:http tidy the path and set Host themselves),
 * and read the answer until the server closes the connection, or only its head when it is an event stream
 * (which stays open). `host` undefined sends no Host header.
 */
export function rawGet(port: number, target: string, host: string | undefined, version = '1.1'): Promise<RawResponse> {
  const lines = [`GET ${target} HTTP/${version}`, ...(host === undefined ? [] : [`Host: ${host}`]), 'Connection: close', '', ''];
  return new Promise((resolve, reject) => {
    // write, not end: the server drops a connection whose client has finished sending before it answers
    const socket = connect(port, '127.0.0.1', () => socket.write(lines.join('\r\n')));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\r\n\r\n') && /content-type: text\/event-stream/i.test(text)) socket.destroy();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(parse(text)));
  });
}

function parse(text: string): RawResponse {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...headerLines] = text.slice(0, end < 0 ? text.length : end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: end < 0 ? '' : text.slice(end + 4) };
}
