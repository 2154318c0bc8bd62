import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { fixture, importHarness } from './harness';

// The pipeline end to end through the contract: every fixture format into the canonical tables,
// nothing lost (read = accepted + rejected + duplicate), keys that make re-imports idempotent, order
// lines kept, unknown customers created or rejected, undo. Numbers are read off the fixture files.

const dir = tempDir('rwb-import-');
let h: ReturnType<typeof importHarness>;
beforeEach(async () => {
  h = importHarness(dir);
  await h.newEngagement();
});
afterEach(async () => {
  await h.close();
});

const sql = <T>(q: string, ...args: unknown[]): T[] =>
  h.backend
    .requireWorkspace()
    .sqlite.prepare(q)
    .all(...args) as T[];
const adds = (b: { rowsRead: number; rowsAccepted: number; rowsRejected: number; rowsDuplicate: number }): void => {
  expect(b.rowsAccepted + b.rowsRejected + b.rowsDuplicate).toBe(b.rowsRead);
};

describe('formats through the pipeline', () => {
  it('UTF-8 with BOM customers: flags, tags, dates', async () => {
    const { batch } = await h.call('import.run', { path: fixture('customers-utf8-bom.csv'), entity: 'customers' });
    expect([batch.rowsRead, batch.rowsAccepted, batch.rowsRejected]).toEqual([3, 3, 0]);
    expect(sql('select customer_key, name, first_seen, is_benchmark, tags from customers order by customer_key')).toEqual([
      { customer_key: 'C001', name: 'Shanghai Shenjiang Machinery', first_seen: '2021-04-12', is_benchmark: 1, tags: '["VIP","key"]' },
      { customer_key: 'C002', name: 'Hangzhou West Lake Electronics', first_seen: '2022-07-01', is_benchmark: 0, tags: '[]' },
      { customer_key: 'C003', name: 'Suzhou Precision Works', first_seen: '2020-11-30', is_benchmark: 0, tags: '["at-risk"]' },
    ]);
    expect(batch.dateMin).toBe('2020-11-30');
    expect(batch.dateMax).toBe('2022-07-01');
  });

  it('GBK CSV with Chinese headers and a title row: money written every way, a bracketed negative is a return', async () => {
    const { batch } = await h.call('import.run', { path: fixture('orders-gbk-title.csv'), entity: 'orders' });
    adds(batch);
    expect([batch.rowsRead, batch.rowsAccepted, batch.rowsRejected]).toEqual([5, 5, 0]);
    expect(sql('select order_key, order_date, amount, is_return from orders order by id')).toEqual([
      { order_key: 'SO-0001', order_date: '2024-03-01', amount: 2400, is_return: 0 },
      { order_key: 'SO-0001', order_date: '2024-03-01', amount: 234.5, is_return: 0 },
      { order_key: 'SO-0002', order_date: '2024-03-05', amount: 12000, is_return: 0 },
      { order_key: 'SO-0003', order_date: '2024-03-08', amount: -3000, is_return: 1 },
      { order_key: 'SO-0004', order_date: '2024-03-12', amount: 3600, is_return: 0 },
    ]);
    // No customer list yet: the three customers are created from the orders, flagged, with their names.
    expect(batch.customersCreated).toBe(3);
    expect(batch.unknownCustomers).toBe(5);
    expect(sql('select customer_key, name, created_from_order from customers order by 1')).toEqual([
      { customer_key: 'C001', name: '上海申江机械有限公司', created_from_order: 1 },
      { customer_key: 'C002', name: '杭州西湖电子科技有限公司', created_from_order: 1 },
      { customer_key: 'C003', name: '苏州工业园区精密制造厂', created_from_order: 1 },
    ]);
  });

  it('messy XLSX: merged title rows, real dates, a serial number, a formula, 万; every sheet offered', async () => {
    const preview = await h.call('import.preview', { path: fixture('messy.xlsx') });
    expect(preview.sheets.map((s) => s.name)).toEqual(['订单明细', '客户', '说明']);
    expect(preview.entity).toBe('orders');
    const { batch } = await h.call('import.run', { path: fixture('messy.xlsx'), entity: 'orders', sheet: '订单明细' });
    expect([batch.rowsRead, batch.rowsAccepted]).toEqual([4, 4]);
    expect(batch.sheet).toBe('订单明细');
    expect(sql('select order_key, order_date, amount from orders order by order_key')).toEqual([
      { order_key: 'X-01', order_date: '2024-01-15', amount: 2400 },
      { order_key: 'X-02', order_date: '2024-02-03', amount: 1234.5 },
      { order_key: 'X-03', order_date: '2024-03-01', amount: 12000 },
      { order_key: 'X-04', order_date: '2024-03-20', amount: 187.6 },
    ]);
    const customers = await h.call('import.run', { path: fixture('messy.xlsx'), entity: 'customers', sheet: '客户' });
    // C001 and C002 were created from the orders; the customer list replaces those stubs with the real records.
    expect([customers.batch.rowsAccepted, customers.batch.rowsDuplicate]).toEqual([2, 0]);
    expect(sql('select customer_key, name, industry, created_from_order from customers order by 1')).toEqual([
      { customer_key: 'C001', name: '上海申江机械有限公司', industry: '机械制造', created_from_order: 0 },
      { customer_key: 'C002', name: '杭州西湖电子', industry: '电子', created_from_order: 0 },
      { customer_key: 'C003', name: '苏州精密', industry: null, created_from_order: 1 },
    ]);
  });

  it.each(['tickets-utf16le.tsv', 'tickets-utf16be.tsv'])('UTF-16 tab-separated tickets (%s)', async (file) => {
    const { batch } = await h.call('import.run', { path: fixture(file), entity: 'tickets' });
    expect([batch.rowsRead, batch.rowsAccepted, batch.rowsRejected]).toEqual([3, 3, 0]);
    expect(sql('select ticket_key, opened_at, first_response_at, escalated, satisfaction from tickets order by 1')).toEqual([
      { ticket_key: 'T-1001', opened_at: '2024-03-01T09:15:00', first_response_at: '2024-03-01T10:02:00', escalated: 1, satisfaction: 4 },
      { ticket_key: 'T-1002', opened_at: '2024-03-03T14:00:00', first_response_at: null, escalated: 0, satisfaction: null },
      { ticket_key: 'T-1003', opened_at: '2024-03-05T08:30:00', first_response_at: '2024-03-05T09:00:00', escalated: 0, satisfaction: 5 },
    ]);
  });

  it('semicolon-separated interactions with quoted line breaks', async () => {
    const { batch } = await h.call('import.run', { path: fixture('interactions-semicolon.csv'), entity: 'interactions' });
    expect(batch.rowsRejected).toBe(0);
    expect(batch.rowsAccepted).toBe(batch.rowsRead);
    const first = sql<{ text: string; direction: string; responded: number }>('select text, direction, responded from interactions order by date limit 1')[0]!;
    expect(first).toEqual({ text: 'Called about renewal.\nCustomer asked for a "bundle" price; will send quote.', direction: 'outbound', responded: 1 });
  });

  it('refuses legacy .xls with how to convert it, and changes nothing', async () => {
    const before = h.snapshot();
    const err = await h.fail('import.run', { path: fixture('legacy.xls'), entity: 'orders' });
    expect(err.code).toBe('UNSUPPORTED_FILE');
    expect(err.params.importCode).toBe('xls_legacy');
    expect(err.message).toMatch(/Save As/);
    expect(h.snapshot()).toEqual(before);
  });
});

