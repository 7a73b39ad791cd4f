import { Parser, Tokenizer, type QuoteType, type TokenizerCallbacks } from 'htmlparser2';
import type { ElementFacts, InlineRules } from './chain-styles.js';

/** Where a fragment goes: the elements around it, outermost first. */
export interface FragmentPlace {
  context: readonly ElementFacts[];
}

/** Elements an item or template may use here; the rest (raw-text, foreign, form elements) are not handled. */
const ALLOWED = new Set([
  'p', 'br', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'abbr', 'q',
  'cite', 'code', 'pre', 'kbd', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'span',
  'time', 'div', 'section', 'article', 'header', 'footer', 'nav', 'figure', 'figcaption',
]);
const VOID = new Set(['br', 'img', 'hr']);

/** An element's style as it depends on its ancestors, and the states of the children seen under it. */
interface ChainState {
  /** The element's style attribute, '' for none; undefined when the inliner does not handle it. */
  style: string | undefined;
  /** By the child's tag, id and class attribute (`childKey`). */
  children: Map<string, ChainState>;
}

/**
 * Inlines fragments as they come out of MJML's inlining step (juice over cheerio with htmlparser2, entities
 * left alone): the fragment is read with htmlparser2's tokenizer, as its parser reads it inside the
 * elements of its place, and written as cheerio writes it (tag and attribute names in lower case, `attr=""`
 * as `attr`, void elements without `/`) with each element's inline style appended. Only elements whose
 * round trip is known are accepted: every one closed explicitly and in order, none with a style of its own
 * or a repeated attribute, none that htmlparser2's parser would close implicitly, no comments, nothing
 * left unread; for anything else the answer is undefined and the caller renders the issue through MJML.
 */
export class FragmentInliner {
  /** The chain states below each place's elements. */
  private readonly roots = new WeakMap<readonly ElementFacts[], ChainState>();

  constructor(private readonly rules: InlineRules) {}

  inline(html: string, place: FragmentPlace): string | undefined {
    // NUL would make two different elements' keys alike (see childKey).
    if (html.includes('{{') || html.includes('<%') || html.includes('\u0000')) return undefined;
    let root = this.roots.get(place.context);
    if (!root) this.roots.set(place.context, (root = { style: '', children: new Map() }));
    return new FragmentWriter(html, place.context, root, this.rules).write();
  }
}

/** An element open in the fragment. */
interface OpenElement {
  tag: string;
  id: string | undefined;
  className: string | undefined;
  state: ChainState;
}

/** One fragment's pass through the tokenizer: its callbacks write the inlined fragment as they go. */
class FragmentWriter implements TokenizerCallbacks {
  private out = '';
  private ok = true;
  /** Where the last token read ends: each one must start there, so nothing is skipped unseen. */
  private covered = 0;
  private readonly open: OpenElement[] = [];
  /** The start tag being read: its name, attributes as written out, and the facts selectors see. */
  private tag = '';
  private attributes = '';
  private readonly names: string[] = [];
  private id: string | undefined;
  private className: string | undefined;
  private value = '';
  private readonly tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: false }, this);

  constructor(
    private readonly html: string,
    private readonly context: readonly ElementFacts[],
    private readonly root: ChainState,
    private readonly rules: InlineRules,
  ) {}

  write(): string | undefined {
    this.tokenizer.write(this.html);
    this.tokenizer.end();
    return this.ok && this.open.length === 0 && this.covered === this.html.length ? this.out : undefined;
  }

  ontext(start: number, end: number): void {
    if (this.reach(start, end)) this.out += this.html.slice(start, end);
  }

  onopentagname(start: number, end: number): void {
    if (!this.reach(start - 1, end)) return;
    const tag = this.html.slice(start, end).toLowerCase();
    const parent = this.open.length > 0 ? this.open[this.open.length - 1]!.tag : this.context[this.context.length - 1]?.tag;
    if (!ALLOWED.has(tag) || (parent !== undefined && closesOnOpen(parent, tag))) return this.refuse();
    this.tag = tag;
    this.attributes = '';
    this.names.length = 0;
    this.id = undefined;
    this.className = undefined;
  }

  onattribname(start: number, end: number): void {
    const name = this.html.slice(start, end).toLowerCase();
    // Names like "1" come first in the parser's attribute object (so in cheerio's output); "__proto__" is lost.
    if (!this.ok || name === 'style' || this.names.includes(name) || /^\d/.test(name) || name === '__proto__') return this.refuse();
    this.names.push(name);
    this.value = '';
  }

  onattribdata(start: number, end: number): void {
    this.value += this.html.slice(start, end);
  }

  onattribend(_quote: QuoteType, _end: number): void {
    if (!this.ok) return;
    const name = this.names[this.names.length - 1]!;
    if (name === 'id') this.id = this.value;
    else if (name === 'class') this.className = this.value;
    this.attributes += this.value === '' ? ` ${name}` : ` ${name}="${this.value.replace(/"/g, '&quot;')}"`;
  }

  onopentagend(end: number): void {
    if (!this.ok) return;
    this.covered = end + 1;
    const parent = this.open.length > 0 ? this.open[this.open.length - 1]!.state : this.root;
    const key = `${this.tag}\u0000${this.id ?? ''}\u0000${this.className ?? ''}`;
    const state = parent.children.get(key) ?? this.newState(parent, key);
    if (state.style === undefined) return this.refuse();
    this.out += state.style === '' ? `<${this.tag}${this.attributes}>` : `<${this.tag}${this.attributes} style="${state.style}">`;
    if (!VOID.has(this.tag)) this.open.push({ tag: this.tag, id: this.id, className: this.className, state });
  }

  /** The parser reads `<br/>` and `<span/>` in HTML as start tags. */
  onselfclosingtag(end: number): void {
    this.onopentagend(end);
  }

  onclosetag(start: number, end: number): void {
    if (!this.ok) return;
    const tag = this.html.slice(start, end).toLowerCase();
    const close = this.html.indexOf('>', end);
    if (this.html.lastIndexOf('<', start) !== this.covered || close < 0 || this.open[this.open.length - 1]?.tag !== tag) return this.refuse();
    this.covered = close + 1;
    this.open.pop();
    this.out += `</${tag}>`;
  }

  oncomment(): void {
    this.refuse();
  }

  oncdata(): void {
    this.refuse();
  }

  ondeclaration(): void {
    this.refuse();
  }

  onprocessinginstruction(): void {
    this.refuse();
  }

  /** Not called: entities are left as they are. */
  onattribentity(): void {
    this.refuse();
  }

  ontextentity(): void {
    this.refuse();
  }

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

  /** The state of the element being opened, first seen under `parent`: its style asked of the rules. */
  private newState(parent: ChainState, key: string): ChainState {
    const facts = (element: { tag: string; id: string | undefined; className: string | undefined }): ElementFacts => (
      { tag: element.tag, id: element.id, classes: (element.className ?? '').split(/[ \t\n\f\r]+/).filter(Boolean) });
    const chain = [...this.context, ...this.open.map(facts), facts({ tag: this.tag, id: this.id, className: this.className })];
    const state: ChainState = { style: this.rules.styleFor(chain), children: new Map() };
    parent.children.set(key, state);
    return state;
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

/** The text of a `<title>` or an attribute value: kept as it is, when nothing in it could change the markup. */
export function inlineText(text: string): string | undefined {
  return text === '' || /[<"]|\{\{|<%/.test(text) ? undefined : text;
}
