/**
 * Named points in the writing of the output where a test makes the build die or fail, to prove that
 * the next build recovers: `MONITOR_TEST_CRASH_AT=<point>` kills the process there with SIGKILL (as
 * `kill -9` or a closed laptop would: no clean-up code runs), `MONITOR_TEST_FAIL_AT=<point>` throws an
 * I/O error there (as a read-only folder would, which root cannot be refused). Without them, nothing.
 *
 * The points: `full:written` (the new site is complete beside the output), `full:set-aside` (between the
 * two renames of the swap), `remove-leftover` (removing the previous output after the swap, or
 * any folder a dead build left), `changes:staged` (the
 * changed files are complete beside the output, no journal yet), `changes:journal` (journal written,
 * nothing renamed), `changes:renamed-<k>` (after the k-th rename into the output), `changes:removed`
 * (every rename and deletion done, the journal still there), `search:parts-kept` (the search index in
 * place and its parts kept in the cache, their stamps not yet written).
 */
export function faultPoint(point: string): void {
  if (process.env.MONITOR_TEST_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
  if (process.env.MONITOR_TEST_FAIL_AT === point) {
    throw Object.assign(new Error(`EIO: i/o error (injected by MONITOR_TEST_FAIL_AT=${point})`), { code: 'EIO' });
  }
}
