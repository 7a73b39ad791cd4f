import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { MonitorError } from '../core/errors.js';
import { buildRawMessage } from './build-message.js';
import { redactSecrets, redactSmtpUrl } from './smtp-url.js';
import type { OutgoingMessage, SendReport } from './types.js';

/** Generous for a slow relay, short enough that a wrong host does not hang the editor for minutes. */
const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

/**
 * Send the message through the SMTP server at `smtpUrl`. Resolves with what the server accepted and
 * refused (some recipients may be refused); a dead server, a failed login or every recipient refused is a
 * MonitorError whose text never contains the password.
 */
export async function sendMessage(smtpUrl: string, message: OutgoingMessage): Promise<SendReport> {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS });
  try {
    const raw = await buildRawMessage(message);
    const info = await transport.sendMail({ envelope: { from: envelopeAddress(message.from), to: message.to }, raw });
    return {
      accepted: (info.accepted ?? []).map(String),
      rejected: (info.rejected ?? []).map(String),
      refusals: redactSecrets(refusals({ rejected: (info.rejected ?? []).map(String), rejectedErrors: info.rejectedErrors as SmtpFailure['rejectedErrors'] }), smtpUrl),
      response: redactSecrets(String(info.response ?? ''), smtpUrl),
    };
  } catch (caught) {
    throw new MonitorError(redactSecrets(describeFailure(caught, smtpUrl), smtpUrl));
  } finally {
    transport.close();
  }
}

/** The bare address of `Name <address>`, which is what MAIL FROM takes. */
function envelopeAddress(from: string): string {
  const parsed = addressparser(from, { flatten: true });
  const address = parsed[0] && 'address' in parsed[0] ? parsed[0].address : undefined;
  if (!address) throw new MonitorError(`the sender "${from}" in monitor.config.yaml (email.from) has no address; write it like "Monitor <monitor@example.org>"`);
  return address;
}

interface SmtpFailure {
  code?: string;
  message?: string;
  response?: string;
  rejected?: string[];
  rejectedErrors?: Array<{ recipient?: string; response?: string; message?: string }>;
}

function describeFailure(caught: unknown, smtpUrl: string): string {
  const failure = (caught ?? {}) as SmtpFailure;
  const server = redactSmtpUrl(smtpUrl);
  const reason = failure.response ?? failure.message ?? String(caught);
  switch (failure.code) {
    case 'EENVELOPE':
      if (failure.rejected?.length) return `the SMTP server refused every recipient: ${refusals(failure)}. Nothing was sent.`;
      return `the SMTP server refused the message envelope: ${reason}. Nothing was sent.`;
    case 'EAUTH':
    case 'ENOAUTH':
      return `the SMTP server at ${server} did not accept the login: ${reason}. Check the user name and password in --smtp or MONITOR_SMTP_URL.`;
    case 'ETLS':
      return `could not set up TLS with the SMTP server at ${server}: ${reason}. Use smtps:// for port 465 and smtp:// for 587 or 25.`;
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'ETIMEDOUT':
    case 'EDNS':
      return `could not reach the SMTP server at ${server}: ${reason}. Check the host and port, and that the server is running. Nothing was sent.`;
    default:
      return `sending through ${server} failed: ${reason}`;
  }
}

/** `a@example.org (550 no such user); b@example.org (...)`. */
export function refusals(failure: Pick<SmtpFailure, 'rejected' | 'rejectedErrors'>): string {
  const responses = new Map((failure.rejectedErrors ?? []).map((error) => [error.recipient, error.response ?? error.message]));
  return (failure.rejected ?? []).map((address) => {
    const response = responses.get(address);
    return response ? `${address} (${response})` : address;
  }).join('; ');
}
