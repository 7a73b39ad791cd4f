import * as z from 'zod';
import { isIsoDate } from './dates.js';

/** A calendar date written `YYYY-MM-DD`. YAML 1.2 keeps it a string; a number or bad day is an error. */
export const isoDate = z
  .string({ error: 'expected a date written YYYY-MM-DD, such as 2020-01-13' })
  .refine(isIsoDate, { error: (issue) => `"${String(issue.input)}" is not a real date; write YYYY-MM-DD, such as 2020-01-13` });

/** An absolute http(s) URL. */
export const httpUrl = z.string({ error: 'expected a URL such as https://example.org/' }).refine(isHttpUrl, {
  error: (issue) => `"${String(issue.input)}" is not an http(s) URL; write it in full, such as https://example.org/page`,
});

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A non-empty line of text, trimmed. */
export const text = (what: string) =>
  z.string({ error: (issue) => notText(what, issue.input) }).trim().min(1, { error: `${what} must not be empty` });

/** Text with ": " in it, written without quotes, reaches the schema as a field: say so and how to write it. */
function notText(what: string, input: unknown): string {
  const entries = typeof input === 'object' && input !== null && !Array.isArray(input) ? Object.entries(input) : [];
  const [key, value] = entries[0] ?? [];
  if (entries.length !== 1 || (typeof value !== 'string' && typeof value !== 'number')) return `expected ${what} as text`;
  return `expected ${what} as text; YAML read "${key}: ${value}" as a field because of its ": ", so put it in quotes: ${JSON.stringify(`${key}: ${value}`)}`;
}

/** One string or a list of them, always read as a list. */
export const oneOrMany = (what: string) =>
  z.union([text(what).transform((value) => [value]), z.array(text(what)).min(1, { error: `give at least one ${what}` })], {
    error: `expected ${what} as text or a list of text`,
  });

/** One of a few words, whatever their case: `style: Wire` means wire. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((value) => (typeof value === 'string' ? value.trim().toLowerCase() : value), z.enum(values, { error: message }));
