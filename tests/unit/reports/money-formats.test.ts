import { describe, expect, it } from 'vitest';
import { excelNumFmt } from '../../../electron/backend/reports/xlsx-formats';
import { formatMoneyText } from '../../../shared/reports/format';

// Reports keep full figures (every digit) but group thousands and carry the engagement's currency
// symbol: in the workbook as a number format on a real number, in the PDF's text as written.
describe('report money formats', () => {
  it('XLSX: every currency is a symbol before grouped thousands, not "1,234 USD"', () => {
    expect(excelNumFmt('currency', 'CNY', 0)).toBe('"¥"#,##0;-"¥"#,##0');
    expect(excelNumFmt('currency', 'USD', 0)).toBe('"$"#,##0;-"$"#,##0');
    expect(excelNumFmt('currency', 'EUR', 2)).toBe('"€"#,##0.00;-"€"#,##0.00');
    expect(excelNumFmt('currency', 'GBP')).toBe('"£"#,##0.00;-"£"#,##0.00');
    // No symbol of its own: the code and a space, as Intl writes it.
    expect(excelNumFmt('currency', 'CHF', 0)).toBe('"CHF "#,##0;-"CHF "#,##0');
    for (const code of ['USD', 'EUR', 'JPY', 'CHF', 'SGD']) expect(excelNumFmt('currency', code, 0)).not.toContain(`"${code}"`);
  });

  it('PDF text: whole units, grouped thousands and the symbol, a dash for no value', () => {
    expect(formatMoneyText(1234567.4, { locale: 'zh-CN', currency: 'CNY' })).toBe('¥1,234,567');
    expect(formatMoneyText(98765.5, { locale: 'en', currency: 'USD' })).toBe('$98,766');
    expect(formatMoneyText(-12000, { locale: 'en', currency: 'EUR' })).toBe('-€12,000');
    expect(formatMoneyText(null, { locale: 'en', currency: 'USD' })).toBe('—');
  });
});
