import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Worker threads started by the code under test (the feed parser) load its TypeScript sources.
    execArgv: ['--import', fileURLToPath(new URL('./tests/support/register-typescript.js', import.meta.url))],
  },
});
