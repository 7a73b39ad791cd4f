import { absoluteUrl } from './sanitize.js';

/**
 * What sanitizeBodyHtml makes of marked's output for Markdown without raw HTML, without parsing it again.
 * Such output holds only marked's own tags and the five entities marked's escaping writes, so the result
 * is known: text re-escaped as sanitize-html escapes it, h1/h2 as h3, links absolute or reduced to a span,
 * void elements closed with ` />`. Undefined for anything else (images, tables, code blocks, other
 * entities): the caller then runs sanitize-html itself.
 */
export function sanitizeMarkedHtml(html: string, base: string): string | undefined {
  const open: Open[] = [];
  let out = '';
  let at = 0;
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', at)) {
    const text = reescapeText(html.slice(at, lt));
    if (text === undefined) return undefined;
    TAG.lastIndex = lt;
    const match = TAG.exec(html);
    if (!match) return undefined;
    const tag = match[1] === '/' ? closeTag(match[2]!, open) : openTag(match[2]!, match[3]!, base, open);
    if (tag === undefined) return undefined;
    out += text + tag;
    at = lt + match[0].length;
  }
  const rest = reescapeText(html.slice(at));
  return rest === undefined || open.length > 0 ? undefined : out + rest;
}

const TAG = /<(\/?)([a-z][a-z0-9]*)((?: [a-z]+="[^"<>]*")*)>/y;
const BLOCK_OR_INLINE = new Set(['p', 'em', 'strong', 'del', 'code', 'blockquote', 'ul', 'li', 'h3', 'h4', 'h5', 'h6']);
const HEADING_AS_H3 = new Set(['h1', 'h2']);
const ENTITY = /&(amp|lt|gt|quot|#39);/g;
const DECODED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': '\'' };

function decode(text: string): string | undefined {
  if (/&(?!(amp|lt|gt|quot|#39);)/.test(text) || /[<>]/.test(text)) return undefined;
  return text.replace(ENTITY, (_, name: string) => DECODED[name]!);
}

/** Text as sanitize-html writes it: entities decoded, then `&`, `<` and `>` escaped. */
function reescapeText(text: string): string | undefined {
  if (!text.includes('&')) return /[<>]/.test(text) ? undefined : text;
  const decoded = decode(text);
  return decoded === undefined ? undefined : escapeText(decoded);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

/** An element being written: its name in marked's output and in ours. */
interface Open {
  name: string;
  as: string;
}

function closeTag(name: string, open: Open[]): string | undefined {
  const top = open.pop();
  return top?.name === name ? `</${top.as}>` : undefined;
}

function openTag(name: string, attributes: string, base: string, open: Open[]): string | undefined {
  if (name === 'br' || name === 'hr') return attributes === '' ? `<${name} />` : undefined;
  if (name === 'ol') return orderedList(attributes, open);
  if (name === 'a') return link(attributes, base, open);
  if (attributes !== '' || !(BLOCK_OR_INLINE.has(name) || HEADING_AS_H3.has(name))) return undefined;
  const as = HEADING_AS_H3.has(name) ? 'h3' : name;
  open.push({ name, as });
  return `<${as}>`;
}

function orderedList(attributes: string, open: Open[]): string | undefined {
  const start = /^(?: start="(\d+)")?$/.exec(attributes);
  if (!start) return undefined;
  open.push({ name: 'ol', as: 'ol' });
  return start[1] === undefined ? '<ol>' : `<ol start="${start[1]}">`;
}

/** marked writes `href` then `title`; the sanitiser's transform puts `href` last and drops unsafe targets. */
function link(attributes: string, base: string, open: Open[]): string | undefined {
  const parts = /^ href="([^"]*)"(?: title="([^"]*)")?$/.exec(attributes);
  if (!parts) return undefined;
  const href = decode(parts[1]!);
  const title = parts[2] === undefined ? undefined : decode(parts[2]);
  if (href === undefined || (parts[2] !== undefined && title === undefined)) return undefined;
  const resolved = absoluteUrl(href, base);
  if (resolved === undefined || !/^(https?|mailto):/i.test(resolved)) {
    open.push({ name: 'a', as: 'span' });
    return '<span>';
  }
  open.push({ name: 'a', as: 'a' });
  const titled = title === undefined ? '' : ` title="${escapeAttribute(title)}"`;
  return `<a${titled} href="${escapeAttribute(resolved)}">`;
}
