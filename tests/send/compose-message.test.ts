import { describe, expect, it } from 'vitest';
import type { ComposedIssue, PublicationInfo } from '../../src/compose/types.js';
import { composeMessage, redactSecrets, redactSmtpUrl, recipientsHash, resolveSmtpUrl } from '../../src/send/index.js';

const publication: PublicationInfo = {
  title: 'Steppe Reform Monitor',
  publisher: 'Test Policy Institute',
  description: '',
  language: 'en',
  baseUrl: 'https://news.example.net/monitor/',
  email: { from: 'Steppe Reform Monitor <digest@example.net>', replyTo: undefined, unsubscribeUrl: undefined },
};
const issue = { number: 12, subject: 'Steppe Reform Monitor No. 12: Дума & co' } as ComposedIssue;
const rendered = { html: '<p>Дума &amp; co</p>', text: 'Дума & co' };
const date = new Date('2024-03-04T08:00:00Z');

describe('composeMessage', () => {
  it('takes the subject, sender and bodies as given, and adds no List headers without an unsubscribe URL', () => {
    const message = composeMessage(issue, publication, rendered, { to: ['a@example.com'], date });
    expect(message).toMatchObject({ subject: issue.subject, from: publication.email.from, replyTo: undefined, to: ['a@example.com'], html: rendered.html, text: rendered.text, headers: {} });
    expect(message.messageId).toMatch(/^<issue-12\.[a-z0-9]+\.[0-9a-f]{12}@news\.example\.net>$/);
  });

  it('is pure: the same input and date give the same message; a proof gets [TEST] and its own Message-ID', () => {
    const once = composeMessage(issue, publication, rendered, { to: ['a@example.com'], date });
    expect(composeMessage(issue, publication, rendered, { to: ['a@example.com'], date })).toEqual(once);
    const proof = composeMessage(issue, publication, rendered, { to: ['a@example.com'], date, test: true });
    expect(proof.subject).toBe(`[TEST] ${issue.subject}`);
    expect(proof.messageId).not.toBe(once.messageId);
  });

  it('adds one-click unsubscribe headers when the publication has an unsubscribe URL', () => {
    const withUnsubscribe = { ...publication, email: { ...publication.email, unsubscribeUrl: 'https://news.example.net/u' } };
    const message = composeMessage(issue, withUnsubscribe, rendered, { to: [], date });
    expect(message.headers).toEqual({ 'List-Unsubscribe': '<https://news.example.net/u>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });
});

describe('SMTP URLs', () => {
  it('redacts the password, also when typed with raw @ or / characters', () => {
    expect(redactSmtpUrl('smtps://user:secret@mail.example.org:465')).toBe('smtps://user:****@mail.example.org:465');
    expect(redactSmtpUrl('smtp://user%40org:p@ss/w@mail.example.org?from=x@y.org')).toBe('smtp://user%40org:****@mail.example.org?from=x@y.org');
    expect(redactSmtpUrl('smtp://mail.example.org:25')).toBe('smtp://mail.example.org:25');
    expect(redactSecrets('login p%40ss failed for p@ss', 'smtp://u:p%40ss@host')).toBe('login **** failed for ****');
  });

  it('comes from --smtp, else MONITOR_SMTP_URL, and must be smtp: or smtps:', () => {
    expect(resolveSmtpUrl('smtp://a:b@host:25', { MONITOR_SMTP_URL: 'smtp://other' })).toBe('smtp://a:b@host:25');
    expect(resolveSmtpUrl(undefined, { MONITOR_SMTP_URL: 'smtps://host' })).toBe('smtps://host');
    expect(() => resolveSmtpUrl(undefined, {})).toThrow(/MONITOR_SMTP_URL/);
    expect(() => resolveSmtpUrl('https://u:secret@host', {})).toThrow(/must start with smtp:\/\/ or smtps:\/\//);
    expect(() => resolveSmtpUrl('https://u:secret@host', {})).not.toThrow(/secret/);
  });
});

describe('recipientsHash', () => {
  it('ignores order, case and repeats, and differs for another list', () => {
    expect(recipientsHash(['A@example.com', 'b@example.com'])).toBe(recipientsHash(['b@example.com', 'a@example.com', 'a@example.com']));
    expect(recipientsHash(['a@example.com'])).not.toBe(recipientsHash(['a@example.com', 'b@example.com']));
  });
});