describe('nothing lost', () => {
  it('imports the good rows and lists every bad one with its column, raw value and reason', async () => {
    const { batch } = await h.call('import.run', { path: fixture('orders-bad-rows.csv'), entity: 'orders' });
    adds(batch);
    expect([batch.rowsRead, batch.rowsAccepted, batch.rowsRejected, batch.rowsDuplicate]).toEqual([8, 2, 6, 0]);
    expect(sql('select order_key, amount from orders order by 1')).toEqual([
      { order_key: 'B1', amount: 100 },
      { order_key: 'B7', amount: 1000 },
    ]);
    const page = await h.call('import.rejects', { batchId: batch.id });
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => [r.rowNumber, r.column, r.rawValue, r.code])).toEqual([
      [3, '下单日期', '2024-02-30', 'date_impossible'],
      [4, '订单金额', 'abc', 'money_unrecognised'],
      [5, '客户编号', '', 'value_required'],
      [6, '订单金额', '$20', 'money_other_currency'],
      [7, '订单金额', '1,23', 'money_bad_grouping'],
      [9, '下单日期', '', 'value_required'],
    ]);
    expect(page.rows[0]!.reason).toBe('不存在的日期：2024-02-30');
    expect(page.rows[0]!.rawRow).toEqual({ 订单编号: 'B2', 客户编号: 'C001', 下单日期: '2024-02-30', 订单金额: '100.00' });
    expect(batch.rejectsByReason).toEqual([
      { code: 'value_required', column: '客户编号', count: 2 },
      { code: 'date_impossible', column: '下单日期', count: 1 },
      { code: 'money_bad_grouping', column: '订单金额', count: 1 },
      { code: 'money_other_currency', column: '订单金额', count: 1 },
      { code: 'money_unrecognised', column: '订单金额', count: 1 },
    ]);
    const paged = await h.call('import.rejects', { batchId: batch.id, offset: 4, limit: 4 });
    expect(paged.rows.map((r) => r.rowNumber)).toEqual([7, 9]);
  });

  it('rejects a row the reader flagged (quotes that do not pair, bytes the encoding cannot decode) instead of storing it', async () => {
    const quotes = join(dir, 'quotes.csv');
    writeFileSync(quotes, '订单编号,客户编号,下单日期,订单金额\nQ1,C001,2024-03-01,5\nQ2,C001,2024-03-02,"7\n');
    const q = (await h.call('import.run', { path: quotes, entity: 'orders' })).batch;
    adds(q);
    expect([q.rowsRead, q.rowsAccepted, q.rowsRejected]).toEqual([2, 1, 1]);
    const qr = (await h.call('import.rejects', { batchId: q.id })).rows;
    expect(qr.map((r) => [r.rowNumber, r.code])).toEqual([[3, 'csv_quote_unclosed']]);
    expect(qr[0]!.reason).toMatch(/双引号始终没有闭合/);

    // GBK bytes read as UTF-8 (the user overrode the detected encoding): every row with Chinese text is
    // garbled, the headers too, so the columns are mapped by position.
    const mapping = [
      { field: 'orderKey', column: 0, header: '' },
      { field: 'customerKey', column: 1, header: '' },
      { field: 'orderDate', column: 3, header: '' },
      { field: 'product', column: 4, header: '' },
      { field: 'amount', column: 7, header: '' },
    ];
    const gbk = (await h.call('import.run', { path: fixture('orders-gbk-title.csv'), entity: 'orders', encoding: 'UTF-8', headerRow: 3, mapping })).batch;
    adds(gbk);
    const gr = (await h.call('import.rejects', { batchId: gbk.id, limit: 100 })).rows;
    expect(gr.length).toBeGreaterThan(0);
    expect(gr.every((r) => r.code === 'encoding_replacement' && r.reason.includes('UTF-8'))).toBe(true);
    expect(
      sql<{ n: number }>(`select count(*) as n from orders where product like '%' || char(65533) || '%' or customer_key like '%' || char(65533) || '%'`)[0]!.n,
    ).toBe(0);
  });

  it('exports the rejects as formula-safe CSV with every source column', async () => {
    const path = join(dir, 'formula.csv');
    writeFileSync(path, '订单编号,客户编号,下单日期,订单金额\nF1,C001,2024-03-01,=HYPERLINK("http://x")\nF2,C001,2024-03-01,5\n');
    const { batch } = await h.call('import.run', { path, entity: 'orders' });
    expect([batch.rowsAccepted, batch.rowsRejected]).toEqual([1, 1]);
    const out = await h.call('import.exportRejects', { batchId: batch.id, path: join(dir, 'rejects-out') });
    expect(out.path.endsWith('rejects-out.csv')).toBe(true);
    expect(out.rows).toBe(1);
    const text = readFileSync(out.path, 'utf8');
    expect(text.startsWith('\uFEFF行号,列,原始值,原因代码,原因,订单编号,客户编号,下单日期,订单金额\r\n')).toBe(true);
    expect(text).toContain(`2,订单金额,"'=HYPERLINK(""http://x"")",money_unrecognised,`);
    expect(text).not.toMatch(/,=HYPERLINK/);
  });

  it('re-importing the same file leaves the row counts unchanged and counts the duplicates', async () => {
    await h.call('import.run', { path: fixture('customers-utf8-bom.csv'), entity: 'customers' });
    const first = await h.call('import.run', { path: fixture('orders-lines.csv'), entity: 'orders' });
    const before = h.snapshot();
    const second = await h.call('import.run', { path: fixture('orders-lines.csv'), entity: 'orders' });
    adds(second.batch);
    expect([second.batch.rowsRead, second.batch.rowsAccepted, second.batch.rowsDuplicate]).toEqual([5, 0, 5]);
    const after = h.snapshot();
    expect(after.orders).toBe(before.orders);
    expect(after.customers).toBe(before.customers);
    expect(after.import_batch).toBe(before.import_batch! + 1);
    expect(first.batch.rowsAccepted).toBe(5);
    const again = await h.call('import.run', { path: fixture('customers-utf8-bom.csv'), entity: 'customers' });
    expect([again.batch.rowsAccepted, again.batch.rowsDuplicate]).toEqual([0, 3]);
  });

  it('an overlapping export adds only the new rows, even when it repeats an identical line more often', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const head = 'order_no,customer_id,order date,product,qty,unit price\n';
    writeFileSync(a, head + 'A1,C1,2024-01-05,Widget,2,10.50\n');
    writeFileSync(b, head + 'A1,C1,2024-01-05,Widget,2,10.50\nA1,C1,2024-01-05,Widget,2,10.50\nA2,C1,2024-01-06,Gadget,1,3\n');
    await h.call('import.run', { path: a, entity: 'orders' });
    const { batch } = await h.call('import.run', { path: b, entity: 'orders' });
    expect([batch.rowsRead, batch.rowsAccepted, batch.rowsDuplicate]).toEqual([3, 2, 1]);
    expect(sql('select order_key, count(*) as n from orders group by 1 order by 1')).toEqual([
      { order_key: 'A1', n: 2 },
      { order_key: 'A2', n: 1 },
    ]);
  });
});

