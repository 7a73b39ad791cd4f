/** A word as it is written in a text: letters, digits, apostrophes and inner hyphens. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/**
 * A headline printed in capitals, in normal case: the first word capitalised, every other word in lower
 * case unless the item's text (else the rest of the issue) spells it otherwise in the middle of a
 * sentence ("EU", "Duma", "Soviet-era"), which keeps proper nouns and abbreviations as written there.
 */
export function headlineCase(headline: string, body: string, issueText = ''): string {
  const spellings = new Map([...midSentenceSpellings(issueText), ...midSentenceSpellings(body)]);
  let first = true;
  return headline.replace(WORD, (word) => {
    const cased = spelled(word.toLowerCase(), spellings);
    const result = first ? capitalise(cased) : cased;
    first = false;
    return result;
  });
}

/** Names of months and days: capitalised in English wherever they stand. */
const ALWAYS_CAPITALISED = new Set([
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** A lower-case word as the text spells it; a possessive as its noun is spelled ("Russia's"). */
function spelled(word: string, spellings: Map<string, string>): string {
  const known = spellings.get(word);
  if (known) return known;
  const possessive = /^(.+)(['’]s)$/.exec(word);
  if (possessive) return spelled(possessive[1]!, spellings) + possessive[2]!;
  return ALWAYS_CAPITALISED.has(word) ? capitalise(word) : word;
}

/** For each word the text uses after another word of the same sentence, the spelling it uses there. */
function midSentenceSpellings(body: string): Map<string, string> {
  const spellings = new Map<string, string>();
  const plain = body.replace(/\]\([^)]*\)/g, ']');
  for (const sentence of plain.split(/(?<=[.!?:;])\s+|\n+/)) {
    const words = sentence.match(WORD) ?? [];
    for (const written of words.slice(1)) {
      for (const word of [written, written.replace(/['’]s$/, '')]) {
        const key = word.toLowerCase();
        if (word !== key || !spellings.has(key)) spellings.set(key, word);
      }
    }
  }
  return spellings;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
