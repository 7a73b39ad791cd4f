import type { ElementFacts, InlineRules } from './chain-styles.js';
import { FragmentWriter, type ChainState, type Shared } from './fragment-writer.js';

/** Where a fragment goes: the elements around it, outermost first. */
export interface FragmentPlace {
  context: readonly ElementFacts[];
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
  private readonly shared: Shared;

  constructor(rules: InlineRules) {
    this.shared = { rules, classLists: new Map() };
  }

  inline(html: string, place: FragmentPlace): string | undefined {
    if (html.includes('{{') || html.includes('<%')) return undefined;
    let root = this.roots.get(place.context);
    if (!root) this.roots.set(place.context, (root = { style: '', children: new Map() }));
    return new FragmentWriter(html, place.context, root, this.shared).write();
  }
}

/** The text of a `<title>` or an attribute value: kept as it is, when nothing in it could change the markup. */
export function inlineText(text: string): string | undefined {
  return text === '' || /[<"]|\{\{|<%/.test(text) ? undefined : text;
}
