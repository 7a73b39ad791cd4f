/** Words before a full stop that do not end a sentence (compared in lower case, without the stop). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep', 'rev',
  'mt', 'no', 'nos', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'inc', 'corp', 'ltd', 'co', 'vs', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'e.u', 'approx', 'dept', 'est', 'fig',
  // Russian abbreviations that come before a name; those that close a phrase (г., млн., т.д., и др.)
  // end the sentence when a capital follows, so they are not listed.
  'т.е', 'т.к', 'т.н', 'им', 'ул', 'д', 'стр', 'проф', 'акад', 'ген', 'напр', 'пр', 'св', 'см',
]);

/**
 * Split text into sentences, for English and Russian: a sentence ends at `.`, `!`, `?` or `…` (with any
 * closing quotes or brackets) followed by a space and a capital letter, digit or opening quote, unless the
 * word before the stop is a known abbreviation or an initial (`V. Putin`, `В. Путин`).
 */
export function splitSentences(text: string): string[] {
  return text.split(/\n\s*\n/).flatMap(splitParagraph);
}

function splitParagraph(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(/[.!?…]+["»”’)\]]*\s+(?=["«“„(\[]?[\p{Lu}\d])/gu)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith('.') && isAbbreviation(paragraph.slice(start, match.index))) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = end;
  }
  sentences.push(paragraph.slice(start).trim());
  return sentences.filter((sentence) => sentence !== '');
}

function isAbbreviation(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (word === '') return false;
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Words of a text, for counting. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}
