import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** sha256 of a file, streamed (never the whole file in memory), hex. */
export async function hashFile(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const buf of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) h.update(buf);
  return h.digest('hex');
}
