import { storyTerms, type StoryText } from './story-terms.js';

/** A report's TF-IDF vector: term numbers in increasing order with their weights. */
export interface StoryVector {
  terms: Int32Array;
  weights: Float64Array;
  norm: number;
  /** Its heaviest terms (numbers): only reports sharing some of them are compared. */
  leading: Int32Array;
}

/** Entity terms count this much more than words: who and how many tell events apart. */
const ENTITY_WEIGHT = 1.5;

/** Terms per report that propose pairs: two reports of one story share some of their heaviest terms. */
const LEADING_TERMS = 15;

/**
 * The TF-IDF vectors of the stories (sublinear term counts; IDF over these stories). Terms are numbered in
 * the order given by `order`, so ties between equal weights fall the same way whatever order the stories
 * came in. Typed arrays rather than maps: thousands of vectors, compared many times.
 */
export function storyVectors(stories: StoryText[], order: number[]): { vectors: StoryVector[]; frequency: Int32Array } {
  const numbers = new Map<string, number>();
  const counted: { terms: Int32Array; counts: Float64Array }[] = new Array(stories.length);
  for (const index of order) {
    const found = storyTerms(stories[index]!);
    const terms = new Int32Array(found.size);
    const counts = new Float64Array(found.size);
    let position = 0;
    found.forEach((count, term) => {
      let number = numbers.get(term);
      if (number === undefined) {
        number = numbers.size * 2 + (term.startsWith('@') ? 1 : 0);
        numbers.set(term, number);
      }
      terms[position] = number;
      counts[position++] = count;
    });
    counted[index] = { terms, counts };
  }
  const frequency = new Int32Array(numbers.size);
  for (const { terms } of counted) for (const number of terms) frequency[number >> 1]! += 1;
  const idf = Float64Array.from(frequency, (count) => Math.log((stories.length + 1) / (count + 1)) + 1);
  // Each report's counts by term number, spread over one array while its weights are worked out.
  const countOf = new Float64Array(numbers.size * 2);
  const vectors = counted.map(({ terms, counts }) => {
    terms.forEach((number, position) => (countOf[number] = counts[position]!));
    const sorted = terms.slice().sort();
    const weights = new Float64Array(sorted.length);
    let squares = 0;
    for (let position = 0; position < sorted.length; position += 1) {
      const number = sorted[position]!;
      const weight = (1 + Math.log(countOf[number]!)) * idf[number >> 1]! * (number & 1 ? ENTITY_WEIGHT : 1);
      weights[position] = weight;
      squares += weight * weight;
    }
    return { terms: sorted, weights, norm: Math.sqrt(squares), leading: heaviest(sorted, weights) };
  });
  return { vectors, frequency };
}

/** The LEADING_TERMS heaviest terms, heaviest first; among equal weights the lower numbers first. */
function heaviest(terms: Int32Array, weights: Float64Array): Int32Array {
  const before = (a: number, b: number) => weights[a]! > weights[b]! || (weights[a] === weights[b] && terms[a]! < terms[b]!);
  // Positions of the heaviest so far, in order: a few dozen terms, so insertion beats sorting them all.
  const top: number[] = [];
  for (let position = 0; position < terms.length; position += 1) {
    if (top.length === LEADING_TERMS && !before(position, top[LEADING_TERMS - 1]!)) continue;
    let at = top.length;
    while (at > 0 && before(position, top[at - 1]!)) at -= 1;
    top.splice(at, 0, position);
    if (top.length > LEADING_TERMS) top.pop();
  }
  return Int32Array.from(top, (position) => terms[position]!);
}

/** The cosine of two vectors: a merge of their sorted term numbers. */
export function cosine(first: StoryVector, second: StoryVector): number {
  if (first.norm === 0 || second.norm === 0) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < first.terms.length && j < second.terms.length) {
    const a = first.terms[i]!;
    const b = second.terms[j]!;
    if (a === b) dot += first.weights[i++]! * second.weights[j++]!;
    else if (a < b) i += 1;
    else j += 1;
  }
  return dot / (first.norm * second.norm);
}

/**
 * The cosine of `first` with `second` when `first` is spread over `spread` (its weight at each of its term
 * numbers, zeros elsewhere; see spreadVector): only `second`'s terms are visited, and since the shared
 * terms are multiplied and added in the same order as cosine does, the result is the same to the last bit.
 */
export function spreadCosine(first: StoryVector, spread: Float64Array, second: StoryVector): number {
  if (first.norm === 0 || second.norm === 0) return 0;
  let dot = 0;
  for (let j = 0; j < second.terms.length; j += 1) dot += spread[second.terms[j]!]! * second.weights[j]!;
  return dot / (first.norm * second.norm);
}

/** Write (or, with `clear`, erase) a vector's weights at its term numbers in `spread`. */
export function spreadVector(vector: StoryVector, spread: Float64Array, clear = false): void {
  for (let i = 0; i < vector.terms.length; i += 1) spread[vector.terms[i]!] = clear ? 0 : vector.weights[i]!;
}

/** How many stories have term `number`. */
export function termFrequency(frequency: Int32Array, number: number): number {
  return frequency[number >> 1]!;
}
