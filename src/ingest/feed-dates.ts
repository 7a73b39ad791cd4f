import type { FeedDate } from './types.js';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Time zone names of RFC 822 and those seen in real feeds that JavaScript's Date does not know. */
const ZONES: Record<string, string> = {
  MSK: '+0300', MSD: '+0400', CET: '+0100', CEST: '+0200', BST: '+0100', UTC: '+0000', Z: '+0000',
  GMT: '+0000', UT: '+0000', EST: '-0500', EDT: '-0400', CST: '-0600', CDT: '-0500', MST: '-0700', MDT: '-0600', PST: '-0800', PDT: '-0700',
};

/**
 * Read a feed date: RFC 822 (RSS pubDate, with common mistakes), ISO 8601 / W3C-DTF (Atom, dc:date),
 * or `YYYY-MM-DD hh:mm`. A date without a time zone is taken as UTC, so the result never depends on the
 * machine it runs on. Returns undefined when the text cannot be read as a date.
 */
export function parseFeedDate(text: string | undefined): FeedDate | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  return readIsoDate(trimmed) ?? readRfc822Date(trimmed);
}

function readIsoDate(text: string): FeedDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{3,4})?)?$/i.exec(text);
  if (!match) return undefined;
  // Indexed reads: destructuring a match is slow until the code is optimised, and a feed has thousands.
  const time = `${match[4] ?? '00'}:${match[5] ?? '00'}:${match[6] ?? '00'}`;
  return build(Number(match[1]), Number(match[2]), Number(match[3]), time, match[7] ?? 'Z');
}

function readRfc822Date(text: string): FeedDate | undefined {
  const cleaned = text.replace(/^[A-Za-z]{2,9}\.?,?\s*/, '').replace(/\s+/g, ' ');
  const match = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{2,4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))?)? ?(\S+)?$/.exec(cleaned);
  if (!match) return undefined;
  const month = MONTHS[match[2]!.slice(0, 3).toLowerCase()];
  if (!month) return undefined;
  const yearText = match[3]!;
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const time = `${(match[4] ?? '0').padStart(2, '0')}:${match[5] ?? '00'}:${match[6] ?? '00'}`;
  return build(year, month, Number(match[1]), time, match[7] ?? 'Z');
}

function build(year: number, month: number, day: number, time: string, zone: string): FeedDate | undefined {
  const offset = zoneOffset(zone);
  if (offset === undefined) return undefined;
  const dayText = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const moment = new Date(`${dayText}T${time}${offset}`);
  if (Number.isNaN(moment.getTime())) return undefined;
  // Reject days that Date silently rolls over (31 April becomes 1 May).
  if (new Date(`${dayText}T00:00:00Z`).toISOString().slice(0, 10) !== dayText) return undefined;
  return { instant: moment.toISOString(), day: dayText };
}

/** `+0300`, `+03:00`, `Z`, `GMT`, `EST`... as `+03:00`; undefined for a zone we cannot place. */
function zoneOffset(zone: string): string | undefined {
  const upper = zone.toUpperCase();
  const named = Object.hasOwn(ZONES, upper) ? ZONES[upper] : undefined;
  const numeric = named ?? (/^[+-]\d{2}:?\d{2}$/.test(zone) ? zone : undefined);
  if (!numeric) return undefined;
  const digits = numeric.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3)}`;
}
