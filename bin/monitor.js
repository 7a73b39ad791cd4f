#!/usr/bin/env node
// The command line as `npm run compile` bundles it (scripts/bundle-cli.js); where it could not be bundled
// (esbuild's binary missing, say an install without optional packages), the same code unbundled.
const { main } = await import('../lib/bundle/main.js').catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  return import('../lib/cli/main.js');
});

process.exitCode = await main(process.argv.slice(2));
