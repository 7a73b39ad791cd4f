// Types for the JavaScript generator, so TypeScript tests can import it (bench/ is plain JS run by node).

/** Write a seeded synthetic publication into `dir`; the same options give byte-identical files. */
export function generateArchive(dir: string, options?: { issues?: number; seed?: number }): { issues: number; items: number; files: number };

/** An item's file name, such as `03-central-bank-weighs-budget-rule.md`. */
export function itemFileName(item: { order: number; slug: string }): string;
