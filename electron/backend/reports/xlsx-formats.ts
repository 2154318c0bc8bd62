import { currencySymbol } from '../../../shared/display/numbers';
import { assertNever, defaultDecimals, type ValueFormat } from '../../../shared/reports/format';

/** Excel number format for a report value format. Percent expects fractions, like everything else. */
export function excelNumFmt(format: ValueFormat, currency: string, decimals?: number): string {
  const d = decimals ?? defaultDecimals(format);
  const frac = d > 0 ? `.${'0'.repeat(d)}` : '';
  switch (format) {
    case 'text':
      return '@';
    case 'integer':
      return '#,##0';
    case 'number':
      return `#,##0${frac}`;
    case 'currency':
      return currencyNumFmt(currency, frac);
    case 'percent':
      return `0${frac}%`;
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    default:
      return assertNever(format);
  }
}

/**
 * Grouped thousands behind the currency's symbol ("$"#,##0, "€"#,##0.00), the symbol a literal so the
 * file reads the same on a machine set to another locale. A currency without a symbol of its own is
 * written with its code and a space ("CHF "#,##0), as Intl writes it.
 */
function currencyNumFmt(currency: string, frac: string): string {
  const symbol = currencySymbol(currency, 'en').replace(/"/g, '');
  const lead = /[A-Za-z]$/.test(symbol) ? `${symbol} ` : symbol;
  return `"${lead}"#,##0${frac};-"${lead}"#,##0${frac}`;
}

/** 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm[:ss]' to a Date at that wall-clock time in UTC (exceljs writes UTC serials). */
export function isoToExcelDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Display width of text in Excel character units: a CJK character takes two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

/** Excel's column letters for a 1-based column index: 1 → A, 27 → AA. */
export function columnLetters(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
