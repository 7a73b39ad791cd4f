import { isIsoDate } from '../core/dates.js';
import { isHttpUrl } from '../core/fields.js';
import type { IssueFrontMatter, ItemFrontMatter, SourceRef } from './schema.js';

/**
 * Front matter that is certainly valid, checked without zod: these give exactly what the zod schemas in
 * schema.ts give for it (the same fields in the same order, text trimmed, defaults filled in), and
 * undefined for anything else — an unknown key, a wrong type, an empty text, a bad date — so that the
 * schema decides and explains. A long archive has 15,000 such files and zod is the costlier path for
 * each; tests/content/plain-check.test.ts compares both on generated data. Keep them in step with
 * schema.ts.
 */
export function plainItemFrontMatter(data: unknown): ItemFrontMatter | undefined {
  if (!isRecord(data)) return undefined;
  let headline: string | undefined;
  let section: string | typeof INVALID | undefined;
  let categories: string[] | undefined = [];
  let sources: SourceRef[] | undefined;
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (key === 'headline') headline = text(value);
    else if (key === 'section') section = text(value) ?? INVALID;
    else if (key === 'categories') categories = textList(value);
    else if (key === 'sources') sources = sourceList(value);
    else return undefined;
  }
  if (headline === undefined || section === INVALID || categories === undefined || sources === undefined) return undefined;
  return section === undefined ? { headline, categories, sources } : { headline, section, categories, sources };
}

/** See plainItemFrontMatter: the same for issue.md. */
export function plainIssueFrontMatter(data: unknown): IssueFrontMatter | undefined {
  if (!isRecord(data)) return undefined;
  const found: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    const value = issueField(key, data[key]);
    if (value === undefined) return undefined;
    found[key] = value;
  }
  const { number, date, author, status = 'draft', categories, preheader, subject } = found as Partial<IssueFrontMatter>;
  if (number === undefined || date === undefined || author === undefined) return undefined;
  const issue: IssueFrontMatter = { number, date, author, status };
  if (categories !== undefined) issue.categories = categories;
  if (preheader !== undefined) issue.preheader = preheader;
  if (subject !== undefined) issue.subject = subject;
  return issue;
}

/** The checked value of one field of issue.md; undefined for an unknown key or a value that is not valid. */
function issueField(key: string, value: unknown): unknown {
  switch (key) {
    case 'number':
      return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
    case 'date':
      return isoDate(value);
    case 'author':
      return typeof value === 'string' ? wrap(text(value)) : textList(value, 1);
    case 'status':
      return value === 'draft' || value === 'published' ? value : undefined;
    case 'categories':
      return textList(value);
    case 'preheader':
    case 'subject':
      return text(value);
    default:
      return undefined;
  }
}

/** Stands for an optional text that is present but not valid (so the schema must explain). */
const INVALID = Symbol('invalid');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `text()` of core/fields.ts: a string, trimmed, not empty. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function wrap(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : [value];
}

function textList(value: unknown, minimum = 0): string[] | undefined {
  if (!Array.isArray(value) || value.length < minimum) return undefined;
  const list: string[] = [];
  for (const entry of value) {
    const trimmed = text(entry);
    if (trimmed === undefined) return undefined;
    list.push(trimmed);
  }
  return list;
}

function isoDate(value: unknown): string | undefined {
  return typeof value === 'string' && isIsoDate(value) ? value : undefined;
}

function sourceList(value: unknown): SourceRef[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const list: SourceRef[] = [];
  for (const entry of value) {
    const source = sourceRef(entry);
    if (!source) return undefined;
    list.push(source);
  }
  return list;
}

function sourceRef(value: unknown): SourceRef | undefined {
  if (!isRecord(value)) return undefined;
  let publication: string | undefined;
  let date: string | undefined;
  let url: string | typeof INVALID | undefined;
  for (const key of Object.keys(value)) {
    const field = value[key];
    if (key === 'publication') publication = text(field);
    else if (key === 'date') date = isoDate(field);
    else if (key === 'url') url = typeof field === 'string' && isHttpUrl(field) ? field : INVALID;
    else return undefined;
  }
  if (publication === undefined || date === undefined || url === INVALID) return undefined;
  return url === undefined ? { publication, date } : { publication, date, url };
}
