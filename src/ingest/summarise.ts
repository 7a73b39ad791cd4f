import { splitSentences, wordsOf } from './sentences.js';

/** Limits of a drafted summary. */
export interface SummaryLimits {
  maxWords: number;
  maxSentences: number;
  minSentences: number;
}

const LIMITS: SummaryLimits = { maxWords: 120, maxSentences: 4, minSentences: 2 };

/** Sentences that are site furniture, not news. */
const BOILERPLATE = /appeared first on|read more|continue reading|click here|sign up|subscribe|newsletter|all rights reserved|©|читайте также|подписывайтесь|подробнее|фото:|photo:/i;

/**
 * An extractive summary: the lead sentence, then the best-scoring others (early position, words frequent in
 * the article, words shared with the title), 2-4 sentences and at most 120 words, in the article's order.
 * Works offline for English and Russian; words are compared by their first five letters, a crude stem.
 */
export function summarise(text: string, title: string, limits: SummaryLimits = LIMITS): string {
  const sentences = splitSentences(text).filter((sentence) => !BOILERPLATE.test(sentence) && wordsOf(sentence).length >= 4);
  if (sentences.length === 0) return clip(splitSentences(text)[0] ?? '', limits.maxWords);
  const scores = scoreSentences(sentences, title);
  const order = sentences.map((_, index) => index).sort((a, b) => scores[b]! - scores[a]!);
  const chosen = new Set<number>([0]);
  let words = wordsOf(sentences[0]!).length;
  if (words > limits.maxWords) return clip(sentences[0]!, limits.maxWords);
  for (const index of order) {
    if (chosen.size >= limits.maxSentences || (chosen.size >= limits.minSentences && words >= limits.maxWords * 0.66)) break;
    const length = wordsOf(sentences[index]!).length;
    if (chosen.has(index) || words + length > limits.maxWords) continue;
    chosen.add(index);
    words += length;
  }
  return [...chosen].sort((a, b) => a - b).map((index) => sentences[index]).join(' ');
}

function scoreSentences(sentences: string[], title: string): number[] {
  const frequency = new Map<string, number>();
  for (const sentence of sentences) for (const stem of stems(sentence)) frequency.set(stem, (frequency.get(stem) ?? 0) + 1);
  const titleStems = new Set(stems(title));
  const raw = sentences.map((sentence) => {
    const own = stems(sentence);
    if (own.length === 0) return 0;
    const weight = own.reduce((sum, stem) => sum + Math.log(1 + (frequency.get(stem) ?? 0)), 0) / own.length;
    const shared = own.filter((stem) => titleStems.has(stem)).length / Math.max(1, titleStems.size);
    return weight + shared;
  });
  const top = Math.max(...raw, 1e-9);
  return raw.map((score, index) => 0.6 / (1 + index * 0.5) + (0.4 * score) / top);
}

/** Content words (four letters or more) reduced to their first five letters. */
function stems(text: string): string[] {
  return wordsOf(text.toLowerCase())
    .filter((word) => word.length >= 4)
    .map((word) => word.slice(0, 5));
}

function clip(sentence: string, maxWords: number): string {
  const words = sentence.split(/\s+/);
  return words.length <= maxWords ? sentence : `${words.slice(0, maxWords).join(' ')} …`;
}
