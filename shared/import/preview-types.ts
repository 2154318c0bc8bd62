// The shape of an import preview, the one the backend readers (electron/backend/import) build and the
// contract, the CLI and the UI show.
import type { EntityKind } from '../domain/entities';
import type { EntityGuess } from './guess-entity';
import type { ImportPlan } from './plan';
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

/** Everything needed to read the table again, exactly as previewed. Plain data: it is stored with the batch (import_batch.plan). */
export type ReadPlan =
  { format: 'csv'; encoding: string; delimiter: Delimiter; newline: Newline; headerRow: number } | { format: 'xlsx'; sheet: string; headerRow: number };

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
  /** The entity chosen: the one asked for, else the guess. */
  entity: EntityKind;
  /** The entity the headers suggest, with how sure (the UI pre-selects it when the user has not chosen). */
  guess: EntityGuess;
  /** The suggested mapping for `entity`, with confidences and reasons (the saved mapping that fits, when there is one). */
  mapping: MappingSuggestion;
  /** The saved mapping of this client system that fits the headers (already applied to `mapping`). */
  savedMapping: { id: number; system: string } | null;
  /** Rough number of data rows (CSV: from the file size and the sample's bytes per row). */
  rowEstimate: number | null;
  /** What `import.run` takes back to run this preview without reading the file's head again. */
  plan: ImportPlan;
}
