import { isIsoDate } from '../core/dates.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`;

/** A written-out date at the start of a text: `January 13, 2020` or `13 January 2020`, and what follows it. */
const MONTH_FIRST = new RegExp(String.raw`^${MONTH}\s+(\d{1,2}),?\s+(\d{4})\b\s*`, 'i');
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})\s+${MONTH}\s+(\d{4})\b\s*`, 'i');

/** What reading a written-out date gave: the ISO date (or why there is none) and the text after it. */
export interface LongDate {
  /** `YYYY-MM-DD`, when the date is a real one. */
  date: string | undefined;
  /** The date as written, for messages. */
  written: string;
  rest: string;
}

/** Read the written-out date a text starts with; undefined when it does not start with one. */
export function readLongDate(text: string): LongDate | undefined {
  const monthFirst = MONTH_FIRST.exec(text);
  const dayFirst = monthFirst ? undefined : DAY_FIRST.exec(text);
  const match = monthFirst ?? dayFirst;
  if (!match) return undefined;
  const [monthName, day, year] = monthFirst ? [match[1]!, match[2]!, match[3]!] : [match[2]!, match[1]!, match[3]!];
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  const iso = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return { date: isIsoDate(iso) ? iso : undefined, written: match[0].trim(), rest: text.slice(match[0].length) };
}
