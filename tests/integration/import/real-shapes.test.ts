// What clients really send, imported with default settings (entity guessed, suggested mapping): the
// ids a spreadsheet wrote as floats come back as written, a list without names imports with the ids
// as names, and the columns no field takes are kept as typed customer attributes.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportBatchDetail } from '../../../shared/import/batch';
import { importFile, previewFile } from '../../../electron/backend/import/import-file';
import { listRejects, undoBatch } from '../../../electron/backend/import/batches';
import { customerAttributes } from '../../../electron/backend/workspace/repositories/customer-attributes';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import { writeRetail, writeSuperstore, writeTelco, type RetailFacts, type SuperstoreCustomer, type TelcoFacts } from './real-shapes';

const dir = tempDir('rwb-real-shapes-');
const retailPath = join(dir, 'Online Retail.csv');
const superstorePath = join(dir, '超市订单.csv');
const telcoPath = join(dir, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');
let retail: RetailFacts;
let superstore: { lines: number; customers: SuperstoreCustomer[] };
let telco: TelcoFacts;

beforeAll(() => {
  retail = writeRetail(retailPath);
  superstore = writeSuperstore(superstorePath);
  telco = writeTelco(telcoPath);
});

/** Preview without an entity, then run the plan as it stands: what "import with defaults" means. */
async function importAsIs(ws: Workspace, path: string): Promise<ImportBatchDetail> {
  const preview = await previewFile(ws, path, undefined, {});
  return (await importFile(ws, { plan: preview.plan }, { locale: 'en' })).batch;
}

const attribute = (ws: Workspace, name: string): Map<string, string | number | null> => {
  const a = customerAttributes(ws.sqlite);
  const col = a.columns.find((c) => c.name === name);
  return new Map(a.keys.map((k, i) => [k, col ? (col.values[i] ?? null) : null]));
};

describe('a UCI-Online-Retail-like order file', () => {
  let ws: Workspace;
  afterAll(async () => ws?.close());

  it('is guessed as orders; CustomerID 17850.0 reads as 17850; lines without a customer are rejected with their line and reason; Country is kept', async () => {
    ws = await newWorkspace(dir);
    const preview = await previewFile(ws, retailPath, undefined, {});
    expect(preview.entity).toBe('orders');
    const byField = Object.fromEntries(preview.mapping.assignments.map((a) => [a.field === 'attribute' ? `attribute:${a.header}` : a.field, a.header]));
    expect(byField).toMatchObject({
      orderKey: 'InvoiceNo',
      product: 'Description',
      quantity: 'Quantity',
      orderDate: 'InvoiceDate',
      unitPrice: 'UnitPrice',
      customerKey: 'CustomerID',
      'attribute:Country': 'Country',
    });
    // StockCode changes from line to line of one customer: no customer attribute.
    expect(preview.mapping.assignments.some((a) => a.header === 'StockCode')).toBe(false);
    expect(preview.mapping.assignments.find((a) => a.header === 'Country')?.attributeType).toBe('category');

    const b = (await importFile(ws, { plan: preview.plan }, { locale: 'en' })).batch;
    // 400 lines: 100 without a CustomerID are rejected (value_required, each with its line), 300 kept.
    expect([b.rowsRead, b.rowsAccepted, b.rowsRejected, b.rowsDuplicate]).toEqual([
      retail.lines,
      retail.lines - retail.withoutCustomer,
      retail.withoutCustomer,
      0,
    ]);
    expect(b.rejectsByReason).toEqual([{ code: 'value_required', column: 'CustomerID', count: retail.withoutCustomer }]);
    const rejects = listRejects(ws.sqlite, b.id, 0, 3);
    expect(rejects.rows.map((r) => r.rowNumber)).toEqual([5, 9, 13]);
    // Every kept line's id was a float: all were read back.
    expect(b.idsUnfloated).toBe(retail.lines - retail.withoutCustomer);
    const keys = ws.sqlite.prepare('select distinct customer_key from orders order by 1').pluck().all() as string[];
    expect(keys).toHaveLength(retail.customers);
    expect(keys.every((k) => /^\d+$/.test(k))).toBe(true);
    // Returns: the 'C' invoices' negative quantities make negative amounts flagged as returns.
    expect(ws.sqlite.prepare(`select count(*) from orders where is_return = 1 and amount < 0 and order_key like 'C%'`).pluck().get()).toBe(retail.returnLines);
    const country = attribute(ws, 'Country');
    for (const k of keys) expect(country.get(k)).toBe(retail.countries.get(k));
  });

  it('an undo takes the batch attributes with it', () => {
    undoBatch(ws.sqlite, 1);
    expect(ws.sqlite.prepare('select count(*) from customer_attribute').pluck().get()).toBe(0);
    expect(customerAttributes(ws.sqlite).columns).toEqual([]);
  });
});

describe('a Chinese superstore export', () => {
  it('is guessed as orders; 细分, 城市, 省/自治区 and 地区 are kept per customer; 折扣 and 利润 are not', async () => {
    const ws = await newWorkspace(dir);
    const preview = await previewFile(ws, superstorePath, undefined, {});
    expect(preview.entity).toBe('orders');
    const fields = Object.fromEntries(preview.mapping.assignments.filter((a) => a.field !== 'attribute').map((a) => [a.field, a.header]));
    expect(fields).toMatchObject({
      orderKey: '订单 ID',
      orderDate: '订单日期',
      customerKey: '客户 ID',
      customerName: '客户名称',
      amount: '销售额',
      quantity: '数量',
    });
    const kept = preview.mapping.assignments.filter((a) => a.field === 'attribute').map((a) => [a.header, a.attributeType]);
    expect(kept).toEqual([
      ['细分', 'category'],
      ['城市', 'category'],
      ['省/自治区', 'category'],
      ['地区', 'category'],
    ]);
    const b = (await importFile(ws, { plan: preview.plan }, { locale: 'zh-CN' })).batch;
    expect([b.rowsRead, b.rowsAccepted, b.rowsRejected]).toEqual([superstore.lines, superstore.lines, 0]);
    const province = attribute(ws, '省/自治区');
    const segment = attribute(ws, '细分');
    for (const c of superstore.customers) {
      if (!province.has(c.id)) continue;
      expect([province.get(c.id), segment.get(c.id)]).toEqual([c.province, c.segment]);
    }
    expect(ws.sqlite.prepare(`select name from customers where customer_key = ?`).pluck().get(superstore.customers[0]!.id)).toBe(superstore.customers[0]!.name);
    await ws.close();
  });
});

describe('a telecom churn snapshot without a name column', () => {
  it('is guessed as customers and imports with the ids as names; Churn is the status, every other column a typed attribute, blanks kept as no value', async () => {
    const ws = await newWorkspace(dir);
    const preview = await previewFile(ws, telcoPath, undefined, {});
    expect(preview.entity).toBe('customers');
    expect(preview.mapping.missingRequired).toEqual([]);
    const types = Object.fromEntries(preview.mapping.assignments.filter((a) => a.field === 'attribute').map((a) => [a.header, a.attributeType]));
    expect(types).toEqual({
      gender: 'category',
      SeniorCitizen: 'number',
      Partner: 'category',
      tenure: 'number',
      Contract: 'category',
      MonthlyCharges: 'number',
      TotalCharges: 'number',
    });
    // The churn flag is the customer's status, which the churn model's outcome labels read.
    expect(preview.mapping.assignments.find((a) => a.header === 'Churn')?.field).toBe('status');
    const b = await importAsIs(ws, telcoPath);
    expect([b.rowsRead, b.rowsAccepted, b.rowsRejected, b.namesFromIds]).toEqual([telco.customers, telco.customers, 0, telco.customers]);
    const named = ws.sqlite.prepare('select count(*) from customers where name = customer_key').pluck().get();
    expect(named).toBe(telco.customers);
    const a = customerAttributes(ws.sqlite);
    const total = a.columns.find((c) => c.name === 'TotalCharges')!;
    expect(total.type).toBe('number');
    expect(total.values.filter((v) => v === null)).toHaveLength(telco.blankTotals);
    expect(total.values.every((v) => v === null || typeof v === 'number')).toBe(true);
    expect(ws.sqlite.prepare(`select count(*) from customers where status = 'Yes'`).pluck().get()).toBe(telco.churned);
    expect(a.columns.map((c) => c.name)).not.toContain('Churn');
    await ws.close();
  });
});

describe('rwb import with default settings', () => {
  const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), LANG: 'en_US.UTF-8' };
  it('guesses each file and says what it normalised, named and kept, in English and Chinese', () => {
    const ws = join(dir, 'cli.rwb');
    expect(rwb(['new', ws, '--client', '零售客户'], env).status).toBe(0);
    const t = rwb(['import', ws, telcoPath], env);
    expect(t.status, t.stderr).toBe(0);
    expect(t.stdout).toContain('Customers');
    expect(t.stdout).toContain(`${telco.customers} customers have no name in the file: each is shown under its id.`);
    expect(t.stdout).toContain('Kept as customer attributes: gender (category), SeniorCitizen (number)');
    const o = rwb(['import', ws, retailPath, '--lang', 'zh-CN'], env);
    expect(o.status, o.stderr).toBe(0);
    expect(o.stdout).toContain(
      `${(retail.lines - retail.withoutCustomer).toLocaleString('zh-CN')} 个编号被表格软件写成了小数（17850.0），已按客户原本的编号读取（17850）。`,
    );
    expect(o.stdout).toContain('作为客户属性保留：Country（类别）');
    const s = rwb(['import', ws, superstorePath, '--json'], env);
    expect(s.status, s.stderr).toBe(0);
    expect(s.json<ImportBatchDetail>()).toMatchObject({ entity: 'orders', rowsAccepted: superstore.lines, idsUnfloated: 0 });
  });
});
