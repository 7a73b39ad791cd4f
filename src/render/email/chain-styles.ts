import { createRequire } from 'node:module';
import { Parser } from 'htmlparser2';
import type juiceModule from 'juice';
import type { TextCache } from '../types.js';

/** An element as CSS selectors see it here: its tag, id and classes. */
export interface ElementFacts {
  tag: string;
  id: string | undefined;
  classes: readonly string[];
}

/**
 * The inline CSS of an email (`<mj-style inline="inline">`) as a function from an element and its
 * ancestors to the `style` attribute juice gives it inside MJML.
 */
export interface InlineRules {
  /** The style attribute's value, '' for none; undefined when juice would also add attributes (tables). */
  styleFor(chain: readonly ElementFacts[]): string | undefined;
  /**
   * Whether the CSS names this id or class, given with its sign (`#top`, `.item`): the ids and classes it
   * does not name never change a style, so callers may leave them out of what they remember styles by.
   */
  names(selector: string): boolean;
}

/** The options MJML gives juice (mjml-core, with ours from mjml.ts), so both inline alike. */
const JUICE_OPTIONS = {
  applyStyleTags: false, removeStyleTags: false, insertPreservedExtraCss: false,
  applyWidthAttributes: false, applyHeightAttributes: false,
};

/**
 * A selector whose matches depend on an element and its ancestors alone: tags, classes, ids, the
 * universal selector, descendant and child combinators. With anything else (siblings, attribute
 * selectors, pseudo-classes, CSS variables) the chain of ancestors does not decide an element's style.
 */
const ANCESTORS_ONLY = /^[\w\-.#*\s>]+$/;

/**
 * Styles by chain of elements, from juice itself: the chain is written as a small document of nested
 * elements, juice inlines the CSS into it (its public API, with MJML's options), and the innermost
 * element's attributes are read back. Each chain is asked once; the answers (data: style texts, never
 * code) are kept in `cache`, so a later run fills emails without loading juice. Undefined when the CSS
 * uses selectors or values whose result depends on more than the chain.
 */
export function chainStyles(css: string, cache: TextCache | undefined): InlineRules | undefined {
  const key = `inline styles\u0000${css}`;
  const known = readKnown(cache?.get(key));
  if (known === null) return undefined;
  const styles = known ?? new Map<string, string | null>();
  if (known === undefined) {
    if (!ancestorsDecide(css)) {
      cache?.set(key, 'null');
      return undefined;
    }
  }
  const names = new Set(css.match(NAMES));
  return {
    names: (selector) => names.has(selector),
    styleFor(chain) {
      const seen = chain.map((element) => selectorFacts(element, names));
      const chainKey = seen.map((element) => `${element.tag}#${element.id ?? ''}.${element.classes.join('.')}`).join(' ');
      let style = styles.get(chainKey);
      if (style === undefined) {
        style = juiceStyle(css, seen);
        styles.set(chainKey, style);
        cache?.set(key, JSON.stringify([...styles]));
      }
      return style ?? undefined;
    },
  };
}

/**
 * Every `.name` and `#name` in the CSS text. Only these ids and classes can change what a selector
 * matches; an element is asked about with the others left out, so the items' anchor ids, unique to
 * each headline, do not make every headline a chain of its own. (Words in values that look like names,
 * such as `#d8d2c4`, only keep a few more facts than needed.)
 */
const NAMES = /[.#]-?[_a-zA-Z][\w-]*/g;

function selectorFacts(element: ElementFacts, names: ReadonlySet<string>): ElementFacts {
  const id = element.id !== undefined && names.has(`#${element.id}`) ? element.id : undefined;
  return { tag: element.tag, id, classes: element.classes.filter((name) => names.has(`.${name}`)) };
}

/** Kept styles: a map, null when the CSS was found unsuitable, undefined when nothing usable is kept. */
function readKnown(text: string | undefined): Map<string, string | null> | null | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value === null) return null;
    const entries = value as Array<[unknown, unknown]>;
    const valid = Array.isArray(entries) && entries.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string'
      && (entry[1] === null || (typeof entry[1] === 'string' && !/["<>&]/.test(entry[1]))));
    return valid ? new Map(entries as Array<[string, string | null]>) : undefined;
  } catch {
    return undefined;
  }
}

let juice: typeof juiceModule | undefined;
let postcss: typeof import('postcss') | undefined;

/** Whether every rule juice inlines selects by ancestors alone and sets no CSS variable. */
function ancestorsDecide(css: string): boolean {
  postcss ??= createRequire(import.meta.url)('postcss') as typeof import('postcss');
  let root;
  try {
    root = postcss.parse(css);
  } catch {
    return false;
  }
  juice ??= createRequire(import.meta.url)('juice') as typeof juiceModule;
  const ignored = juice.ignoredPseudos.map((name) => `:${name}`);
  return root.nodes.every((node) => node.type !== 'rule' || (
    node.selectors.every((selector) => ANCESTORS_ONLY.test(selector) || ignored.some((pseudo) => selector.includes(pseudo)))
    && node.nodes.every((declaration) => declaration.type !== 'decl' || (!declaration.prop.startsWith('--') && !/var\(|\$/.test(declaration.value)))
  ));
}

/** The style juice gives the innermost element of the chain; null when it adds other attributes too. */
function juiceStyle(css: string, chain: readonly ElementFacts[]): string | null {
  if (chain.some((element) => /["&<>]/.test(`${element.id ?? ''}${element.classes.join(' ')}`))) return null;
  juice ??= createRequire(import.meta.url)('juice') as typeof juiceModule;
  const open = chain.map((element, index) => `<${element.tag} ${DEPTH}="${index}"${element.id === undefined ? '' : ` id="${element.id}"`}${element.classes.length ? ` class="${element.classes.join(' ')}"` : ''}>`);
  const close = [...chain].reverse().map((element) => `</${element.tag}>`);
  const html = juice(open.join('') + close.join(''), { ...JUICE_OPTIONS, extraCss: css });
  let attributes: Record<string, string> | undefined;
  const parser = new Parser({
    onopentag(_name, found) {
      if (found[DEPTH] === String(chain.length - 1)) attributes = found;
    },
  }, { decodeEntities: false });
  parser.end(html);
  if (attributes === undefined) return null;
  const { style, id: _id, class: _class, [DEPTH]: _depth, ...added } = attributes;
  return Object.keys(added).length > 0 ? null : style ?? '';
}

/** Marks each element of a chain document with its depth, to find the innermost one again. */
const DEPTH = 'data-monitor-depth';
