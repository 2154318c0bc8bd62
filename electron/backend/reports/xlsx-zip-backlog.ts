// exceljs's StreamBuf (one per sheet or part in the streaming writer) hands what it is given to the
// zip's entry stream at once and never pushes back, and we produce sheet XML faster than deflate takes
// it: unchecked, a 100k-customer export held ~250 MB of uncompressed XML in buffers. These measure
// what the zip has not taken yet and wait for it. exceljs 4.4 internals, like xlsx-drawing.ts.

interface PipeDestination {
  // archiver's PassThrough comes from readable-stream 2, which has no writableLength/readableLength.
  _writableState?: { length: number };
  _readableState?: { length: number };
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
}

export interface ZipEntryStream {
  pipes?: PipeDestination[];
}

/** Uncompressed bytes allowed to wait for the deflater before writing pauses. */
export const ZIP_BACKLOG_LIMIT = 8 << 20;

/** Bytes written to the entry that the zip has not compressed yet. */
export function zipBacklog(stream: ZipEntryStream): number {
  let n = 0;
  for (const p of stream.pipes ?? []) n += (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0);
  return n;
}

/** Resolves once the zip is within `limit` bytes of what was written to `stream`. */
export async function zipCaughtUp(stream: ZipEntryStream, limit = ZIP_BACKLOG_LIMIT): Promise<void> {
  for (let guard = 0; guard < 10_000 && zipBacklog(stream) > limit; guard++) {
    const dest = stream.pipes?.[0];
    // 'drain' is the prompt wake-up; the timer re-checks in case it never comes.
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        dest?.removeListener('drain', done);
        resolve();
      };
      const timer = setTimeout(done, 20);
      dest?.once('drain', done);
    });
  }
}
