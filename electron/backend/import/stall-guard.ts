// exceljs's streaming reader can stop for good on some corrupt workbooks: its unzip stream neither ends
// nor fails, nothing keeps the process busy, and a read awaiting the next sheet or row waits forever (a
// fuzzed XLSX with flipped bytes did this: the import preview never answered). Once the whole file has
// been read, an iterator that yields nothing for `stallMs` is given up with ReaderStalled, which the
// reader reports as workbook_unreadable without retrying.

/** Long enough for exceljs to finish parsing what it buffered after the last byte, even on a busy machine. */
export const STALL_MS = 30_000;

export class ReaderStalled extends Error {
  constructor(stallMs: number) {
    super(`the workbook reader stopped without an end: nothing for ${stallMs} ms after the whole file was read`);
    this.name = 'ReaderStalled';
  }
}

/** Shared by the guards of one read: when the file was last read from, and whether it has all been read. */
export interface ReadProgress {
  inputDone: boolean;
  lastAt: number;
}

export async function* stallGuarded<T>(source: AsyncIterable<T>, progress: ReadProgress, stallMs: number): AsyncGenerator<T, void, undefined> {
  const it = source[Symbol.asyncIterator]();
  for (;;) {
    const step = await new Promise<IteratorResult<T>>((resolve, reject) => {
      // The timer also keeps the process alive while the reader is stuck, so the stall is seen at all.
      const timer = setInterval(
        () => {
          if (progress.inputDone && Date.now() - progress.lastAt > stallMs) {
            clearInterval(timer);
            reject(new ReaderStalled(stallMs));
          }
        },
        Math.min(250, stallMs / 4),
      );
      it.next().then(
        (r) => {
          clearInterval(timer);
          resolve(r);
        },
        (err: unknown) => {
          clearInterval(timer);
          reject(err);
        },
      );
    });
    if (step.done === true) return;
    progress.lastAt = Date.now();
    yield step.value;
  }
}
