import path from 'node:path';
import { formatProblem } from '../../core/problems.js';
import { composeMessage, readIssueEmail, writeEml } from '../../send/index.js';
import type { CommandIO } from '../io.js';

interface ExportOptions {
  eml?: boolean;
  out?: string;
}

/**
 * `monitor export <N> [--eml] [--out file]`: write the issue's message as an .eml file for a mail client
 * or a mailing service, by default `issue-<N>.eml` in the publication folder. The message has no To
 * header (the service adds its list) and `X-Unsent: 1`, so a mail client opens it as a draft.
 */
export async function run(args: unknown[], options: ExportOptions, io: CommandIO): Promise<number> {
  const number = args[0] as number;
  const file = path.resolve(io.root, options.out ?? `issue-${number}.eml`);
  const email = await readIssueEmail(io.root, number);
  for (const warning of email.warnings) io.err(`${formatProblem(warning)}\n`);
  const message = composeMessage(email.issue, email.publication, email.rendered, { to: [], extraHeaders: { 'X-Unsent': '1' } });
  await writeEml(file, message);
  io.out(`${displayPath(file)}\n`);
  return 0;
}

/** Relative to the working folder when inside it, else absolute. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
