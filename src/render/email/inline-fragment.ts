import { Parser } from 'htmlparser2';
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

/** An element's style as it depends on its ancestors: remembered per chain. */
interface ChainState {
  id: string;
  /** The element's style attribute, '' for none; undefined when the inliner does not handle it. */
  style: string | undefined;
}

/**
 * Inlines fragments as they come out of MJML's inlining step (juice over cheerio with htmlparser2, entities
 * left alone): the fragment is read with htmlparser2 inside the elements of its place, and written as
 * cheerio writes it (attribute names in lower case, `attr=""` as `attr`, void elements without `/`) with
 * each element's inline style appended. Only elements whose round trip is known are accepted: none with a
 * style of its own, no comments, nothing closed implicitly; for anything else the answer is undefined and
 * the caller renders the issue through MJML itself.
 */
export class FragmentInliner {
  private readonly states = new Map<string, ChainState>();

  constructor(private readonly rules: InlineRules) {}

  inline(html: string, place: FragmentPlace): string | undefined {
    if (html.includes('{{') || html.includes('<%')) return undefined;
    const context = place.context.map((element) => `<${element.tag}>`).join('');
    const chain: ElementFacts[] = [...place.context];
    const states: ChainState[] = [{ id: `r${place.context.map(factsKey).join('>')}`, style: '' }];
    let out = '';
    let ok = true;
    let finished = false;
    let attributeCount = 0;
    const inFragment = () => parser.startIndex >= context.length;
    const parser: Parser = new Parser({
      onattribute() {
        attributeCount += 1;
      },
      onopentag: (name, attributes) => {
        const count = attributeCount;
        attributeCount = 0;
        if (!inFragment() || !ok) return;
        const state = ALLOWED.has(name) && !('style' in attributes) && count === Object.keys(attributes).length
          ? this.state(name, attributes, chain, states) : undefined;
        if (state?.style === undefined) {
          ok = false;
          return;
        }
        out += openTag(name, attributes, state.style);
      },
      onclosetag(name, implied) {
        if (!inFragment() || !ok || finished) return;
        if (chain.length <= place.context.length || (implied && !VOID.has(name))) {
          ok = false;
          return;
        }
        chain.pop();
        states.pop();
        if (!VOID.has(name)) out += `</${name}>`;
      },
      ontext(text) {
        if (inFragment()) out += text;
      },
      oncomment() {
        ok = false;
      },
      onprocessinginstruction() {
        ok = false;
      },
    }, { decodeEntities: false });
    parser.write(context + html);
    ok &&= chain.length === place.context.length;
    finished = true;
    parser.end();
    return ok ? out : undefined;
  }

  /** The element's chain state; the element joins the chain. */
  private state(name: string, attributes: Record<string, string>, chain: ElementFacts[], states: ChainState[]): ChainState {
    const element = { tag: name, id: attributes['id'], classes: (attributes['class'] ?? '').split(/[ \t\n\f\r]+/).filter(Boolean) };
    chain.push(element);
    const key = `${states[states.length - 1]!.id}>${factsKey(element)}`;
    let state = this.states.get(key);
    if (!state) {
      state = { id: `s${this.states.size}`, style: this.rules.styleFor(chain) };
      this.states.set(key, state);
    }
    states.push(state);
    return state;
  }
}

function factsKey(element: ElementFacts): string {
  return `${element.tag}#${element.id ?? ''}.${element.classes.join('.')}`;
}

/** A start tag as cheerio writes it, with the inline style appended. */
function openTag(name: string, attributes: Record<string, string>, style: string): string {
  let text = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) text += value === '' ? ` ${key}` : ` ${key}="${value.replace(/"/g, '&quot;')}"`;
  return `${text}${style === '' ? '' : ` style="${style}"`}>`;
}

/** The text of a `<title>` or an attribute value: kept as it is, when nothing in it could change the markup. */
export function inlineText(text: string): string | undefined {
  return text === '' || /[<"]|\{\{|<%/.test(text) ? undefined : text;
}
