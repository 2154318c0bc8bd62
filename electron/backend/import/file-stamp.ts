// How a file looks, cheaply: its size, its modification time and a hash of its first 64 KB. A plan
// records it at preview time; the run compares it before trusting the plan (shared/import/plan.ts).
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { FILE_STAMP_BYTES, type FileStamp } from '../../../shared/import/plan';

/** The stamp of a file from the head already read (the preview reads 256 KB to sniff anyway). */
export function stampOf(head: Uint8Array, size: number, mtimeMs: number): FileStamp {
  const headSha256 = createHash('sha256').update(head.subarray(0, FILE_STAMP_BYTES)).digest('hex');
  return { size, mtimeMs, headSha256 };
}

/** The stamp of a file as it is now: one stat and one read of at most 64 KB. */
export async function readFileStamp(path: string): Promise<FileStamp> {
  const fh = await open(path, 'r');
  try {
    const { size, mtimeMs } = await fh.stat();
    const buf = Buffer.alloc(Math.min(FILE_STAMP_BYTES, size));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return stampOf(buf.subarray(0, bytesRead), size, mtimeMs);
  } finally {
    await fh.close();
  }
}
