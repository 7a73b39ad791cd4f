import { createRequire } from 'node:module';

/** An element as CSS selectors see it here: its tag, id and classes. */
export interface ElementFacts {
  tag: string;
  id: string | undefined;
  classes: readonly string[];
}

/**
 * The inline CSS of an email (`<mj-style inline="inline">`) as a function from an element and its
 * ancestors to the `style` attribute juice would give it inside MJML: the same rule order, specificity,
 * `!important` handling and formatting, from juice's own parser and property classes.
 */
export interface InlineRules {
  /** The style attribute's value, '' for none; undefined when juice would also add table attributes. */
  styleFor(chain: readonly ElementFacts[]): string | undefined;
}

interface Declaration {
  type: string;
  name: string;
  value: string;
  position: { start: { line: number; col: number } };
}

interface JuiceProperty {
  prop: string;
  value: string;
  selector: unknown;
  nextProp?: JuiceProperty;
  compare(other: JuiceProperty): JuiceProperty;
  compareFunc(other: JuiceProperty): number;
}

interface Juice {
  ignoredPseudos: string[];
  tableElements: string[];
  styleToAttribute: Record<string, string>;
  utils: {
    parseCSS(css: string): Array<[string, Declaration[]]>;
    Selector: new (text: string) => { parsed(): ArrayLike<{ pseudos?: Array<{ name: string }> }> | undefined };
    Property: new (prop: string, value: string, selector: unknown, priority: number, additional: number[]) => JuiceProperty;
  };
}

interface Compound {
  tag: string | undefined;
  ids: string[];
  classes: string[];
  /** How this compound relates to the next one to its right. */
  combinator: ' ' | '>';
}

interface Rule {
  compounds: Compound[];
  selector: unknown;
  declarations: Declaration[];
}

/**
 * The juice MJML itself loads (resolved through mjml and mjml-core), so both inline alike: its inlining
 * core (lib/inline.js: the pseudo-classes it ignores, the table attributes) and its CSS utilities
 * (lib/utils.js: parser, Selector, Property), without the cheerio DOM that juice's main module loads
 * and this never uses (~100 ms of an incremental build that renders one email). juice has no `exports`
 * map, so these paths are public; the email-paths tests compare the result with MJML's own output.
 */
export function mjmlJuice(): Juice {
  const fromMjml = createRequire(createRequire(import.meta.url).resolve('mjml'));
  const fromCore = createRequire(fromMjml.resolve('mjml-core'));
  const makeJuiceClient = fromCore('juice/lib/inline') as (base: object) => Omit<Juice, 'utils'>;
  return Object.assign(makeJuiceClient({}), { utils: fromCore('juice/lib/utils') as Juice['utils'] });
}

