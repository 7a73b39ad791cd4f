// tests/ingest imports the CLI runner from here; the sample publication itself lives in sample-publication.ts.
export { runCli } from './sample-publication.js';
