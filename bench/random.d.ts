// Types for the JavaScript generator, so TypeScript tests can draw the same seeded numbers.

/** A seeded pseudo-random generator (mulberry32). */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  /** One element. */
  pick<T>(list: readonly T[]): T;
  /** `count` distinct elements, in draw order. */
  sample<T>(list: readonly T[], count: number): T[];
  /** True with the given probability. */
  chance(probability: number): boolean;
}

export function createRandom(seed: number): Random;
