import { UsageError, MonitorError } from '../../core/errors.js';
import { formatProblem } from '../../core/problems.js';
import {
  appendSentLog, composeMessage, findEarlierSend, readIssueEmail, readSentLog, recipientsHash, redactSmtpUrl,
  resolveSmtpUrl, sendMessage, SENT_LOG_FILE, type OutgoingMessage, type SendReport,
} from '../../send/index.js';
import type { CommandIO } from '../io.js';

interface SendOptions {
  /** Always given: --to is a required option. */
  to: string[];
  smtp?: string;
  test?: boolean;
  force?: boolean;
}

/** `monitor send <N> --to ADDR`: send the issue's email through SMTP and remember it in the sent-log. */
export async function run(args: unknown[], options: SendOptions, io: CommandIO): Promise<number> {
  const number = args[0] as number;
  const to = checkRecipients(options.to);
  const smtpUrl = resolveSmtpUrl(options.smtp);
  const email = await readIssueEmail(io.root, number);
  for (const warning of email.warnings) io.err(`${formatProblem(warning)}\n`);
  if (!options.test) await refuseRepeat(io.root, number, to, options.force);
  if (!options.test && email.issue.status === 'draft') refuseDraft(number, options.force, io);
  const message = composeMessage(email.issue, email.publication, email.rendered, { to, test: options.test });
  const report = await sendMessage(smtpUrl, message);
  await appendSentLog(io.root, {
    issue: number, recipients: recipientsHash(to), count: to.length, date: message.date.toISOString(),
    test: Boolean(options.test), messageId: message.messageId,
  });
  if (report.rejected.length > 0) throw new MonitorError(partialFailure(report));
  io.out(`${sentLine(message, report, redactSmtpUrl(smtpUrl))}\n`);
  return 0;
}

function checkRecipients(addresses: string[]): string[] {
  const list = addresses.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  const bad = list.filter((address) => !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address));
  if (list.length === 0) throw new UsageError('--to needs a recipient address, such as --to editors@example.org');
  if (bad.length > 0) throw new UsageError(`--to ${bad.join(', ')}: not an email address; write it like editors@example.org`);
  return list;
}

async function refuseRepeat(root: string, number: number, to: string[], force: boolean | undefined): Promise<void> {
  const earlier = findEarlierSend(await readSentLog(root), number, to);
  if (!earlier || force) return;
  const list = to.length === 1 ? 'this recipient' : `these ${to.length} recipients`;
  throw new MonitorError(
    `issue ${number} was already sent to ${list} on ${earlier.date} (${SENT_LOG_FILE}). ` +
      'Pass --force to send it again, or --test to send a proof.',
  );
}

/** A draft goes out only as a proof, or when the editor insists. */
function refuseDraft(number: number, force: boolean | undefined, io: CommandIO): void {
  const where = `status: draft in issues/${number}/issue.md`;
  if (force) {
    io.err(`warning: issue ${number} is a draft (${where}); sending it anyway because of --force\n`);
    return;
  }
  throw new MonitorError(
    `issue ${number} is a draft (${where}), so it was not sent. Send a proof with --test, ` +
      'set status: published when the issue is final, or pass --force to send the draft as it is.',
  );
}

function partialFailure(report: SendReport): string {
  return `the SMTP server refused ${report.refusals}; the message went to ${report.accepted.join(', ')} only. ` +
    'Send again with --to for the refused addresses once they are corrected.';
}

function sentLine(message: OutgoingMessage, report: SendReport, server: string): string {
  const count = report.accepted.length;
  return `sent "${message.subject}" to ${count} recipient${count === 1 ? '' : 's'} through ${server} (Message-ID ${message.messageId})`;
}
