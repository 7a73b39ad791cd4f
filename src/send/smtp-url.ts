import { MonitorError } from '../core/errors.js';

/** Environment variable holding the SMTP URL, so it never sits in a committed file. */
export const SMTP_URL_VARIABLE = 'MONITOR_SMTP_URL';

const EXAMPLE = 'smtps://user:password@mail.example.org:465';

/** The SMTP URL from --smtp, else $MONITOR_SMTP_URL; checked to be an smtp: or smtps: URL. */
export function resolveSmtpUrl(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const value = option ?? env[SMTP_URL_VARIABLE];
  if (!value || value.trim() === '') {
    throw new MonitorError(`no SMTP server given: pass --smtp ${EXAMPLE} or set ${SMTP_URL_VARIABLE} to such a URL`);
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new MonitorError(`the SMTP URL "${redactSmtpUrl(value)}" is not a valid URL; write it like ${EXAMPLE}`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new MonitorError(`the SMTP URL "${redactSmtpUrl(value)}" must start with smtp:// or smtps://, such as ${EXAMPLE}`);
  }
  return value.trim();
}

/** The URL with its password replaced by `****`, for messages. Works on text that is not a valid URL too. */
export function redactSmtpUrl(value: string): string {
  const parts = splitUserInfo(value);
  return parts ? `${parts.before}****${parts.after}` : value;
}

/** Remove the URL's password (raw and decoded) from any text, such as a server's or a library's error. */
export function redactSecrets(text: string, smtpUrl: string): string {
  let result = text.split(smtpUrl).join(redactSmtpUrl(smtpUrl));
  for (const secret of passwordForms(smtpUrl)) result = result.split(secret).join('****');
  return result;
}

/**
 * Split `scheme://user:password@host...` around the password. The user info ends at the last `@` before
 * the query, so a password typed with a raw `@` or `/` is still found whole.
 */
function splitUserInfo(value: string): { before: string; password: string; after: string } | undefined {
  const start = value.indexOf('://');
  if (start < 0) return undefined;
  const authorityEnd = value.slice(start + 3).search(/[?#]/);
  const end = authorityEnd < 0 ? value.length : start + 3 + authorityEnd;
  const at = value.lastIndexOf('@', end - 1);
  const colon = value.indexOf(':', start + 3);
  if (at < 0 || colon < 0 || colon > at) return undefined;
  return { before: value.slice(0, colon + 1), password: value.slice(colon + 1, at), after: value.slice(at) };
}

function passwordForms(smtpUrl: string): string[] {
  const raw = splitUserInfo(smtpUrl)?.password;
  if (!raw) return [];
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // a malformed escape: only the raw form can appear
  }
  return [...new Set([raw, decoded])].filter((form) => form.length > 0);
}
