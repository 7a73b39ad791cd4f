import * as z from 'zod';
import { fieldInWords } from './field-words.js';
import { error, warning, type Problem } from './problems.js';
import { closestName, didYouMean } from './suggest.js';
import { joinPath, type FieldPath, type PositionedYaml } from './yaml-document.js';

/** The outcome of checking parsed YAML against a schema: the typed value when it passed, and every problem. */
export interface Checked<T> {
  value: T | undefined;
  problems: Problem[];
}

/**
 * Validate YAML data with a zod schema and place every issue at its node in the file, naming nested
 * fields in the editor's words ("the date of the first source"; `entry` names the entries of a file
 * that is a list). Unknown keys are reported one by one, as likely typos of a known field.
 */
export function checkWithSchema<S extends z.ZodType>(schema: S, yaml: PositionedYaml, entry?: string): Checked<z.infer<S>> {
  const result = schema.safeParse(yaml.data ?? {});
  if (result.success) return { value: result.data, problems: [] };
  const issues = result.error.issues;
  const problems = issues.filter((issue) => !isMisspelled(schema, yaml, issue, issues)).flatMap((issue) => describeIssue(schema, yaml, issue, entry));
  return { value: undefined, problems };
}

/** A missing field whose name an unknown key is a typo of: the typo's message says it all. */
function isMisspelled(schema: z.ZodType, yaml: PositionedYaml, issue: z.core.$ZodIssue, issues: z.core.$ZodIssue[]): boolean {
  if (issue.code !== 'invalid_type' || issue.path.length === 0 || yaml.has(issue.path)) return false;
  const parent = issue.path.slice(0, -1);
  const field = String(issue.path[issue.path.length - 1]);
  const known = knownKeys(schema, parent);
  return issues.some(
    (other) =>
      other.code === 'unrecognized_keys' &&
      joinPath(other.path) === joinPath(parent) &&
      other.keys.some((key) => closestName(key, known) === field),
  );
}

function describeIssue(schema: z.ZodType, yaml: PositionedYaml, issue: z.core.$ZodIssue, entry: string | undefined): Problem[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, path);
    const owner = path.length > 0 ? `${fieldInWords(path, entry)} has an unknown field` : 'unknown field';
    return issue.keys.map((key) => {
      const place = yaml.placeOf([...path, key], 'key');
      const hint = didYouMean(key, known) || ` Known fields: ${known.join(', ')}.`;
      return error(place, `${owner} "${key}".${hint}`);
    });
  }
  const field = String(path[path.length - 1] ?? 'value');
  if (issue.code === 'invalid_type' && path.length > 0 && !yaml.has(path)) {
    const parent = path.slice(0, -1);
    const missing = parent.length > 0 ? `${fieldInWords(parent, entry)} has no ${field}` : `"${field}" is required but missing`;
    return [error(yaml.placeOf(path, 'key'), `${missing}. ${issue.message}`.trim())];
  }
  const place = yaml.placeOf(path);
  const message = path.length > 1 || typeof path[0] === 'number' ? `${fieldInWords(path, entry)}: ${issue.message}` : issue.message;
  return [(issue.code === 'custom' && issue.params?.warning ? warning : error)(place, message)];
}

/** The field names the schema accepts at `path` (for "did you mean" hints). */
export function knownKeys(schema: z.ZodType, path: FieldPath): string[] {
  const target = schemaAt(schema, path);
  return target instanceof z.ZodObject ? Object.keys(target.shape) : [];
}

function schemaAt(schema: z.ZodType, path: FieldPath): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject) current = unwrap(current.shape[String(segment)]);
    else if (current instanceof z.ZodArray) current = unwrap(current.element as z.ZodType);
    else return undefined;
  }
  return current;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else if (current instanceof z.ZodUnion) {
      current = (current.options as z.ZodType[]).find((option) => unwrap(option) instanceof z.ZodObject) ?? current.options[0] as z.ZodType;
      if (!(current instanceof z.ZodObject)) return current;
    } else {
      return current;
    }
  }
  return current;
}
