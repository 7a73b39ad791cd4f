import type { Response } from 'undici';

/** The body is larger than allowed. */
export class TooLargeError extends Error {
  constructor(maxBytes: number) {
    super(`larger than ${(maxBytes / 1024 / 1024).toFixed(0)} MiB after decompression; stopped reading`);
    this.name = 'TooLargeError';
  }
}

/**
 * Read a response body chunk by chunk (fetch has already decompressed it) and stop as soon as it passes
 * `maxBytes`, so a compression bomb never fills memory.
 */
export async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
