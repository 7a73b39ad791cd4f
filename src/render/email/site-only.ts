import Handlebars from 'handlebars';
import type { TemplateSet } from '../template-set.js';

type Node = hbs.AST.Node;

/**
 * Whether the Handlebars source reads nothing but `site` and `linkBase` (also through its partials), so
 * rendering it once with the site alone gives what it gives for every issue. Conservative: any form not
 * listed here (each, with, dynamic partials, decorators) counts as depending on the issue.
 */
export function readsSiteOnly(source: string, templates: TemplateSet, seen = new Set<string>()): boolean {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch {
    return false;
  }
  const helpers = new Set(templates.helperNames());
  return program.body.every((node) => siteOnly(node, { templates, helpers, seen }));
}

interface Check {
  templates: TemplateSet;
  helpers: Set<string>;
  seen: Set<string>;
}

function siteOnly(node: Node, check: Check): boolean {
  switch (node.type) {
    case 'ContentStatement':
    case 'CommentStatement':
      return true;
    case 'MustacheStatement':
    case 'SubExpression':
      return callOk(node as hbs.AST.MustacheStatement, check);
    case 'BlockStatement':
      return blockOk(node as hbs.AST.BlockStatement, check);
    case 'PartialStatement':
      return partialOk(node as hbs.AST.PartialStatement, check);
    default:
      return false;
  }
}

function callOk(node: hbs.AST.MustacheStatement | hbs.AST.SubExpression, check: Check): boolean {
  const path = node.path as hbs.AST.PathExpression;
  const args = [...node.params, ...(node.hash?.pairs.map((pair) => pair.value) ?? [])];
  if (args.length === 0) return valueOk(path);
  return path.type === 'PathExpression' && check.helpers.has(path.original) && args.every((arg) => valueOk(arg, check));
}

function blockOk(node: hbs.AST.BlockStatement, check: Check): boolean {
  const name = (node.path as hbs.AST.PathExpression).original;
  if ((name !== 'if' && name !== 'unless') || !node.params.every((param) => valueOk(param, check))) return false;
  const bodies = [node.program, node.inverse].filter((program): program is hbs.AST.Program => program !== undefined && program !== null);
  return bodies.every((program) => program.body.every((child) => siteOnly(child, check)));
}

function partialOk(node: hbs.AST.PartialStatement, check: Check): boolean {
  if (node.name.type !== 'PathExpression' || node.params.length > 0) return false;
  if (!(node.hash?.pairs ?? []).every((pair) => valueOk(pair.value, check))) return false;
  const name = `partials/${(node.name as hbs.AST.PathExpression).original}.hbs`;
  if (check.seen.has(name)) return true;
  check.seen.add(name);
  const source = check.templates.source(name);
  return source !== undefined && readsSiteOnly(source, check.templates, check.seen);
}

/** A literal, or a path into `site` / `linkBase` (also as `@root.site...`). */
function valueOk(node: Node, check?: Check): boolean {
  if (node.type === 'SubExpression') return check !== undefined && callOk(node as hbs.AST.SubExpression, check);
  if (node.type !== 'PathExpression') return /Literal$/.test(node.type);
  const path = node as hbs.AST.PathExpression;
  const parts = path.data ? (path.parts[0] === 'root' ? path.parts.slice(1) : []) : path.depth === 0 ? path.parts : [];
  return parts[0] === 'site' || (parts[0] === 'linkBase' && parts.length === 1);
}
