/**
 * The child process of every node scenario: runs one target, then writes its peak resident set size
 * (kilobytes, from process.resourceUsage) to the file named by MONITOR_BENCH_RSS_FILE, at exit.
 *
 *   node bench/measure.js cli <monitor arguments...>        what `node bin/monitor.js <arguments>` does
 *   node bench/measure.js ingest <feed file> [dedupe spec]  see ingest-parse.js
 *   node bench/measure.js group [entries] [seed]            see group-stories.js
 */
import { writeFileSync } from 'node:fs';

const [target, ...args] = process.argv.slice(2);
const rssFile = process.env.MONITOR_BENCH_RSS_FILE;
if (rssFile) process.on('exit', () => writeFileSync(rssFile, String(process.resourceUsage().maxRSS)));

if (target === 'cli') {
  // The bundle bin/monitor.js runs (npm run compile makes it; see scripts/bundle-cli.js).
  const { main } = await import('../lib/bundle/main.js');
  process.exitCode = await main(args);
} else if (target === 'ingest') {
  const { parseAndDedupe } = await import('./ingest-parse.js');
  process.exitCode = await parseAndDedupe(args);
} else if (target === 'group') {
  const { groupSynthetic } = await import('./group-stories.js');
  process.exitCode = await groupSynthetic(args);
} else {
  process.stderr.write(`measure.js: unknown target "${target}"; use cli, ingest or group\n`);
  process.exitCode = 2;
}
