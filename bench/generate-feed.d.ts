// Types for the JavaScript feed generator, so TypeScript tests can import it.

/** A seeded RSS 2.0 feed of `entries` stories, about `bytes` long, with some repeated stories. */
export function generateFeed(options?: { entries?: number; bytes?: number; seed?: number }): { xml: string; url: string; duplicates: number };
