import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { removeFixture, writeFixture } from './fixture.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (text) => void (out += text), err: (text) => void (err += text), isTTY: false });
  return { code, out, err };
}

describe('monitor render <N> --format', () => {
  let root: string;
  beforeAll(async () => {
    root = await writeFixture({ 'issues/3/issue.md': '---\nnumber: 3\ndate: 2020-01-20\nauthor: Ann Example\nstatus: draft\n---\n', 'issues/3/01-late.md': '---\nheadline: A late story\nsources: [{ publication: Reuters, date: 2020-01-19 }]\n---\nStill a draft.\n' });
  });
  afterAll(() => removeFixture(root));

  it('prints the plain text', async () => {
    const { code, out } = await run(['render', '2', '--format', 'text', '--root', root]);
    expect(code).toBe(0);
    expect(out.startsWith('Test Reform Monitor No. 2\nJanuary 13, 2020\n')).toBe(true);
  });

  it('prints the email HTML', async () => {
    const { code, out } = await run(['render', '2', '--format', 'email', '--root', root]);
    expect(code).toBe(0);
    expect(out).toMatch(/^<!doctype html>/);
    expect(out).toContain('MOSCOW BACKS BREATHING ROOM FOR PYONGYANG');
  });

  it('prints the web page, drafts included', async () => {
    const { code, out } = await run(['render', '3', '--format', 'web', '--root', root]);
    expect(code).toBe(0);
    expect(out).toContain('<h1 class="issue-title">Test Reform Monitor No. 3</h1>');
    expect(out).toContain('Draft: this issue is not published yet.');
  });

  it('prints a web page that carries its own CSS, since it stands alone', async () => {
    const { out } = await run(['render', '2', '--format', 'web', '--root', root]);
    expect(out).toMatch(/<style>\s*\S[\s\S]*<\/style>/);
    expect(out).not.toContain('style.css');
  });

  it('exits 1 without a stack for an unknown issue, naming the issues there are', async () => {
    const { code, out, err } = await run(['render', '9', '--format', 'text', '--root', root]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe('there is no issue 9 (no folder issues/9/); the issues are 1, 2, 3\n');
  });

  it('exits 2 for an unknown format', async () => {
    const { code } = await run(['render', '2', '--format', 'pdf', '--root', root]);
    expect(code).toBe(2);
  });
});
