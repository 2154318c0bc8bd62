// Streaming reader for delimited text (CSV, TSV, TXT). The file is read in 1 MB slices, decoded with
// iconv-lite's incremental decoder and split into records by papaparse's parser, one slice at a time:
// memory stays flat whatever the file size, and the consumer pulls chunks of rows (back-pressure comes
// free with the async generator).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { RowChunk, RowIssue } from '../../../shared/import/rows';
import type { RawCell } from '../../../shared/import/text';
import { ImportFileError } from './errors';
import type { Delimiter, Newline } from './sniff';

export interface CsvReadOptions {
  encoding: string;
  delimiter: Delimiter;
  newline: Newline;
  /** Rows per yielded chunk. */
  chunkRows?: number;
  /** First row (1-based) to yield; earlier rows (title rows, the header) are read but not yielded. */
  fromRow?: number;
  /** Stop after yielding this many rows (previews). */
  maxRows?: number;
  signal?: AbortSignal;
  /** Bytes per read; tests use tiny slices to prove records cut across slices come out whole. */
  readBytes?: number;
}

// papaparse's low-level Parser is what its own streamers drive: parse(text, baseIndex, ignoreLastRow)
// returns the complete records and the cursor after the last one, so the unfinished tail can be kept
// for the next slice. Its typings say `any`; this is the part used.
interface ParserResult {
  data: string[][];
  errors: { code: string; row?: number }[];
  meta: { cursor: number };
}
interface LowLevelParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): ParserResult;
}

// A single record this large is an unclosed quote swallowing the rest of the file; stop rather than
// rescan an ever-growing tail on every slice.
const MAX_RECORD_CHARS = 32 * 1024 * 1024;
const REPLACEMENT = '\uFFFD';

function isBlank(row: readonly string[]): boolean {
  for (const c of row) if (c.trim().length > 0) return false;
  return true;
}

interface ChunkDecoder {
  write(buf: Buffer): string;
  end(): string | undefined;
}

// UTF-8, the usual case, goes through the platform's TextDecoder (simdutf): several times faster than
// iconv-lite's StringDecoder-based one over a 100 MB file. Both strip a leading BOM and turn invalid
// bytes into U+FFFD, which the reader flags row by row.
function textDecoder(encoding: string): ChunkDecoder {
  const name = encoding.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (name === 'utf8') {
    const d = new TextDecoder('utf-8');
    return { write: (buf) => d.decode(buf, { stream: true }), end: () => d.decode() };
  }
  return iconv.getDecoder(encoding, { stripBOM: true });
}

export async function* readCsvRows(path: string, opts: CsvReadOptions): AsyncGenerator<RowChunk, void, undefined> {
  const { signal } = opts;
  signal?.throwIfAborted();
  const chunkRows = opts.chunkRows ?? 5000;
  const fromRow = opts.fromRow ?? 1;
  const maxRows = opts.maxRows ?? Number.POSITIVE_INFINITY;
  const totalBytes = (await stat(path)).size;
  const decoder = textDecoder(opts.encoding);
  const parser = new Papa.Parser({ delimiter: opts.delimiter, newline: opts.newline, quoteChar: '"' }) as unknown as LowLevelParser;
  const stream = createReadStream(path, { highWaterMark: opts.readBytes ?? 1024 * 1024 });

  let rowNumber = 0;
  let yielded = 0;
  let bytesRead = 0;
  let tail = '';
  let chunk: RowChunk = { rows: [], rowNumbers: [], issues: [], bytesRead: 0, totalBytes };
  // Full chunks waiting to be yielded: one 1 MB slice can hold several chunks' worth of rows.
  const ready: RowChunk[] = [];

  const take = (result: ParserResult, mayHaveReplacement: boolean): void => {
    const quoteErrorRows = new Set<number>();
    for (const e of result.errors) if (e.row !== undefined && (e.code === 'MissingQuotes' || e.code === 'InvalidQuotes')) quoteErrorRows.add(e.row);
    const { data } = result;
    for (let i = 0; i < data.length; i++) {
      rowNumber++;
      const row = data[i]!;
      if (rowNumber < fromRow || isBlank(row) || yielded >= maxRows) continue;
      chunk.rows.push(row as RawCell[]);
      chunk.rowNumbers.push(rowNumber);
      yielded++;
      if (quoteErrorRows.has(i)) chunk.issues.push({ rowNumber, code: 'csv_quotes' });
      if (mayHaveReplacement && row.some((c) => c.includes(REPLACEMENT))) {
        chunk.issues.push({ rowNumber, code: 'encoding_replacement', params: { encoding: opts.encoding } } satisfies RowIssue);
      }
      if (chunk.rows.length >= chunkRows) ready.push(flush());
    }
  };
  function flush(): RowChunk {
    const out = { ...chunk, bytesRead };
    chunk = { rows: [], rowNumbers: [], issues: [], bytesRead, totalBytes };
    return out;
  }

  try {
    for await (const buf of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      bytesRead += buf.length;
      const text = decoder.write(buf);
      const input = tail.length > 0 ? tail + text : text;
      const result = parser.parse(input, 0, true);
      tail = input.slice(result.meta.cursor);
      if (tail.length > MAX_RECORD_CHARS) throw new ImportFileError('record_too_large', { file: basename(path), row: rowNumber + 1, limit: MAX_RECORD_CHARS / 1024 / 1024 });
      take(result, input.includes(REPLACEMENT));
      yield* ready.splice(0);
      if (yielded >= maxRows) {
        if (chunk.rows.length > 0) yield flush();
        return;
      }
    }
    signal?.throwIfAborted();
    const rest = tail + (decoder.end() ?? '');
    if (rest.length > 0) {
      const result = parser.parse(rest, 0, false);
      take(result, rest.includes(REPLACEMENT));
    }
    yield* ready.splice(0);
    if (chunk.rows.length > 0 || chunk.issues.length > 0) yield flush();
  } finally {
    stream.destroy();
  }
}

/** The first `count` rows of the file (blank rows skipped), title rows and header included. */
export async function readCsvHead(path: string, opts: Omit<CsvReadOptions, 'maxRows' | 'fromRow'>, count: number): Promise<{ rows: RawCell[][]; rowNumbers: number[]; issues: RowIssue[] }> {
  const rows: RawCell[][] = [];
  const rowNumbers: number[] = [];
  const issues: RowIssue[] = [];
  for await (const c of readCsvRows(path, { ...opts, maxRows: count, chunkRows: count })) {
    rows.push(...c.rows);
    rowNumbers.push(...c.rowNumbers);
    issues.push(...c.issues);
  }
  return { rows, rowNumbers, issues };
}
