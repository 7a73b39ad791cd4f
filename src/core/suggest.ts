/** Edit distance between two strings, case-insensitive (Levenshtein, two rows). */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = previous[j - 1]! + (left[i - 1] === right[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[right.length]!;
}

/**
 * The known name closest to `input`, if it is close enough to be a plausible typo: within a third of
 * the longer name's length, or a case/spacing variant, or one contains the other.
 */
export function closestName(input: string, known: readonly string[]): string | undefined {
  const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    if (squash(name) === squash(input)) return name;
    const distance = editDistance(input, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (!best) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(input.length, best.name.length) / 3));
  if (best.distance <= limit) return best.name;
  const contained = known.find(
    (name) => squash(input).length >= 4 && (squash(name).includes(squash(input)) || squash(input).includes(squash(name))),
  );
  return contained;
}

/** ` Did you mean "X"?` or an empty string. */
export function didYouMean(input: string, known: readonly string[]): string {
  const name = closestName(input, known);
  return name ? ` Did you mean "${name}"?` : '';
}
