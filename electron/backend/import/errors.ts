// Errors a file can raise before any row is read (or, for a workbook, while it is read). The code is a key
// of the 'import' catalogue (fileErrors.<code>), so the UI and the CLI say it in the user's language;
// the English text is the Error message for logs, the Chinese one travels beside it.
import en from '../../../shared/i18n/locales/en/import.json';
import zh from '../../../shared/i18n/locales/zh-CN/import.json';

export type ImportFileErrorCode =
  | 'xls_legacy'
  | 'xls_html'
  | 'format_unknown'
  | 'file_empty'
  | 'no_data_rows'
  | 'sheet_not_found'
  | 'workbook_unreadable'
  | 'record_too_large'
  | 'too_many_columns'
  | 'workbook_too_many_parts'
  | 'workbook_part_too_large'
  | 'workbook_ratio'
  | 'workbook_entities'
  | 'workbook_size_mismatch'
  | 'cell_too_large';

export type ImportFileErrorParams = Record<string, string | number>;

function interpolate(template: string, params: ImportFileErrorParams): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export class ImportFileError extends Error {
  readonly code: ImportFileErrorCode;
  readonly params: ImportFileErrorParams;
  /** The same sentence in Chinese. */
  readonly messageZh: string;
  constructor(code: ImportFileErrorCode, params: ImportFileErrorParams = {}, options?: { cause?: unknown }) {
    super(interpolate(en.fileErrors[code], params), options);
    this.name = 'ImportFileError';
    this.code = code;
    this.params = params;
    this.messageZh = interpolate(zh.fileErrors[code], params);
  }
}
