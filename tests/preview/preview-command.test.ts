import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { writeSampleToSend } from '../helpers/sample-publication.js';
import { closedPort } from '../send/smtp-test-server.js';

let publication: { root: string; firstItem: string };
beforeAll(async () => {
  publication = await writeSampleToSend();
});

describe('monitor preview (command)', () => {
  it('prints the preview URL, serves until Ctrl-C, then stops cleanly with exit 0', async () => {
    const port = await closedPort();
    let err = '';
    let printed: (text: string) => void = () => {};
    const started = new Promise<string>((resolve) => { printed = resolve; });
    const running = main(['preview', '--port', String(port), '--issue', '3'], {
      root: publication.root, out: (text) => printed(text), err: (text) => { err += text; }, isTTY: false,
    });
    const output = await started;
    expect(output).toContain(`preview: http://127.0.0.1:${port}/__preview/3`);
    expect((await fetch(`http://127.0.0.1:${port}/__preview/3`)).status).toBe(200);
    process.emit('SIGINT');
    expect(await running).toBe(0);
    expect(err).toContain('preview stopped');
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});
