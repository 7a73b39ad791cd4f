/**
 * `npm run compile` ends here: bundle the command line (src/cli/main.ts and what it imports, packages
 * included) into lib/bundle/, which bin/monitor.js runs. Node 20 loads an ES module file by file, each
 * read, resolved and compiled on its own; a command that loads ~150 files (a build: Handlebars, marked,
 * zod, commander...) spends ~50 ms more than it does on a dozen. Code that a command loads on demand stays
 * in chunks of its own (`import()` splits), so `monitor --help` still loads little. MJML is left out:
 * it is loaded on first use and only then (and resolves files of its own at run time). lib/ keeps the
 * unbundled code, which the package's programming interface (lib/index.js) and the tests use. The feed
 * parser's worker is an entry point of its own, lib/bundle/parse-feed-worker.js, beside the chunk that
 * starts it (src/ingest/parse-feed-within.ts finds it from import.meta.url).
 */
import { rmSync } from 'node:fs';

/** @type {import('esbuild').BuildOptions} */
const OPTIONS = {
  entryPoints: ['src/cli/main.ts', 'src/ingest/parse-feed-worker.ts'],
  outdir: 'lib/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The same depth as lib/<stage>/, so paths made from import.meta.url (templates/, package.json) hold.
  entryNames: '[name]',
  external: ['mjml', 'mjml-core'],
  // Bundled CommonJS packages call require(); in an ES module it must be made.
  banner: { js: "import { createRequire as monitorCreateRequire } from 'node:module';\nconst require = monitorCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

// Chunks are named by a hash of their content: without this, those of earlier builds would pile up.
rmSync('lib/bundle', { recursive: true, force: true });
try {
  const { build } = await import('esbuild');
  await build(OPTIONS);
} catch (error) {
  if (error?.errors) throw error; // esbuild ran and found the code wrong: a failure
  // esbuild's binary (an optional package) is missing: bin/monitor.js runs lib/cli/main.js instead.
  process.stderr.write(`bundle-cli: esbuild cannot run (${String(error?.message).split('\n')[0]}); the command line stays unbundled, ~50 ms slower to start\n`);
}
