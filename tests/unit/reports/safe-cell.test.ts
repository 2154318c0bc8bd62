import { describe, expect, it } from 'vitest';
import { csvField, csvRow, isFormulaLike, safeXlsxValue } from '../../../electron/backend/reports/safe-cell';

describe('formula injection', () => {
  it.each([
    ["=cmd|' /C calc'!A0", true],
    ['+1+2', true],
    ['-2+3', true],
    ['@SUM(A1:A2)', true],
    ['\t=1', true],
    ['\r=1', true],
    ['＝1+1', true],
    ['-12.5', false],
    ['+86', false],
    ['苏州远航', false],
    ['a=b', false],
    ['', false],
  ])('%j formula-like: %s', (text, expected) => {
    expect(isFormulaLike(text)).toBe(expected);
  });

  it('XLSX: a formula-like text stays a string marked as text; numbers stay numbers', () => {
    expect(safeXlsxValue("=cmd|' /C calc'!A0")).toEqual({ value: "=cmd|' /C calc'!A0", forceText: true });
    expect(safeXlsxValue(-3.5)).toEqual({ value: -3.5, forceText: false });
    expect(safeXlsxValue(Number.POSITIVE_INFINITY)).toEqual({ value: null, forceText: false });
    expect(safeXlsxValue('普通文本')).toEqual({ value: '普通文本', forceText: false });
  });

  it('CSV: prefixes a quote (OWASP), quotes delimiters, leaves numbers alone', () => {
    expect(csvField("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvField('=HYPERLINK("http://x","a,b")')).toBe(`"'=HYPERLINK(""http://x"",""a,b"")"`);
    expect(csvField(-42)).toBe('-42');
    expect(csvField('-42')).toBe('-42');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvRow(['@x', 1, null, true, '张三'])).toBe("'@x,1,,true,张三");
    expect(csvRow(['a;b', '+x'], ';')).toBe(`"a;b";'+x`);
  });
});
