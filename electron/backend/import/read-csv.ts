// Streaming reader for delimited text (CSV, TSV, TXT). The file is read in 1 MB slices, decoded with
// iconv-lite's incremental decoder and split into records by papaparse's parser, one slice at a time:
// memory stays flat whatever the file size, and the consumer pulls chunks of rows (back-pressure comes
// free with the async generator).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { RowChunk, RowIssue } from '../../../shared/import/rows';
import type { RawCell } from '../../../shared/import/text';
import { READ_LIMITS, checkRow } from './read-limits';
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

const hasMissingQuote = (r: ParserResult): boolean => r.errors.some((e) => e.code === 'MissingQuotes');

export async function* readCsvRows(path: string, opts: CsvReadOptions): AsyncGenerator<RowChunk, void, undefined> {
  const { signal } = opts;
  signal?.throwIfAborted();
  const chunkRows = opts.chunkRows ?? 5000;
  const fromRow = opts.fromRow ?? 1;
  const maxRows = opts.maxRows ?? Number.POSITIVE_INFINITY;
  const totalBytes = (await stat(path)).size;
  const decoder = textDecoder(opts.encoding);
  const { delimiter, newline } = opts;
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' }) as unknown as LowLevelParser;
  const stream = createReadStream(path, { highWaterMark: opts.readBytes ?? 1024 * 1024 });

  let rowNumber = 0;
  let yielded = 0;
  let bytesRead = 0;
  let tail = '';
  // After a line longer than the record limit was set aside: the rest of that line, up to its end, is dropped.
  let skippingLine = false;
  let chunk: RowChunk = { rows: [], rowNumbers: [], issues: [], bytesRead: 0, totalBytes };
  // Full chunks waiting to be yielded: one 1 MB slice can hold several chunks' worth of rows.
  const ready: RowChunk[] = [];

  const push = (row: string[], issue: RowIssue | null, replacement: boolean): void => {
    rowNumber++;
    if (rowNumber < fromRow || isBlank(row) || yielded >= maxRows) return;
    const cells = row as RawCell[];
    // The row's own problems (a NUL, a cell or a width over the limits) come before what the split says.
    const found = checkRow(cells, rowNumber) ?? issue;
    chunk.rows.push(cells);
    chunk.rowNumbers.push(rowNumber);
    yielded++;
    if (found !== null) chunk.issues.push(found);
    else if (replacement && row.some((c) => c.includes(REPLACEMENT))) {
      chunk.issues.push({ rowNumber, code: 'encoding_replacement', params: { encoding: opts.encoding } });
    }
    if (chunk.rows.length >= chunkRows) ready.push(flush());
  };
  const take = (result: ParserResult, replacement: boolean): void => {
    const quoteErrorRows = new Set<number>();
    for (const e of result.errors) if (e.row !== undefined && (e.code === 'MissingQuotes' || e.code === 'InvalidQuotes')) quoteErrorRows.add(e.row);
    const { data } = result;
    for (let i = 0; i < data.length; i++) push(data[i]!, quoteErrorRows.has(i) ? { rowNumber: rowNumber + 1, code: 'csv_quotes' } : null, replacement);
  };
  /** A line whose quote never closes: set aside on its own, split naively so its copy shows its cells. */
  const setAside = (line: string, replacement: boolean): void => {
    const cells = line.split(delimiter);
    push(cells, { rowNumber: rowNumber + 1, code: 'csv_quote_unclosed' }, replacement);
  };
  function flush(): RowChunk {
    const out = { ...chunk, bytesRead };
    chunk = { rows: [], rowNumbers: [], issues: [], bytesRead, totalBytes };
    return out;
  }

  /**
   * Split `text` (the unfinished tail of the last slice and this one) into records. An unfinished record
   * stays the tail while it is within the record limit; past it, or at the end of the file, a record
   * whose quote never closes has its first line set aside and the split goes on from the next line, so
   * one stray quote costs one row, not the rest of the file.
   */
  const split = (input: string, final: boolean): void => {
    const replacement = input.includes(REPLACEMENT);
    let text = input;
    if (skippingLine) {
      const nl = text.indexOf(newline);
      if (nl < 0) {
        tail = '';
        return;
      }
      skippingLine = false;
      text = text.slice(nl + newline.length);
    }
    for (;;) {
      const result = parser.parse(text, 0, true);
      take(result, replacement);
      const rest = text.slice(result.meta.cursor);
      if (rest.length === 0) {
        tail = '';
        return;
      }
      if (!final && rest.length <= READ_LIMITS.recordChars) {
        tail = rest;
        return;
      }
      const nl = rest.indexOf(newline);
      if (final) {
        const last = parser.parse(rest, 0, false);
        if (!hasMissingQuote(last) || nl < 0) {
          take(last, replacement);
          tail = '';
          return;
        }
      } else if (nl < 0) {
        // One line longer than the limit and still going: read what there is as the row, drop the rest of the line.
        const last = parser.parse(rest, 0, false);
        if (hasMissingQuote(last)) setAside(rest.slice(0, READ_LIMITS.recordChars), replacement);
        else take(last, replacement);
        skippingLine = true;
        tail = '';
        return;
      }
      setAside(rest.slice(0, nl), replacement);
      text = rest.slice(nl + newline.length);
    }
  };

  try {
    for await (const buf of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      bytesRead += buf.length;
      const text = decoder.write(buf);
      split(tail.length > 0 ? tail + text : text, false);
      yield* ready.splice(0);
      if (yielded >= maxRows) {
        if (chunk.rows.length > 0) yield flush();
        return;
      }
    }
    signal?.throwIfAborted();
    const rest = tail + (decoder.end() ?? '');
    if (rest.length > 0) split(rest, true);
    yield* ready.splice(0);
    if (chunk.rows.length > 0 || chunk.issues.length > 0) yield flush();
  } finally {
    stream.destroy();
  }
}

/** The first `count` rows of the file (blank rows skipped), title rows and header included. */
export async function readCsvHead(
  path: string,
  opts: Omit<CsvReadOptions, 'maxRows' | 'fromRow'>,
  count: number,
): Promise<{ rows: RawCell[][]; rowNumbers: number[]; issues: RowIssue[] }> {
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
