import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewImport, readRows } from '../../../electron/backend/import/preview';
import { ENTITY_FIELDS, fieldOf } from '../../../shared/import/fields';
import { makeFieldParser } from '../../../shared/import/field-parser';
import type { MappingSuggestion } from '../../../shared/import/suggest-mapping';
import zh from '../../../shared/i18n/locales/zh-CN/import.json';

const F = join(import.meta.dirname, '../../fixtures/import');
const mapped = (m: MappingSuggestion | null): Record<string, string> => Object.fromEntries((m?.assignments ?? []).map((a) => [a.field, a.header]));

describe('previewImport on the fixtures', () => {
  it('GBK CSV with a title row: encoding, header row and the Chinese mapping', async () => {
    const p = await previewImport(join(F, 'orders-gbk-title.csv'), { entity: 'orders' });
    expect(p.text).toMatchObject({ encoding: 'GB18030', delimiter: ',', newline: '\r\n', bom: false });
    expect(p.headerRow).toBe(3);
    expect(p.rows[0]).toEqual({
      rowNumber: 4,
      cells: ['SO-0001', 'C001', '上海申江机械有限公司', '2024/3/1', '数控刀具', '2', '1,200.00', '￥2,400.00', '电话'],
    });
    expect(p.rows).toHaveLength(5);
    expect(mapped(p.mapping)).toEqual({
      orderKey: '订单编号',
      customerKey: '客户编号',
      customerName: '客户名称',
      orderDate: '下单日期',
      product: '商品名称',
      quantity: '数量',
      unitPrice: '单价',
      amount: '金额(元)',
      channel: '渠道',
    });
    expect(p.mapping?.missingRequired).toEqual([]);
    expect(p.plan.read).toEqual({ format: 'csv', encoding: 'GB18030', delimiter: ',', newline: '\r\n', headerRow: 3 });
  });

  it('UTF-8 BOM CSV with English headers', async () => {
    const p = await previewImport(join(F, 'customers-utf8-bom.csv'), { entity: 'customers' });
    expect(p.text).toMatchObject({ encoding: 'UTF-8', bom: true });
    expect(p.headerRow).toBe(1);
    expect(mapped(p.mapping)).toEqual({
      customerKey: 'customer_id',
      name: 'Customer Name',
      industry: 'Industry',
      region: 'Region',
      owner: 'Account Owner',
      firstSeen: 'Customer Since',
      status: 'Status',
      isBenchmark: 'Is Benchmark',
      tags: 'Tags',
    });
  });

  it('UTF-16 TSV (Excel "Unicode text")', async () => {
    const p = await previewImport(join(F, 'tickets-utf16le.tsv'), { entity: 'tickets' });
    expect(p.text).toMatchObject({ encoding: 'UTF-16LE', delimiter: '\t' });
    expect(p.headers[0]).toBe('工单编号');
    expect(mapped(p.mapping)).toMatchObject({
      ticketKey: '工单编号',
      customerKey: '客户ID',
      openedAt: '创建时间',
      firstResponseAt: '首次响应时间',
      resolvedAt: '解决时间',
    });
  });

  it('semicolon CSV with multi-line quoted notes', async () => {
    const p = await previewImport(join(F, 'interactions-semicolon.csv'), { entity: 'interactions' });
    expect(p.text?.delimiter).toBe(';');
    expect(p.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(mapped(p.mapping)).toMatchObject({ customerKey: 'customer id', date: 'date', direction: 'direction', text: 'notes' });
  });

  it('messy XLSX: sheets listed, merged title rows skipped, second sheet on request', async () => {
    const p = await previewImport(join(F, 'messy.xlsx'), { entity: 'orders' });
    expect(p.sheets.map((s) => s.name)).toEqual(['订单明细', '客户', '说明']);
    expect(p.sheet).toBe('订单明细');
    expect(p.headerRow).toBe(4);
    expect(p.headers).toEqual(['订单号', '客户代码', '客户名称', '订单日期', '产品', '数量', '单价', '实付金额']);
    expect(mapped(p.mapping)).toMatchObject({ orderKey: '订单号', customerKey: '客户代码', orderDate: '订单日期', amount: '实付金额' });
    const c = await previewImport(join(F, 'messy.xlsx'), { entity: 'customers', sheet: '客户' });
    expect(c.headerRow).toBe(1);
    expect(mapped(c.mapping)).toMatchObject({ customerKey: '客户编号', name: '客户名称', firstSeen: '首次合作日期', isBenchmark: '是否标杆客户' });
  });

  it('every date and money cell of the messy sheet parses to the same day and amount as written', async () => {
    const p = await previewImport(join(F, 'messy.xlsx'), { entity: 'orders' });
    const date = makeFieldParser(fieldOf('orders', 'orderDate')!);
    const amount = makeFieldParser(fieldOf('orders', 'amount')!);
    expect(p.rows.map((r) => date(r.cells[3] ?? null))).toEqual(['2024-01-15', '2024-02-03', '2024-03-01', '2024-03-20'].map((value) => ({ ok: true, value })));
    expect(p.rows.map((r) => amount(r.cells[7] ?? null))).toEqual([2400, 1234.5, 12000, 187.6].map((value) => ({ ok: true, value })));
  });

  it('honours a header row and encoding chosen by the user', async () => {
    const p = await previewImport(join(F, 'orders-gbk-title.csv'), { headerRow: 1, encoding: 'GB18030' });
    expect(p.headerRow).toBe(1);
    expect(p.headers[0]).toBe('华东某某科技有限公司客户订单导出 2024年');
    expect(p.text?.encodingConfidence).toBe(1);
  });

  it.each([
    ['legacy.xls', 'xls_legacy'],
    ['html-table.xls', 'xls_html'],
  ])('refuses %s with %s and says how to convert it, in both languages', async (file, code) => {
    const err = await previewImport(join(F, file)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code, params: { file } });
    expect((err as Error).message).toContain('Save As');
    expect((err as Error).message).toContain('.xlsx');
    expect((zh.fileErrors as Record<string, string>)[code]).toContain('另存为');
  });
});