describe('grouped inserts', () => {
  it('settles a group that meets stored rows and identical copies row by row, exactly', async () => {
    const line = (i: number) => `G${i},C1,2024-01-${String(1 + (i % 28)).padStart(2, '0')},Widget,${1 + (i % 3)},2.5`;
    const head = 'order_no,customer_id,order date,product,qty,unit price\n';
    const a = join(dir, 'group-a.csv');
    const b = join(dir, 'group-b.csv');
    writeFileSync(a, head + Array.from({ length: 50 }, (_, i) => line(i)).join('\n') + '\n');
    const bLines: string[] = [];
    for (let i = 25; i < 100; i++) {
      bLines.push(line(i));
      if (i === 60) bLines.push(line(60), line(60)); // three identical lines in one group
      if (i === 90) bLines.push(line(70)); // a second copy of a line 20 rows back, in another group
    }
    writeFileSync(b, head + bLines.join('\n') + '\n');
    const first = await h.call('import.run', { path: a, entity: 'orders' });
    expect([first.batch.rowsRead, first.batch.rowsAccepted]).toEqual([50, 50]);
    const second = await h.call('import.run', { path: b, entity: 'orders' });
    adds(second.batch);
    expect([second.batch.rowsRead, second.batch.rowsAccepted, second.batch.rowsDuplicate]).toEqual([78, 53, 25]);
    expect(sql(`select count(*) as n from orders where order_key = 'G60'`)).toEqual([{ n: 3 }]);
    expect(sql(`select count(*) as n from orders where order_key = 'G70'`)).toEqual([{ n: 2 }]);
    const third = await h.call('import.run', { path: b, entity: 'orders' });
    expect([third.batch.rowsAccepted, third.batch.rowsDuplicate]).toEqual([0, 78]);
    expect(sql('select count(*) as n from orders')).toEqual([{ n: 103 }]);
  });
});

