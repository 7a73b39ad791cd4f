/**
 * The ingest scenario's work: read a feed file, parse it with the ingester's parseFeed and, when the
 * ingester exports a dedupe function, pass the entries through it. Run as a child through measure.js.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const INGEST = fileURLToPath(new URL('../lib/ingest/', import.meta.url));

/**
 * Which exported functions of the compiled ingester (lib/ingest/) the scenario can call.
 * @returns {Promise<{ parse?: string, dedupe?: string }>} `module.js#name` specs, when found
 */
export async function findIngestFunctions() {
  /** @type {{ parse?: string, dedupe?: string }} */
  const found = {};
  let names = [];
  try {
    names = (await readdir(INGEST)).filter((name) => name.endsWith('.js')).sort();
  } catch {
    return found;
  }
  for (const name of names) {
    const module = await import(pathToFileURL(path.join(INGEST, name)).href);
    for (const [key, value] of Object.entries(module)) {
      if (typeof value !== 'function') continue;
      if (key === 'parseFeed') found.parse ??= `${name}#${key}`;
      if (/^dedupe/i.test(key)) found.dedupe ??= `${name}#${key}`;
    }
  }
  return found;
}

/**
 * @param {string} spec `module.js#name` inside lib/ingest/
 * @returns {Promise<Function>}
 */
async function load(spec) {
  const [file = '', name = ''] = spec.split('#');
  const module = await import(pathToFileURL(path.join(INGEST, file)).href);
  return module[name];
}

/**
 * @param {string[]} args feed file, feed URL, parse spec, optional dedupe spec
 * @returns {Promise<number>} exit code
 */
export async function parseAndDedupe([file = '', url = '', parseSpec = '', dedupeSpec]) {
  const text = await readFile(file, 'utf8');
  const parseFeed = await load(parseSpec);
  const parsed = await parseFeed(text, url);
  let kept = parsed.entries.length;
  if (dedupeSpec) {
    // The dedupe function's contract is the ingester's; called here with the parsed entries alone.
    const result = await (await load(dedupeSpec))(parsed.entries);
    kept = Array.isArray(result) ? result.length : Array.isArray(result?.entries) ? result.entries.length : kept;
  }
  process.stdout.write(`${JSON.stringify({ entries: parsed.entries.length, kept })}\n`);
  return 0;
}
