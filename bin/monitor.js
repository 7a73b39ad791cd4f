#!/usr/bin/env node
// The command line, bundled by `npm run compile` (scripts/bundle-cli.js); lib/cli/main.js is the same code unbundled.
import { main } from '../lib/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));
