/**
 * A small seeded pseudo-random generator (mulberry32) and the few draws the generators need.
 * Same seed, same sequence, on every machine: the archive is reproducible byte for byte.
 */

/**
 * @typedef {object} Random
 * @property {() => number} next          a float in [0, 1)
 * @property {(min: number, max: number) => number} int   a whole number in [min, max]
 * @property {<T>(list: readonly T[]) => T} pick          one element
 * @property {<T>(list: readonly T[], count: number) => T[]} sample   `count` distinct elements, in draw order
 * @property {(probability: number) => boolean} chance   true with the given probability
 */

/**
 * @param {number} seed any 32-bit integer
 * @returns {Random}
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** @type {Random['int']} */
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  /** @type {Random['pick']} */
  const pick = (list) => /** @type {any} */ (list[Math.floor(next() * list.length)]);
  /** @type {Random['sample']} */
  const sample = (list, count) => {
    const pool = [...list];
    const chosen = [];
    for (let i = 0; i < count && pool.length > 0; i += 1) chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    return /** @type {any} */ (chosen);
  };
  return { next, int, pick, sample, chance: (probability) => next() < probability };
}
