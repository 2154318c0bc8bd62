// The shapes of an import preview, shared by the backend readers (electron/backend/import) and the
// contract and UI that show them.
import type { NumberedRow, RowIssue } from './rows';
import type { MappingSuggestion } from './suggest-mapping';

export type FileFormat = 'csv' | 'xlsx';
export type Delimiter = ',' | '\t' | ';' | '|';
export type Newline = '\r\n' | '\n' | '\r';

export interface XlsxSheetInfo {
  name: string;
  /** 0-based position in the workbook's tabs. */
  index: number;
  hidden: boolean;
  /** The last row the sheet's stored dimension names (A1:H1200 -> 1200); null when the file does not say. */
  rowCountEstimate: number | null;
}

/** Everything needed to read the table again, exactly as previewed. Plain data: it is stored with the batch. */
export type ReadPlan =
  | { format: 'csv'; encoding: string; delimiter: Delimiter; newline: Newline; headerRow: number }
  | { format: 'xlsx'; sheet: string; headerRow: number };

export interface TextDetection {
  encoding: string;
  bom: boolean;
  encodingConfidence: number;
  delimiter: Delimiter;
  delimiterConfidence: number;
  newline: Newline;
}

export interface ImportPreview {
  fileName: string;
  fileSize: number;
  format: FileFormat;
  /** CSV only: what was detected (or given). */
  text: TextDetection | null;
  /** XLSX only: every sheet, in tab order. */
  sheets: XlsxSheetInfo[];
  sheet: string | null;
  /** 1-based row of the header; rows above it (titles) are not data. */
  headerRow: number;
  headerConfidence: number;
  headers: string[];
  /** The first data rows under the header. */
  rows: NumberedRow[];
  issues: RowIssue[];
  mapping: MappingSuggestion | null;
  plan: ReadPlan;
}
