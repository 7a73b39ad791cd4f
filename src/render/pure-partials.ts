import Handlebars from 'handlebars';

type Node = hbs.AST.Node;

/**
 * Helpers whose result depends on their arguments and the context alone. `upper` is not one: it reads the
 * language from `@root`, which differs from page to page.
 */
const PURE_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'eq', 'or', 'contains', 'rule']);

/** Data variables that the partial's own `{{#each}}` sets; any other `@name` comes from the caller. */
const EACH_DATA = new Set(['index', 'first', 'last', 'key']);

/**
 * Partials worth remembering by context: those whose output depends on the context object alone (see
 * `readsContextOnly`) and that are called from two templates or more, such as `item-body`, which an item's
 * issue page, email, feed entry and category pages all render from the same item view.
 */
export function memoisablePartials(templates: ParsedTemplates, helpers: ReadonlySet<string>): Set<string> {
  const callers = new Map<string, Set<string>>();
  for (const [name, program] of templates) {
    for (const partial of calledPartials(program)) {
      if (!callers.has(partial)) callers.set(partial, new Set());
      callers.get(partial)!.add(name);
    }
  }
  const chosen = new Set<string>();
  for (const [partial, from] of callers) {
    if (from.size >= 2 && readsContextOnly(partial, { templates, helpers, seen: new Set() })) chosen.add(partial);
  }
  return chosen;
}

/** Parsed templates by name, such as `partials/item.hbs`. */
export type ParsedTemplates = ReadonlyMap<string, hbs.AST.Program>;

/** Names of the partials a template calls by a fixed name (`{{> item-body}}` -> `item-body`). */
function calledPartials(program: hbs.AST.Program): Set<string> {
  const names = new Set<string>();
  const visitor = new Handlebars.Visitor();
  visitor.PartialStatement = function (partial: hbs.AST.PartialStatement) {
    if (partial.name.type === 'PathExpression' && !(partial.name as hbs.AST.PathExpression).data) {
      names.add((partial.name as hbs.AST.PathExpression).original);
    }
  };
  visitor.accept(program);
  return names;
}

interface Check {
  templates: ParsedTemplates;
  helpers: ReadonlySet<string>;
  /** Partials already being checked: a partial that calls itself is as pure as the rest of it. */
  seen: Set<string>;
}

/**
 * Whether the partial's output depends on nothing but its context: it reads no `@root`, no `../` and no
 * data variable but its own `{{#each}}`'s, calls only pure helpers and partials that pass the same test,
 * and holds no partial block or decorator. Conservative: any other form counts as impure.
 */
function readsContextOnly(partial: string, check: Check): boolean {
  if (check.seen.has(partial)) return true;
  check.seen.add(partial);
  const program = check.templates.get(`partials/${partial}.hbs`);
  return program !== undefined && programOk(program, 0, check);
}

function programOk(program: hbs.AST.Program | undefined | null, eachDepth: number, check: Check): boolean {
  return !program || program.body.every((node) => statementOk(node, eachDepth, check));
}

function statementOk(node: Node, eachDepth: number, check: Check): boolean {
  switch (node.type) {
    case 'ContentStatement':
    case 'CommentStatement':
      return true;
    case 'MustacheStatement':
      return callOk(node as hbs.AST.MustacheStatement, eachDepth, check);
    case 'BlockStatement': {
      const block = node as hbs.AST.BlockStatement;
      const name = (block.path as hbs.AST.PathExpression).original;
      if (block.path.type !== 'PathExpression' || !PURE_HELPERS.has(name) || !argumentsOk(block, eachDepth, check)) return false;
      return programOk(block.program, name === 'each' ? eachDepth + 1 : eachDepth, check) && programOk(block.inverse, eachDepth, check);
    }
    case 'PartialStatement': {
      const partial = node as hbs.AST.PartialStatement;
      const path = partial.name as hbs.AST.PathExpression;
      if (partial.name.type !== 'PathExpression' || path.data || !argumentsOk(partial, eachDepth, check)) return false;
      return readsContextOnly(path.original, check);
    }
    default:
      return false;
  }
}

function callOk(node: hbs.AST.MustacheStatement | hbs.AST.SubExpression, eachDepth: number, check: Check): boolean {
  if (node.path.type !== 'PathExpression') return valueOk(node.path, eachDepth, check);
  const path = node.path as hbs.AST.PathExpression;
  const hasArguments = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
  if (hasArguments) return PURE_HELPERS.has(path.original) && argumentsOk(node, eachDepth, check);
  const helper = path.parts.length === 1 && !path.data && (check.helpers.has(path.original) || path.original.startsWith('__'));
  return helper ? PURE_HELPERS.has(path.original) : valueOk(path, eachDepth, check);
}

function argumentsOk(node: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, eachDepth: number, check: Check): boolean {
  const values = [...node.params, ...(node.hash?.pairs.map((pair) => pair.value) ?? [])];
  return values.every((value) => valueOk(value, eachDepth, check));
}

/** A literal, a path into the context, a pure sub-expression, or `@index` and the like inside the partial's own each. */
function valueOk(node: Node, eachDepth: number, check: Check): boolean {
  if (node.type === 'SubExpression') return callOk(node as hbs.AST.SubExpression, eachDepth, check);
  if (node.type !== 'PathExpression') return /Literal$/.test(node.type);
  const path = node as hbs.AST.PathExpression;
  if (path.depth > 0) return false;
  return !path.data || (eachDepth > 0 && path.parts.length === 1 && EACH_DATA.has(path.parts[0]!));
}

/**
 * A compiled partial that renders once per context object and then repeats itself. A call with hash
 * arguments (`{{> footer site=site}}`) gets a fresh context each time, and a string or number is no key,
 * so those are rendered as usual.
 */
export function rememberByContext(template: HandlebarsTemplateDelegate): HandlebarsTemplateDelegate {
  const rendered = new WeakMap<object, string>();
  return (context: unknown, options?: Handlebars.RuntimeOptions & { hash?: object }) => {
    const keyed = typeof context === 'object' && context !== null && (options?.hash === undefined || Object.keys(options.hash).length === 0);
    if (!keyed) return template(context, options);
    let output = rendered.get(context);
    if (output === undefined) {
      output = template(context, options);
      rendered.set(context, output);
    }
    return output;
  };
}
