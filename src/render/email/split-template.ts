/**
 * Splits an email template (Handlebars producing MJML) into what changes per issue and what does not, so
 * MJML can compile the unchanging skeleton once. Per-issue content lives in ending tags whose content MJML
 * passes through untouched (`mj-text`, `mj-title`, `mj-preview`): each becomes a slot. Loops and
 * conditionals between components are markers: a block statement standing alone in an `<mj-raw>` inside an
 * `<mj-column>`, such as `<mj-raw>{{#each items}}</mj-raw>`, whose raw output MJML leaves in place.
 * Anything else that depends on the issue makes the template unsplittable, and the renderer falls back to
 * running MJML on every issue.
 */

/** What a slot's content is rendered into: HTML in the body, or the text of `<title>` and `aria-label`. */
export type SlotKind = 'html' | 'text';

export interface Slot {
  kind: SlotKind;
  /** The Handlebars source of the component's content, exactly as written in the template. */
  source: string;
}

export interface SplitTemplate {
  /** The template with each slot's content and each marker replaced by a token (`slotToken`, `markerToken`). */
  skeleton: string;
  slots: Slot[];
  /** The Handlebars text of each marker, such as `{{#each issue.sections}}`. */
  markers: string[];
}

export const slotToken = (index: number): string => `MONITORSLOT${index}X`;
export const markerToken = (index: number): string => `MONITORMARK${index}X`;
export const TOKEN_PATTERN = /MONITOR(SLOT|MARK)(\d+)X/g;

const SLOT_KINDS: Record<string, SlotKind> = { 'mj-text': 'html', 'mj-preview': 'html', 'mj-title': 'text' };

/** Components a loop or conditional may repeat or leave out: ones whose output does not depend on their siblings. */
const REPEATABLE = new Set(['mj-text', 'mj-raw', 'mj-divider', 'mj-spacer']);

/** MJML's ending tags: their content is raw to MJML's parser. */
const ENDING_TAGS = new Set([
  'mj-text', 'mj-title', 'mj-preview', 'mj-raw', 'mj-style', 'mj-button', 'mj-table', 'mj-navbar-link',
  'mj-accordion-title', 'mj-accordion-text', 'mj-social-element', 'mj-font', 'mj-breakpoint', 'mj-html-attribute',
]);

interface Statement {
  start: number;
  end: number;
  text: string;
}

/** The template split, or undefined when it cannot be split safely. */
export function splitTemplate(source: string): SplitTemplate | undefined {
  const statements = findStatements(source);
  if (!statements) return undefined;
  const masked = mask(source, statements);
  const tags = /<(\/?)(mj-[a-z-]+|mjml)\b([^>]*?)(\/?)>/g;
  const stack: string[] = [];
  const markerStack: string[] = [];
  const replacements: Array<{ start: number; end: number; text: string }> = [];
  const slots: Slot[] = [];
  const markers: string[] = [];
  let cursor = 0;
  for (let match = tags.exec(masked); match; match = tags.exec(masked)) {
    const [whole, closing, name, , selfClosing] = match as unknown as [string, string, string, string, string];
    if (!outsideOk(statements, cursor, match.index + whole.length, markerStack.length > 0)) return undefined;
    if (markerStack.length > 0 && !REPEATABLE.has(name)) return undefined;
    if (closing) {
      if (stack.pop() !== name) return undefined;
      cursor = match.index + whole.length;
      continue;
    }
    if (selfClosing) {
      cursor = match.index + whole.length;
      continue;
    }
    if (!ENDING_TAGS.has(name)) {
      stack.push(name);
      cursor = match.index + whole.length;
      continue;
    }
    const contentStart = match.index + whole.length;
    const contentEnd = masked.indexOf(`</${name}`, contentStart);
    if (contentEnd < 0 || /<\/?mj-|<!--|<!\[CDATA\[/.test(masked.slice(contentStart, contentEnd))) return undefined;
    const inside = statements.filter((statement) => statement.start >= contentStart && statement.end <= contentEnd);
    const content = source.slice(contentStart, contentEnd);
    const kind = SLOT_KINDS[name];
    if (kind) {
      replacements.push({ start: contentStart, end: contentEnd, text: slotToken(slots.length) });
      slots.push({ kind, source: content });
    } else if (name === 'mj-raw' && inside.length > 0) {
      const marker = rawMarker(content, inside, stack[stack.length - 1], markerStack);
      if (marker === undefined) return undefined;
      replacements.push({ start: contentStart, end: contentEnd, text: markerToken(markers.length) });
      markers.push(marker);
    } else if (markerStack.length > 0 && inside.length > 0) {
      return undefined;
    }
    stack.push(name);
    cursor = contentEnd;
    tags.lastIndex = contentEnd;
  }
  if (markerStack.length > 0 || !outsideOk(statements, cursor, source.length, false)) return undefined;
  return { skeleton: replace(source, replacements), slots, markers };
}

/** Statements between components are allowed only outside loops (they are rendered once, for the site). */
function outsideOk(statements: Statement[], from: number, to: number, inMarker: boolean): boolean {
  return !inMarker || !statements.some((statement) => statement.start >= from && statement.end <= to);
}

/** The block statement an `<mj-raw>` holds alone, checked for balance; undefined when it is anything else. */
function rawMarker(content: string, inside: Statement[], parent: string | undefined, markerStack: string[]): string | undefined {
  if (inside.length !== 1 || parent !== 'mj-column' || content.trim() !== inside[0]!.text) return undefined;
  const text = inside[0]!.text;
  const open = /^\{\{#(each|if|unless|with)\s[^}~]*\}\}$/.exec(text);
  if (open) {
    markerStack.push(open[1]!);
    return text;
  }
  if (/^\{\{else(\s+if\s[^}~]*)?\}\}$/.test(text)) return markerStack.length > 0 ? text : undefined;
  const close = /^\{\{\/(each|if|unless|with)\}\}$/.exec(text);
  if (close && markerStack[markerStack.length - 1] === close[1]) {
    markerStack.pop();
    return text;
  }
  return undefined;
}

/** Every `{{...}}` of the source with its position; undefined for forms this splitter does not handle. */
function findStatements(source: string): Statement[] | undefined {
  const statements: Statement[] = [];
  for (let start = source.indexOf('{{'); start >= 0; start = source.indexOf('{{', start)) {
    if (source[start - 1] === '\\' || source.startsWith('{{{{', start)) return undefined;
    const closer = source.startsWith('{{!--', start) ? '--}}' : source.startsWith('{{{', start) ? '}}}' : '}}';
    const end = source.indexOf(closer, start + 2);
    if (end < 0) return undefined;
    const text = source.slice(start, end + closer.length);
    statements.push({ start, end: end + closer.length, text });
    start = end + closer.length;
  }
  return statements;
}

/** The source with every statement blanked out, so tag scanning never sees a `>` inside a statement. */
function mask(source: string, statements: Statement[]): string {
  let masked = '';
  let at = 0;
  for (const statement of statements) {
    masked += source.slice(at, statement.start) + '\u0001'.repeat(statement.end - statement.start);
    at = statement.end;
  }
  return masked + source.slice(at);
}

function replace(source: string, replacements: Array<{ start: number; end: number; text: string }>): string {
  let result = '';
  let at = 0;
  for (const { start, end, text } of replacements) {
    result += source.slice(at, start) + text;
    at = end;
  }
  return result + source.slice(at);
}
