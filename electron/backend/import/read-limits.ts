// What one file may hold, and the check every row read goes through. Each limit is far above what a
// client's export needs and low enough that any file under 1 MB is read or refused within seconds and
// a few hundred MB. A row over a limit is set aside with its row number and the limit named; a file
// whose whole is over one (a zip bomb, a header of 50,000 columns) is refused.
import type { RowIssue } from '../../../shared/import/rows';
import type { RawCell } from '../../../shared/import/text';

export const READ_LIMITS = {
  /** Characters in one cell: Excel's own limit, so nothing an Excel user made goes over it. */
  cellChars: 32_767,
  /**
   * Columns in one row. Excel allows 16,384, but no retention export needs an eighth of it, and the
   * preview profiles every column of its sample for the mapping: 2,048 columns take about a second.
   */
  columns: 2_048,
  /**
   * A CSV record still unfinished after this many characters is taken as a quote never closed (or a
   * line that never ends): its first line is set aside and reading goes on at the next line, instead of
   * the rest of the file becoming one cell.
   */
  recordChars: 1024 * 1024,
  /** Zip entries in a workbook (Excel writes a few dozen; hundreds with many sheets and pictures). */
  zipEntries: 2_000,
  /** Expanded bytes of one part of a workbook (a sheet of several million rows). */
  partBytes: 2 * 1024 * 1024 * 1024 - 1,
  /** Expanded bytes of the shared-strings table, which the reader keeps in memory whole. */
  sharedStringsBytes: 256 * 1024 * 1024,
  /** Expansion a part larger than `ratioFromBytes` may show: sheets Excel saves stay well under 30x. */
  ratio: 100,
  /**
   * The same for the shared strings, held in memory at about 8 times their XML size when the strings
   * are tiny: a table of unique strings compresses less than a sheet (9x in a 200,000-row export), and
   * 20x keeps a 1 MB workbook's table within the memory budget.
   */
  sharedStringsRatio: 20,
  ratioFromBytes: 8 * 1024 * 1024,
} as const;

const ELLIPSIS = '…';

/**
 * The row's first problem with the limits or its bytes (a NUL, a cell too long, too many columns), or
 * null. A row with a problem is cut down to the limits in place, so its copy in the reject list and
 * the memory it holds stay bounded.
 */
export function checkRow(cells: RawCell[], rowNumber: number): RowIssue | null {
  let issue: RowIssue | null = null;
  if (cells.length > READ_LIMITS.columns) {
    issue = { rowNumber, code: 'row_too_wide', params: { columns: cells.length, limit: READ_LIMITS.columns } };
    cells.length = READ_LIMITS.columns;
  }
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v !== 'string') continue;
    if (v.length > READ_LIMITS.cellChars) {
      issue ??= { rowNumber, code: 'cell_too_large', params: { limit: READ_LIMITS.cellChars } };
      cells[c] = v.slice(0, 200) + ELLIPSIS;
    }
    if (v.includes('\0')) {
      if (issue === null || issue.code === 'cell_too_large') issue = { rowNumber, code: 'nul_byte' };
      cells[c] = (cells[c] as string).replace(/\0/g, '\\0');
    }
  }
  return issue;
}
