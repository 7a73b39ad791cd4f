import Handlebars from 'handlebars';

/** A run of Handlebars statements in a template's source, with no text between them. */
export interface Statement {
  /** Offset of its first `{{` in the source. */
  start: number;
  /** Offset just after its last `}}`. */
  end: number;
  /** The run as written, such as `{{#each items}}`. */
  text: string;
}

/**
 * Where the source's Handlebars is, as Handlebars' own parser reads it: everything that is not content
 * (text passed through as written) is a statement. Undefined when Handlebars cannot parse the source,
 * and for the forms whose content differs from what is written (`\{{` escapes, `{{{{raw}}}}` blocks).
 */
export function findStatements(source: string): Statement[] | undefined {
  if (source.includes('\\{{') || source.includes('{{{{')) return undefined;
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch {
    return undefined;
  }
  const contents = contentRanges(source, program);
  if (!contents) return undefined;
  const statements: Statement[] = [];
  let at = 0;
  for (const [start, end] of [...contents, [source.length, source.length] as const]) {
    if (start > at) statements.push({ start: at, end: start, text: source.slice(at, start) });
    at = end;
  }
  return statements;
}

/** The source with every statement blanked out (same length), so an HTML tokenizer sees only the markup. */
export function mask(source: string, statements: readonly Statement[]): string {
  let masked = '';
  let at = 0;
  for (const statement of statements) {
    masked += source.slice(at, statement.start) + '\u0001'.repeat(statement.end - statement.start);
    at = statement.end;
  }
  return masked + source.slice(at);
}

type Range = readonly [start: number, end: number];

/** The content statements' places in the source, in order; undefined when one is not where its text is. */
function contentRanges(source: string, program: hbs.AST.Program): Range[] | undefined {
  const lineStarts = [0];
  for (const match of source.matchAll(/\r\n?|\n/g)) lineStarts.push(match.index + match[0].length);
  const offset = (position: hbs.AST.Position) => lineStarts[position.line - 1]! + position.column;
  const ranges: Range[] = [];
  for (const content of contentStatements(program)) {
    const range = [offset(content.loc.start), offset(content.loc.end)] as const;
    // Handlebars' types call `original` strip flags; it is the text as written.
    if (source.slice(range[0], range[1]) !== (content.original as unknown)) return undefined;
    ranges.push(range);
  }
  return ranges.sort((first, second) => first[0] - second[0]);
}

/** Every content statement of the program, also inside blocks (their bodies and `{{else}}` parts). */
function contentStatements(program: hbs.AST.Program): hbs.AST.ContentStatement[] {
  return program.body.flatMap((node) => {
    if (node.type === 'ContentStatement') return [node as hbs.AST.ContentStatement];
    const block = node as Partial<Pick<hbs.AST.BlockStatement, 'program' | 'inverse'>>;
    return [block.program, block.inverse].flatMap((body) => (body ? contentStatements(body) : []));
  });
}