describe('reading the previewed table in full', () => {
  it('keeps every line of an order (no collapsing by order id)', async () => {
    const p = await previewImport(join(F, 'orders-lines.csv'), { entity: 'orders' });
    const rows = [];
    for await (const c of readRows(join(F, 'orders-lines.csv'), p.plan.read)) rows.push(...c.rows);
    expect(rows.map((r) => r[0])).toEqual(['A100', 'A100', 'A100', 'A101', 'A102']);
    // amount = quantity × unit price, line by line: A100 = 2×10.50 + 1×99.00 + 2×10.50 = 141
    const qty = makeFieldParser(fieldOf('orders', 'quantity')!);
    const price = makeFieldParser(fieldOf('orders', 'unitPrice')!);
    const amounts = rows.map((r) => {
      const q = qty(r[4] ?? null);
      const u = price(r[5] ?? null);
      return q.ok && u.ok ? (q.value as number) * (u.value as number) : NaN;
    });
    expect(amounts.slice(0, 3).reduce((a, b) => a + b, 0)).toBe(141);
    expect(p.mapping?.missingRequired).toEqual([]);
  });

  it('finds every bad row of the bad-rows file with its reason, and reads the good ones', async () => {
    const path = join(F, 'orders-bad-rows.csv');
    const p = await previewImport(path, { entity: 'orders' });
    const parsers = p.mapping!.assignments.map((a) => ({ a, parse: makeFieldParser(fieldOf('orders', a.field)!) }));
    const good: number[] = [];
    const rejects: [number, string, string][] = [];
    for await (const chunk of readRows(path, p.plan.read)) {
      chunk.rows.forEach((cells, i) => {
        const rowNumber = chunk.rowNumbers[i]!;
        let ok = true;
        for (const { a, parse } of parsers) {
          const r = parse(cells[a.column] ?? null);
          if (!r.ok) {
            ok = false;
            rejects.push([rowNumber, a.header, r.code]);
          }
        }
        if (ok) good.push(rowNumber);
      });
    }
    expect(good).toEqual([2, 8]);
    expect(rejects).toEqual([
      [3, '下单日期', 'date_impossible'],
      [4, '订单金额', 'money_unrecognised'],
      [5, '客户编号', 'value_required'],
      [6, '订单金额', 'money_other_currency'],
      [7, '订单金额', 'money_bad_grouping'],
      [9, '下单日期', 'value_required'],
    ]);
    for (const [, , code] of rejects) expect((zh.reasons as Record<string, string>)[code]).toBeTruthy();
  });
});

describe('entity fields against the canonical tables', () => {
  it('every field column exists in migration 0002 and every NOT NULL column without default is a field', async () => {
    const { default: Database } = await import('better-sqlite3-multiple-ciphers');
    const { Kysely, SqliteDialect } = await import('kysely');
    const { up } = await import('../../../electron/backend/workspace/migrations/0002_canonical_data');
    const sqlite = new Database(':memory:');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      await up(db);
      // Columns the pipeline fills itself, not from a client column.
      const computed = new Set(['id', 'row_key', 'batch_id', 'mrr', 'created_from_order']);
      for (const { entity, fields } of Object.values(ENTITY_FIELDS)) {
        const cols = sqlite.prepare(`pragma table_info(${entity})`).all() as { name: string; notnull: number; dflt_value: string | null }[];
        const names = new Set(cols.map((c) => c.name));
        for (const f of fields) if (f.column !== null) expect(names.has(f.column), `${entity}.${f.column}`).toBe(true);
        const fieldColumns = new Set(fields.map((f) => f.column));
        for (const c of cols) {
          if (computed.has(c.name)) continue;
          expect(fieldColumns.has(c.name), `${entity}.${c.name} has a field`).toBe(true);
          // customers.name is filled from the id when the list has no name column (entity-rows.ts).
          if (c.notnull === 1 && c.dflt_value === null && !(entity === 'customers' && c.name === 'name')) {
            expect(fields.find((f) => f.column === c.name)?.required, `${entity}.${c.name} is required`).toBe(true);
          }
        }
      }
    } finally {
      await db.destroy();
    }
  });
});
