// The limits a workbook must keep before exceljs reads it: how many entries its zip holds, how far each
// part really expands (inflated here, as a stream, and stopped the moment a limit is passed, so a
// directory that lies about sizes gains nothing), the expansion ratio, the shared-strings table the
// reader keeps whole in memory, XML entity declarations (billion laughs) and text runs longer than a
// cell may be. A 0.5 MB zip bomb is refused in well under a second instead of driving the reader to
// gigabytes; a workbook Excel saved passes at the cost of one decompression pass.
import type { FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { ImportFileError } from './errors';
import { READ_LIMITS } from './read-limits';
import { entryDataOffset, type ZipEntry } from './xlsx-directory';

const LT = 0x3c;
const SLICE = 256 * 1024;
// Bytes of text between two tags beyond which a cell is surely over READ_LIMITS.cellChars characters,
// however its characters are written (a numeric character reference takes up to 10 bytes).
const TEXT_RUN_BYTES = READ_LIMITS.cellChars * 16;
const DTD = [Buffer.from('<!DOCTYPE'), Buffer.from('<!ENTITY')];
const MB = 1024 * 1024;

interface PartScan {
  expanded: number;
}

function isXml(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

/** Until the stream drains or closes, whichever comes first; neither listener is left behind. */
function drained(stream: NodeJS.EventEmitter): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** Inflate (or read, when stored) one entry as a stream, handing each piece of output to `onData`, which may throw to stop. */
async function streamEntry(fh: FileHandle, entry: ZipEntry, onData: (piece: Buffer) => void): Promise<void> {
  const start = await entryDataOffset(fh, entry);
  const end = start + entry.compressedSize;
  const readPiece = async (at: number): Promise<Buffer> => {
    const buf = Buffer.alloc(Math.min(SLICE, end - at));
    const { bytesRead } = await fh.read(buf, 0, buf.length, at);
    if (bytesRead === 0) throw new Error(`entry ${entry.name} runs past the end of the file`);
    return buf.subarray(0, bytesRead);
  };
  if (entry.method === 0) {
    for (let at = start; at < end;) {
      const piece = await readPiece(at);
      at += piece.length;
      onData(piece);
    }
    return;
  }
  if (entry.method !== 8) throw new Error(`unsupported zip compression ${entry.method}`);
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  let failure: unknown = null;
  let ended = false;
  const finished = new Promise<void>((resolve) => {
    inflate.on('data', (piece: Buffer) => {
      if (failure !== null) return;
      try {
        onData(piece);
      } catch (err) {
        failure = err;
        inflate.destroy();
        resolve();
      }
    });
    inflate.on('error', (err) => {
      failure ??= err;
      resolve();
    });
    inflate.on('end', () => {
      ended = true;
      resolve();
    });
    inflate.on('close', () => resolve());
  });
  for (let at = start; at < end && failure === null && !ended;) {
    const piece = await readPiece(at);
    at += piece.length;
    // Back-pressure: wait for the inflater to drain before feeding more, so a bomb's output is
    // looked at piece by piece, never piled up.
    if (!inflate.write(piece)) await drained(inflate);
  }
  if (failure === null && !ended) inflate.end();
  await finished;
  if (failure !== null) throw failure;
}

function tooLarge(expanded: number, entry: ZipEntry, partLimit: number, ratioLimit: number, file: string): void {
  const part = entry.name;
  if (expanded > partLimit) throw new ImportFileError('workbook_part_too_large', { file, part, limitMb: Math.round(partLimit / MB) });
  const compressed = Math.max(1, entry.compressedSize);
  if (expanded > READ_LIMITS.ratioFromBytes && expanded > ratioLimit * compressed) {
    throw new ImportFileError('workbook_ratio', {
      file,
      part,
      ratio: Math.floor(expanded / compressed),
      limit: ratioLimit,
      minMb: READ_LIMITS.ratioFromBytes / MB,
    });
  }
}

/** Refuse the workbook past any limit; returns quietly for a workbook within them all. */
export async function checkWorkbookParts(fh: FileHandle, entries: ReadonlyMap<string, ZipEntry>, declaredCount: number, file: string): Promise<void> {
  const count = Math.max(declaredCount, entries.size);
  if (count > READ_LIMITS.zipEntries) throw new ImportFileError('workbook_too_many_parts', { file, count, limit: READ_LIMITS.zipEntries });
  for (const entry of entries.values()) {
    if (entry.name.endsWith('/')) continue;
    const scan: PartScan = { expanded: 0 };
    const sharedStrings = /sharedStrings\d*\.xml$/i.test(entry.name);
    const partLimit = sharedStrings ? READ_LIMITS.sharedStringsBytes : READ_LIMITS.partBytes;
    const xml = isXml(entry.name);
    let sinceTag = 0;
    let carry: Buffer = Buffer.alloc(0);
    const part = entry.name;
    // What the directory says is judged first, at no cost; the inflation below then holds the part to
    // that size, so a directory that understates a bomb is caught at its first byte over.
    tooLarge(entry.size, entry, partLimit, sharedStrings ? READ_LIMITS.sharedStringsRatio : READ_LIMITS.ratio, file);
    try {
      await streamEntry(fh, entry, (piece) => {
        scan.expanded += piece.length;
        if (scan.expanded > entry.size) throw new ImportFileError('workbook_size_mismatch', { file, part, cause: `over ${entry.size} bytes` });
        if (!xml) return;
        // An entity declaration can only open the document, but a prolog may be padded: look everywhere.
        const window = carry.length > 0 ? Buffer.concat([carry, piece.subarray(0, 16)]) : null;
        if (DTD.some((d) => piece.includes(d) || (window !== null && window.includes(d)))) throw new ImportFileError('workbook_entities', { file, part });
        carry = piece.subarray(Math.max(0, piece.length - 16));
        const first = piece.indexOf(LT);
        if (first < 0) sinceTag += piece.length;
        else {
          sinceTag += first;
          if (sinceTag <= TEXT_RUN_BYTES) sinceTag = piece.length - 1 - piece.lastIndexOf(LT);
        }
        if (sinceTag > TEXT_RUN_BYTES) throw new ImportFileError('cell_too_large', { file, part, limit: READ_LIMITS.cellChars });
      });
    } catch (err) {
      if (err instanceof ImportFileError) throw err;
      throw new ImportFileError('workbook_unreadable', { file, cause: `${part}: ${err instanceof Error ? err.message : String(err)}` }, { cause: err });
    }
    if (scan.expanded !== entry.size) {
      throw new ImportFileError('workbook_size_mismatch', { file, part, cause: `${scan.expanded} bytes, not ${entry.size}` });
    }
  }
}
