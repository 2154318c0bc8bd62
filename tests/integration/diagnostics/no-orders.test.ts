// rwb diagnose on a customers-only workspace (the IBM Telco churn snapshot shape: one row per customer,
// a Churn column, no orders or contracts) refuses with a coded error in both languages that says what
// to import, and points a snapshot at 流失风险; no run with as-of = today and no activity is stored.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, it } from 'vitest';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs') };
const file = join(dir, 'telco.rwb');
const csv = join(dir, 'customers.csv');

beforeAll(() => {
  const rows = ['客户编号,客户名称,Contract,Churn'];
  for (let i = 0; i < 30; i++) rows.push(`T${String(i).padStart(4, '0')},Customer ${i},${i % 2 ? 'Month-to-month' : 'Two year'},${i % 4 ? 'No' : 'Yes'}`);
  writeFileSync(csv, rows.join('\n') + '\n');
  expect(rwb(['new', file, '--client', 'Telco'], env).status).toBe(0);
  const imported = rwb(['import', file, csv, '--entity', 'customers'], env);
  expect(imported.status, imported.stderr).toBe(0);
}, 120_000);

describe('rwb diagnose without orders or contracts', () => {
  it('refuses with DIAGNOSE_NO_ORDERS in English and Chinese and stores no run', () => {
    const en = rwb(['diagnose', file, '--lang', 'en'], env);
    expect(en.status).not.toBe(0);
    expect(en.stderr).toContain('No orders or contracts to diagnose');
    expect(en.stderr).toContain('--label column');
    const zh = rwb(['diagnose', file, '--lang', 'zh-CN'], env);
    expect(zh.status).not.toBe(0);
    expect(zh.stderr).toContain('没有可诊断的订单或合同');
    expect(zh.stderr).toContain('流失风险');
    const json = rwb(['diagnose', file, '--json'], env);
    expect(json.status).not.toBe(0);
    expect(json.stdout + json.stderr).toContain('DIAGNOSE_NO_ORDERS');
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('select count(*) from diagnostic_run').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
