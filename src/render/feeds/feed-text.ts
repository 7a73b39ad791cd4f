/**
 * Text and date rules shared by the feed formats. XML 1.0 cannot carry some characters at all, not even
 * escaped (C0 controls other than tab and newlines, lone surrogates, U+FFFE/U+FFFF), so they are dropped
 * from every text before it reaches a template; a parser would otherwise reject the whole feed.
 */

// eslint-disable-next-line no-control-regex
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without the characters XML 1.0 forbids. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '');
}

/**
 * The text as one or more CDATA sections. `]]>` would end a section early, so it is split across two:
 * `]]` closes the first, `>` opens the second; a reader joins them back into the same text.
 */
export function cdata(text: string): string {
  return `<![CDATA[${xmlSafe(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** `2020-01-13` -> `2020-01-13T00:00:00Z` (RFC 3339, as Atom and JSON Feed want). Issues carry no time of day. */
export function rfc3339(isoDate: string): string {
  return `${isoDate}T00:00:00Z`;
}

/** `2020-01-13` -> `Mon, 13 Jan 2020 00:00:00 GMT` (RFC 822 as RSS 2.0 wants it). */
export function rfc822(isoDate: string): string {
  return new Date(rfc3339(isoDate)).toUTCString();
}
