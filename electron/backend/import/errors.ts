// Errors a file can raise before any row is read. The code is a key of the 'import' catalogue
// (fileErrors.<code>), so the UI and the CLI say it in the user's language; the English text is the
// Error message for logs.
import en from '../../../shared/i18n/locales/en/import.json';

export type ImportFileErrorCode =
  | 'xls_legacy'
  | 'xls_html'
  | 'format_unknown'
  | 'file_empty'
  | 'sheet_not_found'
  | 'workbook_unreadable'
  | 'record_too_large';

export type ImportFileErrorParams = Record<string, string | number>;

function interpolate(template: string, params: ImportFileErrorParams): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export class ImportFileError extends Error {
  readonly code: ImportFileErrorCode;
  readonly params: ImportFileErrorParams;
  constructor(code: ImportFileErrorCode, params: ImportFileErrorParams = {}, options?: { cause?: unknown }) {
    super(interpolate(en.fileErrors[code], params), options);
    this.name = 'ImportFileError';
    this.code = code;
    this.params = params;
  }
}