describe('orders', () => {
  it('keeps every order line, identical ones too, and computes amount = quantity × unit price', async () => {
    const { batch } = await h.call('import.run', { path: fixture('orders-lines.csv'), entity: 'orders' });
    expect(batch.mapping.some((m) => m.field === 'amount')).toBe(false);
    expect([batch.rowsRead, batch.rowsAccepted, batch.rowsDuplicate]).toEqual([5, 5, 0]);
    expect(sql('select order_key, product, quantity, unit_price, amount from orders order by id')).toEqual([
      { order_key: 'A100', product: 'Widget', quantity: 2, unit_price: 10.5, amount: 21 },
      { order_key: 'A100', product: 'Gadget', quantity: 1, unit_price: 99, amount: 99 },
      { order_key: 'A100', product: 'Widget', quantity: 2, unit_price: 10.5, amount: 21 },
      { order_key: 'A101', product: 'Widget', quantity: 10, unit_price: 10, amount: 100 },
      { order_key: 'A102', product: 'Service', quantity: 1, unit_price: 500, amount: 500 },
    ]);
    // An order's value is the sum of its lines.
    expect(sql('select sum(amount) as v from orders where order_key = ?', 'A100')).toEqual([{ v: 141 }]);
    const quality = (await h.call('import.quality', {})).find((q) => q.entity === 'orders')!;
    expect([quality.rows, quality.distinctOrders]).toEqual([5, 3]);
  });

  it('rejects orders of unknown customers when asked, naming the customer', async () => {
    await h.call('import.run', { path: fixture('customers-utf8-bom.csv'), entity: 'customers' });
    const path = join(dir, 'unknown.csv');
    writeFileSync(path, 'order_no,customer_id,order date,amount\nU1,C001,2024-01-05,10\nU2,C999,2024-01-06,20\nU3,C999,2024-01-07,30\n');
    const { batch } = await h.call('import.run', { path, entity: 'orders', options: { unknownCustomers: 'reject' } });
    expect([batch.rowsAccepted, batch.rowsRejected, batch.unknownCustomers, batch.customersCreated]).toEqual([1, 2, 2, 0]);
    const page = await h.call('import.rejects', { batchId: batch.id });
    expect(page.rows.map((r) => [r.rowNumber, r.column, r.rawValue, r.code])).toEqual([
      [3, 'customer_id', 'C999', 'customer_unknown'],
      [4, 'customer_id', 'C999', 'customer_unknown'],
    ]);
    expect(sql(`select count(*) as n from customers where customer_key = 'C999'`)).toEqual([{ n: 0 }]);
    const created = await h.call('import.run', { path, entity: 'orders', options: { unknownCustomers: 'create' } });
    // U1 is a duplicate now; U2 and U3 come in and C999 is created once, flagged.
    expect([created.batch.rowsAccepted, created.batch.rowsDuplicate, created.batch.customersCreated, created.batch.unknownCustomers]).toEqual([2, 1, 1, 2]);
    expect(sql(`select name, created_from_order from customers where customer_key = 'C999'`)).toEqual([{ name: 'C999', created_from_order: 1 }]);
  });
});

