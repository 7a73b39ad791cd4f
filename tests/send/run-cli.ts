import { main } from '../../src/cli/main.js';

/** Run `monitor <argv>` in `root` and capture its output. */
export async function runCli(root: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { root, out: (text) => { out += text; }, err: (text) => { err += text; }, isTTY: false });
  return { code, out, err };
}
