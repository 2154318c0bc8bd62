// Rows as the readers hand them to the pipeline and the preview: plain data, so they cross the process
// boundary (worker, IPC) as they are.
import type { RawCell } from './text';

export type RowIssueCode = 'csv_quotes' | 'csv_quote_unclosed' | 'encoding_replacement' | 'nul_byte' | 'cell_too_large' | 'row_too_wide';

/** Something wrong with a row as a whole, found while reading it (before any value is parsed). */
export interface RowIssue {
  rowNumber: number;
  code: RowIssueCode;
  params?: Record<string, string | number>;
}

/**
 * A batch of rows. Rows are arrays of cells, column 0 first; rowNumbers[i] is the 1-based row of rows[i]
 * as Excel would number it (CSV: the record's number, counting title rows, the header and blank lines;
 * a quoted field with line breaks still makes one row). Blank rows are skipped but keep their numbers.
 */
export interface RowChunk {
  rows: RawCell[][];
  rowNumbers: number[];
  issues: RowIssue[];
  /** Bytes of the file consumed so far (compressed bytes for XLSX), for progress. */
  bytesRead: number;
  totalBytes: number;
}

export interface NumberedRow {
  rowNumber: number;
  cells: RawCell[];
}
