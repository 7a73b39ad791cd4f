import { Parser, QuoteType, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import type { ElementFacts, InlineRules } from './chain-styles.js';

/** Elements an item or template may use here; the rest (raw-text, foreign, form elements) are not handled. */
const ALLOWED = new Set([
  'p', 'br', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'abbr', 'q',
  'cite', 'code', 'pre', 'kbd', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'span',
  'time', 'div', 'section', 'article', 'header', 'footer', 'nav', 'figure', 'figcaption',
]);
const VOID = new Set(['br', 'img', 'hr']);
const NO_CLASSES: readonly string[] = [];
const SPACE = 32;

/** An element's style as it depends on its ancestors, and the states of the children seen under it. */
export interface ChainState {
  /** The element's style attribute, '' for none; undefined when the inliner does not handle it. */
  style: string | undefined;
  /** By the child's tag and the id and classes the CSS names, such as `h2`, `p.citation`, `div#top.a.b`. */
  children: Map<string, ChainState>;
}

/** What every fragment of an inliner shares: the rules, and what they said of each class attribute. */
export interface Shared {
  rules: InlineRules;
  /** By a class attribute's value, the classes of it the CSS names. */
  classLists: Map<string, readonly string[]>;
}

/** An element open in the fragment, with the facts selectors see (only the ids and classes the CSS names). */
interface OpenElement extends ElementFacts {
  state: ChainState;
}

/**
 * One fragment's pass through htmlparser2's tokenizer. The inlined fragment is the source with each
 * element's style added; a tag is written anew only where cheerio would write it differently (names in
 * lower case, `attr=""` as `attr`, double quotes, single spaces, no `/>`), the rest is copied as it is.
 */
export class FragmentWriter implements TokenizerCallbacks {
  /** The inlined fragment up to `copied`; from there on, the source still to be copied. */
  private out = '';
  private copied = 0;
  private ok = true;
  /** Where the last token read ends: each one must start there, so nothing is skipped unseen. */
  private covered = 0;
  private readonly open: OpenElement[] = [];
  /** The start tag being read: where it starts, its attributes, and the facts selectors see. */
  private tag = '';
  private tagStart = 0;
  /** Whether the tag is written as cheerio writes it so far; `expected` is where its next part must start. */
  private canonical = true;
  private expected = 0;
  private readonly names: string[] = [];
  private readonly values: string[] = [];
  private value = '';
  private id: string | undefined;
  private classes = NO_CLASSES;
  private readonly tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: false }, this);

  constructor(
    private readonly html: string,
    private readonly context: readonly ElementFacts[],
    private readonly root: ChainState,
    private readonly shared: Shared,
  ) {}

  /** The inlined fragment, or undefined when its round trip is not known. */
  write(): string | undefined {
    this.tokenizer.write(this.html);
    this.tokenizer.end();
    if (!this.ok || this.open.length > 0 || this.covered !== this.html.length) return undefined;
    return this.copied === 0 ? this.html : this.out + this.html.slice(this.copied);
  }

  ontext(start: number, end: number): void {
    this.reach(start, end);
  }

  onopentagname(start: number, end: number): void {
    if (!this.reach(start - 1, end)) return;
    const written = this.html.slice(start, end);
    const tag = written.toLowerCase();
    const parent = this.open.length > 0 ? this.open[this.open.length - 1]!.tag : this.context[this.context.length - 1]?.tag;
    if (!ALLOWED.has(tag) || (parent !== undefined && closesOnOpen(parent, tag))) return this.refuse();
    this.tag = tag;
    this.tagStart = start - 1;
    this.canonical = written === tag;
    this.expected = end;
    if (this.names.length > 0) {
      this.names.length = 0;
      this.values.length = 0;
    }
    this.id = undefined;
    this.classes = NO_CLASSES;
  }

  onattribname(start: number, end: number): void {
    const written = this.html.slice(start, end);
    const name = written.toLowerCase();
    // Names like "1" come first in the parser's attribute object (so in cheerio's output); "__proto__" is lost.
    if (!this.ok || name === 'style' || this.names.includes(name) || /^\d/.test(name) || name === '__proto__') return this.refuse();
    this.canonical &&= written === name && start === this.expected + 1 && this.html.charCodeAt(this.expected) === SPACE;
    this.names.push(name);
    this.value = '';
    this.expected = end;
  }

  onattribdata(start: number, end: number): void {
    this.value += this.html.slice(start, end);
  }

  onattribend(quote: QuoteType, end: number): void {
    if (!this.ok) return;
    const { value } = this;
    this.values.push(value);
    // ` name="value"` or ` name` as written: the closing quote right after `="value`.
    if (quote === QuoteType.Double && value !== '' && end === this.expected + value.length + 3) this.expected = end;
    else if (quote !== QuoteType.NoValue) this.canonical = false;
    const name = this.names[this.names.length - 1];
    if (name === 'id') this.id = this.shared.rules.names(`#${value}`) ? value : undefined;
    else if (name === 'class') this.classes = this.namedClasses(value);
  }

  onopentagend(end: number): void {
    if (!this.ok) return;
    this.covered = end + 1;
    const parent = this.open.length > 0 ? this.open[this.open.length - 1]!.state : this.root;
    // Named ids and classes are words (chain-styles' NAMES), so '#' and '.' cannot make two keys alike.
    let key = this.id === undefined ? this.tag : `${this.tag}#${this.id}`;
    if (this.classes.length > 0) key += `.${this.classes.join('.')}`;
    const state = parent.children.get(key) ?? this.newState(parent, key);
    const style = state.style;
    if (style === undefined) return this.refuse();
    if (!this.canonical || end !== this.expected) {
      this.out += this.html.slice(this.copied, this.tagStart) + this.startTag(style);
      this.copied = end + 1;
    } else if (style !== '') {
      this.out += `${this.html.slice(this.copied, end)} style="${style}"`;
      this.copied = end;
    }
    if (!VOID.has(this.tag)) this.open.push({ tag: this.tag, id: this.id, classes: this.classes, state });
  }

  /** The parser reads `<br/>` and `<span/>` in HTML as start tags; cheerio writes them without the `/`. */
  onselfclosingtag(end: number): void {
    this.canonical = false;
    this.onopentagend(end);
  }

  onclosetag(start: number, end: number): void {
    if (!this.ok) return;
    const written = this.html.slice(start, end);
    const tag = written.toLowerCase();
    const open = this.html.lastIndexOf('<', start);
    const close = this.html.indexOf('>', end);
    if (open !== this.covered || close < 0 || this.open[this.open.length - 1]?.tag !== tag) return this.refuse();
    this.covered = close + 1;
    this.open.pop();
    if (open === start - 2 && close === end && written === tag) return;
    this.out += `${this.html.slice(this.copied, open)}</${tag}>`;
    this.copied = close + 1;
  }

  // Comments, CDATA, declarations and processing instructions: cheerio's round trip of them is not known.
  oncomment(): void { this.refuse(); }
  oncdata(): void { this.refuse(); }
  ondeclaration(): void { this.refuse(); }
  onprocessinginstruction(): void { this.refuse(); }
  // Never called (entities are left as they are), refused should that change.
  onattribentity(): void { this.refuse(); }
  ontextentity(): void { this.refuse(); }
  onend(): void {}

  private reach(start: number, end: number): boolean {
    if (!this.ok) return false;
    if (start !== this.covered) {
      this.refuse();
      return false;
    }
    this.covered = end;
    return true;
  }

  private refuse(): void {
    this.ok = false;
    this.tokenizer.pause();
  }

  /** The start tag as cheerio writes it, with the style appended. */
  private startTag(style: string): string {
    let text = `<${this.tag}`;
    this.names.forEach((name, index) => {
      const value = this.values[index]!;
      text += value === '' ? ` ${name}` : ` ${name}="${value.replace(/"/g, '&quot;')}"`;
    });
    return `${text}${style === '' ? '' : ` style="${style}"`}>`;
  }

  /** The state of the element being opened, first seen under `parent`: its style asked of the rules. */
  private newState(parent: ChainState, key: string): ChainState {
    const chain = [...this.context, ...this.open, { tag: this.tag, id: this.id, classes: this.classes }];
    const state: ChainState = { style: this.shared.rules.styleFor(chain), children: new Map() };
    parent.children.set(key, state);
    return state;
  }

  /** The classes of a class attribute that the CSS names, in their order. */
  private namedClasses(value: string): readonly string[] {
    let classes = this.shared.classLists.get(value);
    if (!classes) {
      classes = value.split(/[ \t\n\f\r]+/).filter((name) => name !== '' && this.shared.rules.names(`.${name}`));
      this.shared.classLists.set(value, classes);
    }
    return classes;
  }
}

const implied = new Map<string, boolean>();

/**
 * Whether htmlparser2's parser closes an open `parent` when it reads the start tag `<tag>` (as a `<p>`
 * closes an open `<p>`): asked of the parser itself, once per pair.
 */
function closesOnOpen(parent: string, tag: string): boolean {
  const key = `${parent} ${tag}`;
  let closes = implied.get(key);
  if (closes === undefined) {
    closes = false;
    const parser = new Parser({
      onclosetag(name, isImplied) {
        if (name === parent && isImplied) closes = true;
      },
    }, { decodeEntities: false });
    parser.write(`<${parent}><${tag}>`);
    implied.set(key, closes);
  }
  return closes;
}
