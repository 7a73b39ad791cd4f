import Handlebars from 'handlebars';
import { MonitorError } from '../core/errors.js';
import { registerHelpers } from './helpers.js';
import { memoisablePartials, rememberByContext } from './pure-partials.js';
import type { TemplateSources, TextCache } from './types.js';

/** The compiled templates of one publication, rendered by name (`web/issue.hbs`). */
export interface TemplateSet {
  render(name: string, context: object): string;
  /** The template's source, or undefined when the set has no such template. */
  source(name: string): string | undefined;
  /**
   * Compile more Handlebars source in the set's own instance (its partials and helpers), with the options
   * a template of that name gets; `helpers` are registered for it alone, as render-time helpers.
   */
  compile(name: string, source: string): HandlebarsTemplateDelegate;
  /** Names of the registered helpers, such as `eq` and `upper`. */
  helperNames(): string[];
}

/** Plain-text templates are compiled without HTML escaping: `text.hbs` and `partials/text-*.hbs`. */
function isPlainText(name: string): boolean {
  return name === 'text.hbs' || name.startsWith('partials/text-');
}

/**
 * Compile every `.hbs` template once, in a Handlebars instance of its own, with the files of `partials/`
 * registered as partials by their name (`partials/item.hbs` -> `{{> item}}`). A syntax error becomes a
 * MonitorError naming the template file and line. A partial that depends on its context alone and is
 * called from several templates renders once per context object (memoisablePartials). With a cache,
 * the compiled set of a run is kept and a later run with the same sources takes it from there.
 */
export function compileTemplates(sources: TemplateSources, cache?: TextCache): TemplateSet {
  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  const { compiled, memoisable } = cache ? fromCache(handlebars, sources, cache) : compileEach(handlebars, sources);
  for (const [name, template] of compiled) {
    if (!name.startsWith('partials/')) continue;
    const partial = name.slice('partials/'.length, -'.hbs'.length);
    handlebars.registerPartial(partial, memoisable.includes(partial) ? rememberByContext(template) : template);
  }
  return {
    source: (name) => sources.get(name),
    compile: (name, source) => handlebars.compile(parse(handlebars, name, source), compileOptions(name)),
    helperNames: () => Object.keys(handlebars.helpers),
    render(name, context) {
      const template = compiled.get(name);
      if (!template) throw new MonitorError(`The template ${templateFile(name)} is missing; restore it from monitor's templates/ folder.`);
      try {
        return template(context);
      } catch (error) {
        throw templateError(name, error);
      }
    },
  };
}

/** The templates of a set by name, and the partials to memoise. */
interface Compiled {
  compiled: Map<string, HandlebarsTemplateDelegate>;
  memoisable: string[];
}

/** The `.hbs` sources by name, sorted. */
function templateSources(sources: TemplateSources): Array<[string, string]> {
  return [...sources].filter(([name]) => name.endsWith('.hbs')).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every template parsed now and compiled by Handlebars on first use (as `handlebars.compile` does). */
function compileEach(handlebars: typeof Handlebars, sources: TemplateSources): Compiled {
  const parsed = new Map(templateSources(sources).map(([name, source]) => [name, parse(handlebars, name, source)]));
  const compiled = new Map([...parsed].map(([name, program]) => [name, handlebars.compile(program, compileOptions(name))]));
  return { compiled, memoisable: [...memoisablePartials(parsed, new Set(Object.keys(handlebars.helpers)))] };
}

/**
 * A template set compiled, as kept in the cache: each template as JavaScript source (Handlebars'
 * precompiled form) or, when Handlebars could not compile it, its error, which rendering it reports
 * (as compiling on first use does); and the partials to memoise.
 */
interface CompiledSet {
  specs: Record<string, string>;
  failures: Record<string, string>;
  memoisable: string[];
}

/** The set from the cache, or compiled now and kept there. */
function fromCache(handlebars: typeof Handlebars, sources: TemplateSources, cache: TextCache): Compiled {
  const templates = templateSources(sources);
  const key = JSON.stringify(templates);
  const cached = cache.get(key);
  const set = cached === undefined ? precompileAll(handlebars, templates) : (JSON.parse(cached) as CompiledSet);
  if (cached === undefined) cache.set(key, JSON.stringify(set));
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const [name, spec] of Object.entries(set.specs)) compiled.set(name, handlebars.template(evaluate(spec)));
  for (const [name, message] of Object.entries(set.failures)) {
    compiled.set(name, () => {
      throw templateError(name, new Error(message));
    });
  }
  return { compiled, memoisable: set.memoisable };
}

function precompileAll(handlebars: typeof Handlebars, templates: Array<[string, string]>): CompiledSet {
  const parsed = new Map(templates.map(([name, source]) => [name, parse(handlebars, name, source)]));
  const memoisable = [...memoisablePartials(parsed, new Set(Object.keys(handlebars.helpers)))];
  const specs: Record<string, string> = {};
  const failures: Record<string, string> = {};
  for (const [name, program] of parsed) {
    try {
      specs[name] = String(handlebars.precompile(program, compileOptions(name)));
    } catch (error) {
      failures[name] = error instanceof Error ? error.message : String(error);
    }
  }
  return { specs, failures, memoisable };
}

/** A precompiled template's source (an object literal of functions, made by Handlebars itself) as the object. */
function evaluate(spec: string): TemplateSpecification {
  return new Function(`return ${spec};`)() as TemplateSpecification;
}

/**
 * Parse a template now, so that a syntax error fails here, naming its file; compile takes the tree
 * rather than parsing it again (and compiles it on first use).
 */
function parse(handlebars: typeof Handlebars, name: string, source: string): hbs.AST.Program {
  try {
    return handlebars.parseWithoutProcessing(source);
  } catch (error) {
    throw templateError(name, error);
  }
}

function compileOptions(name: string): CompileOptions {
  return { noEscape: isPlainText(name), strict: false, preventIndent: true };
}

export function templateFile(name: string): string {
  return `templates/${name}`;
}

/** A Handlebars failure as our error: the message names the template file and, when Handlebars knows it, the line. */
export function templateError(name: string, error: unknown): MonitorError {
  if (error instanceof MonitorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const line = Number(/line (\d+)/i.exec(message)?.[1] ?? (error as { lineNumber?: number })?.lineNumber ?? 0);
  const where = line > 0 ? `${templateFile(name)}:${line}` : templateFile(name);
  const detail = message.split('\n').map((text) => text.trimEnd()).filter(Boolean).join('\n  ');
  return new MonitorError(`${where}: the template failed: ${detail}`, { cause: error });
}