describe('contracts and usage', () => {
  it('reads yearly and monthly values from separate columns into value, period and mrr', async () => {
    const path = join(dir, 'contracts.csv');
    writeFileSync(
      path,
      '\uFEFF合同编号,客户编号,开始日期,结束日期,计费方式,年度合同金额,月费\nHT1,C1,2024-01-01,2024-12-31,年付,"120,000.00",\nHT2,C1,2024-02-01,2024-02-29,月付,,800\nHT3,C1,2024-03-01,,月付,,\n',
    );
    const { batch } = await h.call('import.run', { path, entity: 'contracts' });
    expect([batch.rowsAccepted, batch.rowsRejected]).toEqual([2, 1]);
    expect(sql('select contract_key, recurring_value, value_period, mrr from contracts order by 1')).toEqual([
      { contract_key: 'HT1', recurring_value: 120000, value_period: 'year', mrr: 10000 },
      { contract_key: 'HT2', recurring_value: 800, value_period: 'month', mrr: 800 },
    ]);
    expect(batch.rejectsByReason).toEqual([{ code: 'contract_value_missing', column: null, count: 1 }]);
  });

  it('stores the usage metrics the analyses look for under their ids, others as written', async () => {
    const path = join(dir, 'usage.csv');
    writeFileSync(path, '客户编号,月份,指标,数值\nC1,2026-09,登录次数,12\nC1,2026-09,活跃用户数,3\nC1,2026-09,报表导出,7\n');
    await h.call('import.run', { path, entity: 'usage' });
    expect(sql('select period, metric, value from usage order by id')).toEqual([
      { period: '2026-09-01', metric: 'logins', value: 12 },
      { period: '2026-09-01', metric: 'active_users', value: 3 },
      { period: '2026-09-01', metric: '报表导出', value: 7 },
    ]);
  });
});

