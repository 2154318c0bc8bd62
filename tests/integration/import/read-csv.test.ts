import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvRows, type CsvReadOptions } from '../../../electron/backend/import/read-csv';
import { sniffTextFile } from '../../../electron/backend/import/sniff';
import type { RowChunk } from '../../../shared/import/rows';

const F = join(import.meta.dirname, '../../fixtures/import');
const tmp = mkdtempSync(join(tmpdir(), 'rwb-csv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function collect(path: string, opts: CsvReadOptions): Promise<{ chunks: RowChunk[]; rows: unknown[][]; rowNumbers: number[] }> {
  const chunks: RowChunk[] = [];
  for await (const c of readCsvRows(path, opts)) chunks.push(c);
  return { chunks, rows: chunks.flatMap((c) => c.rows), rowNumbers: chunks.flatMap((c) => c.rowNumbers) };
}

async function optsFor(file: string): Promise<CsvReadOptions> {
  const s = await sniffTextFile(join(F, file));
  return { encoding: s.encoding, delimiter: s.delimiter, newline: s.newline };
}

describe('sniffing the fixtures', () => {
  it.each([
    ['orders-gbk-title.csv', 'GB18030', ',', '\r\n', false],
    ['customers-utf8-bom.csv', 'UTF-8', ',', '\n', true],
    ['tickets-utf16le.tsv', 'UTF-16LE', '\t', '\r\n', true],
    ['tickets-utf16be.tsv', 'UTF-16BE', '\t', '\r\n', true],
    ['interactions-semicolon.csv', 'UTF-8', ';', '\n', false],
    ['orders-lines.csv', 'UTF-8', ',', '\n', false],
  ])('%s: %s, %j, %j, bom %s', async (file, encoding, delimiter, newline, bom) => {
    expect(await sniffTextFile(join(F, file))).toMatchObject({ encoding, delimiter, newline, bom });
  });
});

describe('readCsvRows', () => {
  it('reads a GBK file with a title row, numbering rows as Excel does', async () => {
    const { rows, rowNumbers } = await collect(join(F, 'orders-gbk-title.csv'), await optsFor('orders-gbk-title.csv'));
    // Row 2 is blank (only commas) and is skipped; its number is not reused.
    expect(rowNumbers).toEqual([1, 3, 4, 5, 6, 7, 8]);
    expect(rows[0]![0]).toBe('华东某某科技有限公司客户订单导出 2024年');
    expect(rows[1]).toEqual(['订单编号', '客户编号', '客户名称', '下单日期', '商品名称', '数量', '单价', '金额(元)', '渠道']);
    expect(rows[2]).toEqual(['SO-0001', 'C001', '上海申江机械有限公司', '2024/3/1', '数控刀具', '2', '1,200.00', '￥2,400.00', '电话']);
  });

  it('strips the BOM from the first header', async () => {
    const { rows } = await collect(join(F, 'customers-utf8-bom.csv'), await optsFor('customers-utf8-bom.csv'));
    expect(rows[0]![0]).toBe('customer_id');
  });

  it('keeps quoted fields with line breaks, doubled quotes and delimiters as one row', async () => {
    const { rows, rowNumbers } = await collect(join(F, 'interactions-semicolon.csv'), await optsFor('interactions-semicolon.csv'));
    expect(rowNumbers).toEqual([1, 2, 3, 4]);
    expect(rows[1]![7]).toBe('Called about renewal.\nCustomer asked for a "bundle" price; will send quote.');
    expect(rows[2]![7]).toBe('Two lines:\nline two');
  });

  it.each(['orders-gbk-title.csv', 'tickets-utf16le.tsv', 'tickets-utf16be.tsv', 'interactions-semicolon.csv', 'customers-utf8-bom.csv'])(
    '%s reads the same in 1- to 7-byte slices as in one piece (records and characters cut across slices)',
    async (file) => {
      const opts = await optsFor(file);
      const whole = await collect(join(F, file), opts);
      for (const readBytes of [1, 2, 3, 7]) {
        const sliced = await collect(join(F, file), { ...opts, readBytes, chunkRows: 2 });
        expect(sliced.rows).toEqual(whole.rows);
        expect(sliced.rowNumbers).toEqual(whole.rowNumbers);
      }
    },
  );

  it('yields chunks of the requested size, from the requested row, with byte progress', async () => {
    const path = join(tmp, 'big.csv');
    const lines = ['id,amount', ...Array.from({ length: 2500 }, (_, i) => `${i + 1},${(i + 1) * 2}.50`)];
    writeFileSync(path, lines.join('\n') + '\n');
    const { chunks, rows, rowNumbers } = await collect(path, {
      encoding: 'UTF-8',
      delimiter: ',',
      newline: '\n',
      fromRow: 2,
      chunkRows: 1000,
      readBytes: 4096,
    });
    expect(chunks.map((c) => c.rows.length)).toEqual([1000, 1000, 500]);
    expect(rows[0]).toEqual(['1', '2.50']);
    expect(rowNumbers[0]).toBe(2);
    expect(rowNumbers.at(-1)).toBe(2501);
    const progress = chunks.map((c) => c.bytesRead);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(chunks.at(-1)!.bytesRead).toBe(chunks.at(-1)!.totalBytes);
  });

  it('stops after maxRows', async () => {
    const { rows } = await collect(join(F, 'orders-lines.csv'), { ...(await optsFor('orders-lines.csv')), maxRows: 2 });
    expect(rows).toHaveLength(2);
  });

  it('stops with an AbortError when cancelled', async () => {
    const path = join(tmp, 'cancel.csv');
    writeFileSync(path, Array.from({ length: 5000 }, (_, i) => `${i},x`).join('\n'));
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const c of readCsvRows(path, {
          encoding: 'UTF-8',
          delimiter: ',',
          newline: '\n',
          chunkRows: 100,
          readBytes: 1024,
          signal: controller.signal,
        })) {
          seen.push(c.rows.length);
          controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen.length).toBeLessThan(50);
  });

  it('flags rows whose bytes are not valid in the chosen encoding', async () => {
    const { chunks } = await collect(join(F, 'orders-gbk-title.csv'), { encoding: 'UTF-8', delimiter: ',', newline: '\r\n' });
    const issues = chunks.flatMap((c) => c.issues);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatchObject({ code: 'encoding_replacement', params: { encoding: 'UTF-8' } });
  });

  it('sets aside the line of a quote never closed and reads on at the next line', async () => {
    const path = join(tmp, 'quote.csv');
    writeFileSync(path, 'a,b\n1,"unclosed\n2,x\n');
    const { chunks, rows } = await collect(path, { encoding: 'UTF-8', delimiter: ',', newline: '\n' });
    expect(chunks.flatMap((c) => c.issues)).toEqual([{ rowNumber: 2, code: 'csv_quote_unclosed' }]);
    expect(rows.at(-1)).toEqual(['2', 'x']);
  });

  it('reads the last row without a trailing newline', async () => {
    const path = join(tmp, 'nolf.csv');
    writeFileSync(path, 'a,b\r\n1,2\r\n3,4');
    const { rows } = await collect(path, { encoding: 'UTF-8', delimiter: ',', newline: '\r\n', readBytes: 3 });
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});
