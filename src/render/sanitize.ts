import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';

let library: typeof sanitizeHtml | undefined;

/**
 * sanitize-html, loaded on first use: most bodies are plain Markdown, which BodyRenderer writes safely
 * without it, and its parser and PostCSS cost ~35 ms to load (a third of an incremental build's module loading).
 */
function sanitizer(): typeof sanitizeHtml {
  library ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtml;
  return library;
}

/** Tags an item body may use; anything else is dropped (script, style and iframe with their content). */
const ALLOWED_TAGS = [
  'p', 'br', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'abbr', 'q',
  'cite', 'code', 'pre', 'kbd', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'hr',
  'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'span',
];

/**
 * Schemes a link may keep; sanitize-html enforces the same list, this decides whether the tag stays a link
 * (BodyRenderer applies the same rule to Markdown links).
 */
const SAFE_LINK = /^(https?|mailto):/i;

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  abbr: ['title'],
  ol: ['start'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
};

/**
 * Resolve a link against `base`; undefined when it cannot be parsed. Schemes other than http(s) and mailto
 * are removed afterwards by sanitize-html, so `javascript:` never survives.
 */
export function absoluteUrl(href: string, base: string): string | undefined {
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

/**
 * Reduce HTML to the small allowlist above: no script, style, iframe, event handlers or `javascript:`
 * URLs. Links and image sources become absolute against `base` (the page the HTML will be shown on).
 * Body headings h1/h2 become h3 so a page keeps one h1 and an h2 per item.
 */
export function sanitizeBodyHtml(html: string, base: string): string {
  return sanitizer()(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'title'],
    transformTags: {
      h1: 'h3',
      h2: 'h3',
      a: (tagName, attribs) => {
        const safe = withAbsolute(attribs, 'href', base);
        // A link whose target was removed is no link: keep its words as plain text.
        return safe.href !== undefined && SAFE_LINK.test(safe.href) ? { tagName, attribs: safe } : { tagName: 'span', attribs: {} };
      },
      img: (tagName, attribs) => ({ tagName, attribs: { alt: '', ...withAbsolute(attribs, 'src', base) } }),
    },
  });
}

function withAbsolute(attribs: sanitizeHtml.Attributes, name: string, base: string): sanitizeHtml.Attributes {
  const value = attribs[name];
  if (value === undefined) return attribs;
  const { [name]: _dropped, ...rest } = attribs;
  const resolved = absoluteUrl(value, base);
  return resolved === undefined ? rest : { ...rest, [name]: resolved };
}

/** Text only: every tag removed, and the content of script, style and the like dropped with it. */
export function stripTags(html: string): string {
  return sanitizer()(html, { allowedTags: [], allowedAttributes: {} });
}