describe('undo', () => {
  it('removes the batch rows and the customers it created, keeps the record, and audits', async () => {
    await h.call('import.run', { path: fixture('customers-utf8-bom.csv'), entity: 'customers' });
    const before = h.snapshot();
    const { batch } = await h.call('import.run', { path: fixture('orders-gbk-title.csv'), entity: 'orders' });
    expect(batch.customersCreated).toBe(0); // C001-C003 are in the customer list
    const lines = await h.call('import.run', { path: join(dir, 'more.csv'), entity: 'orders' }).catch(() => null);
    expect(lines).toBeNull(); // a missing file is an error, not an empty batch
    writeFileSync(join(dir, 'more.csv'), 'order_no,customer_id,order date,amount\nM1,C777,2024-05-01,9\n');
    const more = await h.call('import.run', { path: join(dir, 'more.csv'), entity: 'orders' });
    expect(more.batch.customersCreated).toBe(1);
    const undone = await h.call('import.undo', { batchId: more.batch.id });
    expect([undone.rowsDeleted, undone.customersDeleted, undone.batch.status]).toEqual([1, 1, 'undone']);
    await h.call('import.undo', { batchId: batch.id });
    const after = h.snapshot();
    expect(after.orders).toBe(before.orders);
    expect(after.customers).toBe(before.customers);
    const batches = await h.call('import.batches', {});
    expect(batches.map((b) => [b.entity, b.status])).toEqual([
      ['orders', 'undone'],
      ['orders', 'undone'],
      ['customers', 'committed'],
    ]);
    const err = await h.fail('import.undo', { batchId: batch.id });
    expect(err.code).toBe('VALIDATION_FAILED');
    const audit = sql<{ action: string }>(`select action from audit_log where action like 'import.%' order by id`).map((a) => a.action);
    expect(audit).toEqual(['import.run', 'import.run', 'import.run', 'import.undo', 'import.undo']);
  });
});

describe('saved mappings', () => {
  it('saves a confirmed mapping per client system and applies it to the next export by header text', async () => {
    const first = join(dir, 'sys1.csv');
    writeFileSync(first, '单号X,客户X,日期X,金额X\nS1,C1,2024-01-01,10\n');
    const preview = await h.call('import.preview', { path: first, entity: 'orders' });
    expect(preview.mapping?.missingRequired.length).toBeGreaterThan(0);
    const mapping = [
      { field: 'orderKey', column: 0, header: '单号X' },
      { field: 'customerKey', column: 1, header: '客户X' },
      { field: 'orderDate', column: 2, header: '日期X' },
      { field: 'amount', column: 3, header: '金额X' },
    ];
    const { savedMapping } = await h.call('import.run', { path: first, entity: 'orders', mapping, saveMappingAs: '某ERP 销售单' });
    expect(savedMapping?.system).toBe('某ERP 销售单');
    // The next export has its columns in another order.
    const second = join(dir, 'sys2.csv');
    writeFileSync(second, '金额X,日期X,单号X,客户X\n20,2024-01-02,S2,C1\n');
    const p2 = await h.call('import.preview', { path: second, entity: 'orders' });
    expect(p2.savedMapping?.system).toBe('某ERP 销售单');
    expect(p2.mapping?.missingRequired).toEqual([]);
    expect(Object.fromEntries(p2.mapping!.assignments.map((a) => [a.field, a.column]))).toEqual({ amount: 0, orderDate: 1, orderKey: 2, customerKey: 3 });
    const { batch } = await h.call('import.run', { path: second, entity: 'orders' });
    expect(batch.rowsAccepted).toBe(1);
    expect((await h.call('import.mappings', { entity: 'orders' })).map((m) => m.system)).toEqual(['某ERP 销售单']);
  });

  it('refuses a mapping that leaves required fields open', async () => {
    const err = await h.fail('import.run', {
      path: fixture('orders-lines.csv'),
      entity: 'orders',
      mapping: [{ field: 'orderKey', column: 0, header: 'order_no' }],
    });
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.params.importCode).toBe('missing_required');
  });
});
