import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/index.js';
import { closedPort, startTestSmtpServer, type TestSmtpServer } from './smtp-test-server.js';
import { runCli } from './run-cli.js';
import { DRAFT_HEADLINE as FIRST_HEADLINE, draftIssue, writePublication, writeSampleToSend } from '../helpers/sample-publication.js';

const PASSWORD = 'pa55-w0rd';
let publication: { root: string };
let smtp: TestSmtpServer;
let built: { html: string; text: string };

beforeAll(async () => {
  publication = await writeSampleToSend();
  const { out } = await buildSite(publication.root, { out: 'dist' });
  built = {
    html: await readFile(path.join(out, 'issues/3/email.html'), 'utf8'),
    text: await readFile(path.join(out, 'issues/3/email.txt'), 'utf8'),
  };
});

beforeEach(async () => {
  smtp = await startTestSmtpServer({ password: PASSWORD, refuse: ['nobody@example.com'] });
});
afterEach(() => smtp.close());

async function received(index = 0): Promise<ParsedMail> {
  const message = smtp.messages[index];
  if (!message) throw new Error(`the server received ${smtp.messages.length} messages`);
  return simpleParser(message.raw);
}

function rawHeader(parsed: ParsedMail, name: string): string | undefined {
  return parsed.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '');
}

