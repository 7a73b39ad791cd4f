import type { ElementFacts, InlineRules } from './inline-rules.js';

/** Where a fragment goes: the elements around it, outermost first. */
export interface FragmentPlace {
  context: readonly ElementFacts[];
}

/**
 * Inlines fragments as they come out of MJML's inlining step (juice over cheerio with htmlparser2, entities
 * left alone): tag and attribute names in lower case, `attr=""` written as `attr`, void elements without
 * `/`, and each element's inline style appended. Only a strict, well-formed subset is accepted, where that
 * round trip is fully known; for anything else the answer is undefined and the caller renders the issue
 * through MJML itself. An element's style depends only on its ancestors, so it is remembered per chain.
 */
export class FragmentInliner {
  private readonly states = new Map<string, ChainState>();
  private readonly roots = new WeakMap<FragmentPlace, ChainState>();

  constructor(private readonly rules: InlineRules) {}

  inline(html: string, place: FragmentPlace): string | undefined {
    if (html.includes('{{') || html.includes('<%')) return undefined;
    const walk: Walk = { chain: [...place.context], states: [this.root(place)], open: [] };
    let out = '';
    let at = 0;
    for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', at)) {
      out += html.slice(at, lt);
      const tag = html[lt + 1] === '/' ? endTag(html, lt, walk) : this.startTag(html, lt, walk);
      if (tag === undefined) return undefined;
      out += tag.text;
      at = tag.end;
    }
    return walk.open.length === 0 ? out + html.slice(at) : undefined;
  }

  private root(place: FragmentPlace): ChainState {
    let state = this.roots.get(place);
    if (!state) {
      state = { id: `r${this.states.size}`, style: undefined };
      this.states.set(state.id, state);
      this.roots.set(place, state);
    }
    return state;
  }

  private startTag(html: string, at: number, walk: Walk): Tag | undefined {
    START.lastIndex = at;
    const match = START.exec(html);
    if (!match) return undefined;
    const name = match[1]!.toLowerCase();
    const isVoid = VOID.has(name);
    const top = walk.chain[walk.chain.length - 1]?.tag;
    if (!ALLOWED.has(name) || (match[3] === '/' && !isVoid) || (top !== undefined && IMPLIES_CLOSE.get(name)?.has(top))) return undefined;
    const attributes = readAttributes(match[2]!);
    if (!attributes) return undefined;
    const state = this.state(name, attributes, walk);
    if (state.style === undefined) return undefined;
    if (!isVoid) {
      walk.open.push(name);
      walk.states.push(state);
    } else {
      walk.chain.pop();
    }
    let text = `<${name}`;
    for (let index = 0; index < attributes.length; index += 2) {
      text += attributes[index + 1] === '' ? ` ${attributes[index]}` : ` ${attributes[index]}="${attributes[index + 1]}"`;
    }
    if (state.style !== '') text += ` style="${state.style}"`;
    return { text: `${text}>`, end: at + match[0].length };
  }

  /** The element's chain state; the element joins the walk's chain (the caller pops it for void elements). */
  private state(name: string, attributes: string[], walk: Walk): ChainState {
    const id = attribute(attributes, 'id');
    const classes = attribute(attributes, 'class') ?? '';
    walk.chain.push({ tag: name, id, classText: classes });
    const key = `${walk.states[walk.states.length - 1]!.id}>${name}#${id ?? ''}.${classes}`;
    let state = this.states.get(key);
    if (!state) {
      state = { id: `s${this.states.size}`, style: this.rules.styleFor(walk.chain.map(elementFacts)) };
      this.states.set(key, state);
    }
    return state;
  }
}

/** An element of the walk, its classes split only when its style is not known yet. */
interface WalkElement {
  tag: string;
  id: string | undefined;
  classText: string;
}

function elementFacts(element: WalkElement | ElementFacts): ElementFacts {
  if ('classes' in element) return element;
  return { tag: element.tag, id: element.id, classes: element.classText.split(/[ \t\n\f\r]+/).filter(Boolean) };
}

interface ChainState {
  id: string;
  /** The element's style attribute, '' for none; undefined when the inliner does not handle it. */
  style: string | undefined;
}

interface Walk {
  chain: Array<WalkElement | ElementFacts>;
  states: ChainState[];
  open: string[];
}

/** The text of a `<title>` or an attribute value: kept as it is, when nothing in it could change the markup. */
export function inlineText(text: string): string | undefined {
  return text === '' || /[<"]|\{\{|<%/.test(text) ? undefined : text;
}

const START = /<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*)\s*(\/?)>/y;
const END = /<\/([a-zA-Z][a-zA-Z0-9]*)>/y;
const ATTRIBUTE = /\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g;

/** Elements an item or template may use here; the rest (raw-text, foreign, form elements) are not handled. */
const ALLOWED = new Set([
  'p', 'br', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'abbr', 'q',
  'cite', 'code', 'pre', 'kbd', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'span',
  'time', 'div', 'section', 'article', 'header', 'footer', 'nav', 'figure', 'figcaption',
]);
const VOID = new Set(['br', 'img', 'hr']);

/** htmlparser2's openImpliesClose for the allowed elements: opening the key closes an open element of the set. */
const P = new Set(['p']);
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['li', new Set(['li'])], ['dd', new Set(['dd', 'dt'])], ['dt', new Set(['dd', 'dt'])],
  ['tbody', new Set(['thead', 'tbody'])], ['tfoot', new Set(['thead', 'tbody'])],
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'article', 'blockquote', 'div', 'dl', 'figcaption', 'figure',
    'footer', 'header', 'hr', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((name) => [name, P] as [string, Set<string>]),
]);

interface Tag {
  text: string;
  end: number;
}

function endTag(html: string, at: number, walk: Walk): Tag | undefined {
  END.lastIndex = at;
  const match = END.exec(html);
  const name = match?.[1]!.toLowerCase();
  if (!match || name !== walk.open[walk.open.length - 1]) return undefined;
  walk.open.pop();
  walk.states.pop();
  walk.chain.pop();
  return { text: `</${name}>`, end: at + match[0].length };
}

/** Attribute names (lower case) and values, alternating; undefined for a repeated name or a style of its own. */
function readAttributes(text: string): string[] | undefined {
  const attributes: string[] = [];
  if (text === '') return attributes;
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(text); match; match = ATTRIBUTE.exec(text)) {
    const key = match[1]!.toLowerCase();
    if (key === 'style' || attribute(attributes, key) !== undefined) return undefined;
    attributes.push(key, match[2] ?? '');
  }
  return attributes;
}

function attribute(attributes: string[], name: string): string | undefined {
  for (let index = 0; index < attributes.length; index += 2) {
    if (attributes[index] === name) return attributes[index + 1];
  }
  return undefined;
}
