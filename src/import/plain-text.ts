/** Markdown's backslash escapes, as a saved page's text gets them (see markdownText). */
const ESCAPED = /\\([\\`*_[\]<>&~#+\-=.!()@:])/g;

/**
 * A name or headline read from a block as plain text: without bold or italic marks around it and without
 * Markdown's escapes (a headline, a category, an author and a publication are text, not Markdown).
 */
export function plainText(text: string): string {
  return text.replace(/^(\*\*|__|\*|_)(.+)\1$/, '$2').replace(ESCAPED, '$1').trim();
}