const SIMPLE_SELECTOR = /^[\w\-.#*\s>]+$/;
const COMPOUND = /^(\*|[a-zA-Z][\w-]*)?((?:[.#]-?[_a-zA-Z][\w-]*)*)$/;

/**
 * Compile the CSS juice will inline (MJML passes `'\n' + inline styles`). Undefined when it uses anything
 * whose result depends on more than an element's ancestors (sibling combinators, pseudo-classes other
 * than those juice ignores, attribute selectors, pseudo-elements, CSS variables, `$` that juice's variable
 * pass could read as a replacement pattern).
 */
export function compileInlineRules(css: string, juice: Juice): InlineRules | undefined {
  const rules: Rule[] = [];
  for (const [text, declarations] of juice.utils.parseCSS(css)) {
    const selector = new juice.utils.Selector(text);
    const parsed = selector.parsed();
    if (!parsed) continue;
    if (Array.from(parsed).some((part) => part.pseudos?.some((pseudo) => juice.ignoredPseudos.includes(pseudo.name)))) continue;
    const compounds = SIMPLE_SELECTOR.test(text) ? parseCompounds(text.trim()) : undefined;
    if (!compounds || declarations.some((item) => item.type === 'property' && (item.name.startsWith('--') || /var\(|\$/.test(item.value)))) return undefined;
    rules.push({ compounds, selector, declarations });
  }
  const memo = new Map<string, string | undefined>();
  return {
    styleFor(chain) {
      const matched = rules.filter((rule) => matches(rule.compounds, chain, chain.length - 1, rule.compounds.length - 1));
      const tag = chain[chain.length - 1]!.tag;
      const key = `${tag} ${matched.map((rule) => rules.indexOf(rule)).join(',')}`;
      if (!memo.has(key)) memo.set(key, matched.length === 0 ? '' : styleOf(matched, tag, juice));
      return memo.get(key);
    },
  };
}

function parseCompounds(text: string): Compound[] | undefined {
  const compounds: Compound[] = [];
  let combinator: Compound['combinator'] = ' ';
  for (const part of text.split(/(\s*>\s*|\s+)/)) {
    if (part.trim() === '>' || (part !== '' && part.trim() === '')) {
      combinator = part.trim() === '>' ? '>' : ' ';
      continue;
    }
    const match = COMPOUND.exec(part);
    if (!match || part === '') return undefined;
    const names = match[2]!.match(/[.#][^.#]+/g) ?? [];
    compounds.push({
      tag: match[1] === undefined || match[1] === '*' ? undefined : match[1].toLowerCase(),
      ids: names.filter((name) => name[0] === '#').map((name) => name.slice(1)),
      classes: names.filter((name) => name[0] === '.').map((name) => name.slice(1)),
      combinator,
    });
    combinator = ' ';
  }
  return compounds.length > 0 ? compounds : undefined;
}

function matchesOne(compound: Compound, element: ElementFacts): boolean {
  return (compound.tag === undefined || compound.tag === element.tag)
    && compound.ids.every((id) => id === element.id)
    && compound.classes.every((name) => element.classes.includes(name));
}

/** Whether compounds[0..at] match with compounds[at] on chain[index], as css-select decides. */
function matches(compounds: Compound[], chain: readonly ElementFacts[], index: number, at: number): boolean {
  if (!matchesOne(compounds[at]!, chain[index]!)) return false;
  if (at === 0) return true;
  if (compounds[at]!.combinator === '>') return index > 0 && matches(compounds, chain, index - 1, at - 1);
  for (let ancestor = index - 1; ancestor >= 0; ancestor--) {
    if (matches(compounds, chain, ancestor, at - 1)) return true;
  }
  return false;
}

/** juice's addProps and setStyleAttrs (inline.js) for an element without a style attribute of its own. */
function styleOf(rules: Rule[], tag: string, juice: Juice): string | undefined {
  const props: Record<string, JuiceProperty> = {};
  for (const rule of rules) {
    for (const item of rule.declarations) {
      if (item.type !== 'property') continue;
      const important = /!important$/.test(item.value);
      const value = important ? item.value.replace(/\s*!important$/, '') : item.value;
      const prop = new juice.utils.Property(item.name, value, rule.selector, important ? 2 : 0, [item.position.start.line, item.position.start.col]);
      const existing = props[item.name];
      if (existing && existing.compare(prop) !== prop) continue;
      if (existing && existing.selector !== rule.selector) delete props[item.name];
      else if (existing) prop.nextProp = existing;
      props[item.name] = prop;
    }
  }
  if (juice.tableElements.includes(tag.toUpperCase()) && Object.keys(props).some((name) => name in juice.styleToAttribute)) return undefined;
  const all: JuiceProperty[] = [];
  for (const name of Object.keys(props)) {
    for (let prop: JuiceProperty | undefined = props[name]; prop; prop = prop.nextProp) all.push(prop);
  }
  all.sort((a, b) => a.compareFunc(b));
  return all
    .filter((prop) => !prop.prop.startsWith('--') && prop.prop !== 'content')
    .map((prop) => `${prop.prop}: ${prop.value.replace(/["]/g, '\'')};`)
    .join(' ');
}
