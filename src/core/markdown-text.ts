/** Characters that start Markdown inline syntax anywhere: emphasis, code, links, images, raw HTML, entities, escapes. */
const INLINE = /[\\`*_[\]<>&~]/g;
/** What starts a block at the beginning of a line: a heading, quote, list item, rule or setext underline. */
const LINE_START = /^([ \t]*)([#>+\-=]|\d{1,9}(?=[.)]))/gm;
/** Web addresses and e-mail addresses, which GFM turns into links even without brackets. */
const AUTOLINK = /\b(https?|ftp)(:\/\/)|\b(www)(\.)|(?<=[\w.+-])(@)(?=[\w-]+\.)/gi;

/**
 * Feed text as Markdown that shows exactly this text: every character that could start a link, an image,
 * raw HTML, emphasis or a block is backslash-escaped, and bare web and e-mail addresses are broken with an
 * escape so GFM does not link them. A feed cannot put a tracking image or a link of its choosing into an
 * item; only the source's own URL (in the front matter) becomes a link.
 */
export function markdownText(text: string): string {
  return text
    .replace(INLINE, '\\$&')
    .replace(AUTOLINK, (match, scheme?: string, slashes?: string, www?: string, dot?: string) =>
      scheme ? `${scheme}\\${slashes}` : www ? `${www}\\${dot}` : '\\@')
    .replace(LINE_START, (_match, indent: string, marker: string) => (/\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`));
}
