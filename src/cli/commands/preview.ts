import { spawn } from 'node:child_process';
import { startPreview } from '../../site/preview/index.js';
import type { CommandIO } from '../io.js';

interface PreviewOptions {
  port?: number;
  issue?: number;
  open?: boolean;
}

/** `monitor preview`: serve the publication with rebuild and live reload until Ctrl-C. */
export async function run(_args: unknown[], options: PreviewOptions, io: CommandIO): Promise<number> {
  const preview = await startPreview({
    root: io.root,
    port: options.port ?? 4000,
    issue: options.issue,
    log: (line) => io.err(`${line}\n`),
  });
  io.out(`preview: ${preview.issueUrl}\nsite:    ${preview.url}\n(Ctrl-C stops the preview)\n`);
  if (options.open && !openInBrowser(preview.issueUrl)) io.err(`no browser opener found; open ${preview.issueUrl} yourself\n`);
  await stopSignal();
  await preview.close();
  io.err('preview stopped\n');
  return 0;
}

/** Resolves on the first Ctrl-C (SIGINT) or SIGTERM. */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Ask the desktop to open `url`; false when there is no opener. */
function openInBrowser(url: string): boolean {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
    return child.pid !== undefined;
  } catch {
    return false;
  }
}