describe('monitor send', () => {
  it('sends a multipart proof whose parts equal the built email.html and email.txt', async () => {
    const result = await runCli(publication.root, ['send', '3', '--to', 'ed@example.com', '--to', 'vera@example.org', '--smtp', smtp.url(), '--test']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('sent "[TEST] Test Reform Monitor No. 3');
    expect(smtp.logins).toEqual(['editor']);
    expect(smtp.messages[0]!.from).toBe('monitor@monitor.test');
    expect(smtp.messages[0]!.to).toEqual(['ed@example.com', 'vera@example.org']);
    const parsed = await received();
    expect(parsed.subject).toBe(`[TEST] Test Reform Monitor No. 3: ${FIRST_HEADLINE}`);
    expect(parsed.from?.value).toEqual([{ name: 'Test Reform Monitor', address: 'monitor@monitor.test' }]);
    expect(parsed.replyTo?.value[0]?.address).toBe('editors@monitor.test');
    expect(rawHeader(parsed, 'list-unsubscribe')).toBe('<https://monitor.test/unsubscribe?list=weekly>');
    expect(rawHeader(parsed, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(parsed.messageId).toMatch(/^<issue-3\.[^@>]+@monitor\.test>$/);
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(parsed.html).toBe(built.html);
    expect(parsed.text).toBe(built.text);
  });

  it('keeps Cyrillic and ampersands intact in the subject and both parts', async () => {
    await runCli(publication.root, ['send', '3', '--to', 'ed@example.com', '--smtp', smtp.url(), '--test']);
    const parsed = await received();
    const raw = smtp.messages[0]!.raw.toString('latin1');
    expect(raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    expect(parsed.subject).toContain('Duma & regions');
    expect(parsed.text).toContain('Государственная Дума & regional');
    expect(parsed.text).toContain('shipping & insurance');
    expect(parsed.html).toContain('Государственная Дума &amp; regional');
  });

  it('refuses to send the same issue to the same list twice without --force, but proofs never block', async () => {
    const root = (await writeSampleToSend()).root;
    const url = smtp.url();
    expect((await runCli(root, ['send', '3', '--to', 'A@example.com', '--to', 'b@example.com', '--smtp', url])).code).toBe(0);
    const again = await runCli(root, ['send', '3', '--to', 'b@example.com', '--to', 'a@example.com', '--smtp', url]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/issue 3 was already sent to these 2 recipients on \d{4}-\d\d-\d\dT.*--force/);
    expect(smtp.messages).toHaveLength(1);
    expect((await runCli(root, ['send', '3', '--to', 'a@example.com', '--to', 'b@example.com', '--smtp', url, '--test'])).code).toBe(0);
    expect((await runCli(root, ['send', '3', '--to', 'a@example.com', '--to', 'b@example.com', '--smtp', url, '--force'])).code).toBe(0);
    expect((await runCli(root, ['send', '3', '--to', 'other@example.com', '--smtp', url])).code).toBe(0);
    expect(smtp.messages).toHaveLength(4);
    const log = JSON.parse(await readFile(path.join(root, '.monitor/sent-log.json'), 'utf8'));
    expect(log.sends.map((entry: { issue: number; test: boolean; count: number }) => [entry.issue, entry.test, entry.count]))
      .toEqual([[3, false, 2], [3, true, 2], [3, false, 2], [3, false, 1]]);
    expect(JSON.stringify(log)).not.toContain('example.com');
  });

  it('reports a refused recipient with the server reason and exits 1', async () => {
    const result = await runCli(publication.root, ['send', '3', '--to', 'nobody@example.com', '--smtp', smtp.url(), '--test']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/refused every recipient: nobody@example\.com \(550 .*No such user/);
    expect(result.err).not.toContain('    at ');
    expect(smtp.messages).toHaveLength(0);
  });

  it('names refused and accepted recipients when only some are refused', async () => {
    const result = await runCli(publication.root, ['send', '3', '--to', 'ed@example.com', '--to', 'nobody@example.com', '--smtp', smtp.url(), '--test']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('refused nobody@example.com (550');
    expect(result.err).toContain('went to ed@example.com only');
    expect(smtp.messages[0]!.to).toEqual(['ed@example.com']);
  });

  it('reports a dead server without printing the password', async () => {
    const port = await closedPort();
    const result = await runCli(publication.root, ['send', '3', '--to', 'ed@example.com', '--smtp', `smtp://editor:${PASSWORD}@127.0.0.1:${port}`]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`could not reach the SMTP server at smtp://editor:****@127.0.0.1:${port}`);
    expect(result.out + result.err).not.toContain(PASSWORD);
  });

  it('reports a refused login without printing the password', async () => {
    const result = await runCli(publication.root, ['send', '3', '--to', 'ed@example.com', '--smtp', smtp.url('editor', 'wr0ng-s3cret'), '--test']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('did not accept the login');
    expect(result.out + result.err).not.toContain('wr0ng-s3cret');
  });

  it('takes the server from MONITOR_SMTP_URL, and says how to give one when there is none', async () => {
    const saved = process.env.MONITOR_SMTP_URL;
    try {
      delete process.env.MONITOR_SMTP_URL;
      const missing = await runCli(publication.root, ['send', '3', '--to', 'ed@example.com']);
      expect(missing.code).toBe(1);
      expect(missing.err).toContain('pass --smtp smtps://user:password@mail.example.org:465 or set MONITOR_SMTP_URL');
      process.env.MONITOR_SMTP_URL = smtp.url();
      const sent = await runCli(publication.root, ['send', '3', '--to', 'ed@example.com', '--test']);
      expect(sent.code).toBe(0);
      expect(sent.out).toContain('smtp://editor:****@127.0.0.1');
      expect(sent.out + sent.err).not.toContain(PASSWORD);
      expect(smtp.messages).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env.MONITOR_SMTP_URL;
      else process.env.MONITOR_SMTP_URL = saved;
    }
  });

  it('sends a draft to a list only with --force; a --test proof of a draft goes out', async () => {
    const sample = { root: await writePublication(draftIssue()) };
    const url = smtp.url();
    const refused = await runCli(sample.root, ['send', '3', '--to', 'list@example.com', '--smtp', url]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('issue 3 is a draft (status: draft in issues/3/issue.md), so it was not sent');
    expect(refused.err).toContain('--test');
    expect(smtp.messages).toHaveLength(0);
    expect((await runCli(sample.root, ['send', '3', '--to', 'list@example.com', '--smtp', url, '--test'])).code).toBe(0);
    const forced = await runCli(sample.root, ['send', '3', '--to', 'list@example.com', '--smtp', url, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.err).toContain('sending it anyway because of --force');
    expect(smtp.messages).toHaveLength(2);
  });

  it('rejects a malformed address and an unknown issue', async () => {
    const bad = await runCli(publication.root, ['send', '3', '--to', 'not-an-address', '--smtp', smtp.url()]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--to not-an-address: not an email address');
    const unknown = await runCli(publication.root, ['send', '99', '--to', 'ed@example.com', '--smtp', smtp.url()]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('there is no issue 99 (no folder issues/99/); the issues are 1, 2, 3');
    expect(smtp.messages).toHaveLength(0);
  });
});
