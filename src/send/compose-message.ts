import { createHash } from 'node:crypto';
import type { ComposedIssue, PublicationInfo } from '../compose/types.js';
import type { MessageOptions, OutgoingMessage, RenderedEmail } from './types.js';

/** Subject prefix of a proof, so nobody mistakes it for the real send. */
export const TEST_PREFIX = '[TEST] ';

/**
 * Describe the issue's email: headers from the config, both bodies as rendered. Pure: the same input
 * (with the same `date`) always gives the same message.
 */
export function composeMessage(
  issue: ComposedIssue,
  publication: PublicationInfo,
  rendered: RenderedEmail,
  options: MessageOptions,
): OutgoingMessage {
  const date = options.date ?? new Date();
  const subject = `${options.test ? TEST_PREFIX : ''}${issue.subject}`;
  return {
    from: publication.email.from,
    replyTo: publication.email.replyTo,
    to: [...options.to],
    subject,
    messageId: messageId(issue.number, publication.baseUrl, date, [subject, ...options.to]),
    date,
    headers: { ...unsubscribeHeaders(publication.email.unsubscribeUrl), ...options.extraHeaders },
    html: rendered.html,
    text: rendered.text,
  };
}

/** RFC 2369 and RFC 8058 (one-click) headers, when the publication has an unsubscribe page. */
function unsubscribeHeaders(url: string | undefined): Record<string, string> {
  if (!url) return {};
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** `<issue-2359.<time>.<digest>@monitor.example.org>`: unique per send, on the publication's own domain. */
export function messageId(number: number, baseUrl: string, date: Date, parts: string[]): string {
  const domain = new URL(baseUrl).hostname;
  const digest = createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 12);
  return `<issue-${number}.${date.getTime().toString(36)}.${digest}@${domain}>`;
}
