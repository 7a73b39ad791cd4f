import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMessage } from './types.js';

/**
 * The message as RFC 5322 bytes: multipart/alternative with the text part first and the HTML part
 * second (clients show the last part they can), both UTF-8. The same bytes are sent and exported.
 */
export async function buildRawMessage(message: OutgoingMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: message.from,
    replyTo: message.replyTo,
    to: message.to.length > 0 ? message.to : undefined,
    subject: message.subject,
    messageId: message.messageId,
    date: message.date,
    headers: message.headers,
    text: { content: message.text, contentType: 'text/plain; charset=utf-8' },
    html: { content: message.html, contentType: 'text/html; charset=utf-8' },
  });
  return composer.compile().build();
}
