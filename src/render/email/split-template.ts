import { Tokenizer } from 'htmlparser2';
import { findStatements, mask, type Statement } from './template-statements.js';

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

/** A tag, comment or CDATA section of the template, as the tokenizer reads it. */
interface Token {
  kind: 'open' | 'close' | 'empty' | 'comment';
  /** The tag's name in lower case, as MJML's parser names it; '' for a comment or CDATA section. */
  name: string;
  /** Offset of its `<`. */
  start: number;
  /** Offset just after its `>`. */
  end: number;
}

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** The template split, or undefined when it cannot be split safely. */
export function splitTemplate(source: string): SplitTemplate | undefined {
  const statements = findStatements(source);
  return statements && new Splitter(source, statements).split(readTokens(mask(source, statements)));
}

/**
 * The tags of the (masked) template, read with htmlparser2's tokenizer as MJML's parser reads MJML (HTML
 * mode, so the text of `<style>`, `<title>` and `<script>` is text), positions included.
 */
function readTokens(masked: string): Token[] {
  const tokens: Token[] = [];
  let name = '';
  let start = 0;
  const other = (from: number, to: number) => void tokens.push({ kind: 'comment', name: '', start: masked.lastIndexOf('<', from), end: to + 1 });
  const ignore = () => {};
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: false }, {
    onopentagname(from, to) {
      name = masked.slice(from, to).toLowerCase();
      start = from - 1;
    },
    onopentagend: (to) => void tokens.push({ kind: 'open', name, start, end: to + 1 }),
    onselfclosingtag: (to) => void tokens.push({ kind: 'empty', name, start, end: to + 1 }),
    onclosetag(from, to) {
      const close = masked.indexOf('>', to);
      tokens.push({ kind: 'close', name: masked.slice(from, to).toLowerCase(), start: masked.lastIndexOf('<', from), end: close < 0 ? masked.length : close + 1 });
    },
    oncomment: other,
    oncdata: other,
    onattribdata: ignore, onattribentity: ignore, onattribend: ignore, onattribname: ignore, ondeclaration: ignore,
    onend: ignore, onprocessinginstruction: ignore, ontext: ignore, ontextentity: ignore,
  });
  tokenizer.write(masked);
  tokenizer.end();
  return tokens;
}

const isComponent = (token: Token): boolean => token.name === 'mjml' || token.name.startsWith('mj-');

/** One pass over the template's components, collecting slots, markers and their replacements. */
class Splitter {
  private readonly stack: string[] = [];
  private readonly markerStack: string[] = [];
  private readonly replacements: Replacement[] = [];
  private readonly slots: Slot[] = [];
  private readonly markers: string[] = [];
  /** Where the last component seen ends: statements between it and the next are outside every slot. */
  private cursor = 0;

  constructor(private readonly source: string, private readonly statements: readonly Statement[]) {}

  split(tokens: readonly Token[]): SplitTemplate | undefined {
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index]!;
      if (!isComponent(token)) continue;
      if (!this.outsideOk(this.cursor, token.end, this.markerStack.length > 0)) return undefined;
      if (this.markerStack.length > 0 && !REPEATABLE.has(token.name)) return undefined;
      this.cursor = token.end;
      if (token.kind === 'close' && this.stack.pop() !== token.name) return undefined;
      if (token.kind !== 'open') continue;
      this.stack.push(token.name);
      if (!ENDING_TAGS.has(token.name)) continue;
      const close = closingToken(tokens, index);
      if (close === undefined || !this.content(token.name, token.end, tokens[close]!.start)) return undefined;
      this.cursor = tokens[close]!.start;
      index = close - 1;
    }
    if (this.markerStack.length > 0 || !this.outsideOk(this.cursor, this.source.length, false)) return undefined;
    return { skeleton: replace(this.source, this.replacements), slots: this.slots, markers: this.markers };
  }

  /** An ending tag's content: a slot, a marker, or text left as it is; false when it cannot be any. */
  private content(name: string, start: number, end: number): boolean {
    const inside = this.statements.filter((statement) => statement.start >= start && statement.end <= end);
    const content = this.source.slice(start, end);
    const kind = SLOT_KINDS[name];
    if (kind) {
      this.replacements.push({ start, end, text: slotToken(this.slots.length) });
      this.slots.push({ kind, source: content });
    } else if (name === 'mj-raw' && inside.length > 0) {
      const marker = rawMarker(content, inside, this.stack[this.stack.length - 2], this.markerStack);
      if (marker === undefined) return false;
      this.replacements.push({ start, end, text: markerToken(this.markers.length) });
      this.markers.push(marker);
    } else if (this.markerStack.length > 0 && inside.length > 0) {
      return false;
    }
    return true;
  }

  /** Statements between components are allowed only outside loops (they are rendered once, for the site). */
  private outsideOk(from: number, to: number, inMarker: boolean): boolean {
    return !inMarker || !this.statements.some((statement) => statement.start >= from && statement.end <= to);
  }
}

/**
 * The index of the tag closing the ending tag at `open`; undefined when there is none, or when the content
 * holds a component, a comment or a CDATA section (MJML would not pass it through as written).
 */
function closingToken(tokens: readonly Token[], open: number): number | undefined {
  const name = tokens[open]!.name;
  for (let index = open + 1; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.kind === 'close' && token.name === name) return index;
    if (token.kind === 'comment' || isComponent(token)) return undefined;
  }
  return undefined;
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

function replace(source: string, replacements: readonly Replacement[]): string {
  let result = '';
  let at = 0;
  for (const { start, end, text } of replacements) {
    result += source.slice(at, start) + text;
    at = end;
  }
  return result + source.slice(at);
}
