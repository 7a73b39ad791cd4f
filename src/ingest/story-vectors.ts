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
  const counted: Map<number, number>[] = new Array(stories.length);
  for (const index of order) {
    const terms = new Map<number, number>();
    for (const [term, count] of storyTerms(stories[index]!)) {
      let number = numbers.get(term);
      if (number === undefined) {
        number = numbers.size * 2 + (term.startsWith('@') ? 1 : 0);
        numbers.set(term, number);
      }
      terms.set(number, count);
    }
    counted[index] = terms;
  }
  const frequency = new Int32Array(numbers.size);
  for (const terms of counted) for (const number of terms.keys()) frequency[number >> 1]! += 1;
  const vectors = counted.map((terms) => {
    const sorted = Int32Array.from(terms.keys()).sort();
    const weights = new Float64Array(sorted.length);
    let squares = 0;
    sorted.forEach((number, position) => {
      const idf = Math.log((stories.length + 1) / (frequency[number >> 1]! + 1)) + 1;
      const weight = (1 + Math.log(terms.get(number)!)) * idf * (number & 1 ? ENTITY_WEIGHT : 1);
      weights[position] = weight;
      squares += weight * weight;
    });
    return { terms: sorted, weights, norm: Math.sqrt(squares), leading: heaviest(sorted, weights) };
  });
  return { vectors, frequency };
}

/** The LEADING_TERMS heaviest terms; among equal weights the lower numbers. */
function heaviest(terms: Int32Array, weights: Float64Array): Int32Array {
  const positions = Array.from({ length: terms.length }, (_, position) => position);
  positions.sort((a, b) => weights[b]! - weights[a]! || terms[a]! - terms[b]!);
  return Int32Array.from(positions.slice(0, LEADING_TERMS), (position) => terms[position]!);
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
