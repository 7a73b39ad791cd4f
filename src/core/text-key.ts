import { createHash } from 'node:crypto';

/** A short key of some texts (sha1, base64url), each followed by a NUL so that no two lists of parts share one. */
export function textKey(...parts: string[]): string {
  return createHash('sha1').update(`${parts.join('\0')}\0`).digest('base64url');
}
