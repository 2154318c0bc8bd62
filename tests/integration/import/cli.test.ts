import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportBatchDetail, RejectPage } from '../../../shared/import/batch';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { fixture } from './harness';

const dir = tempDir('rwb-import-cli-');
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), LANG: 'en_US.UTF-8' };
const ws = join(dir, 'client.rwb');

describe('rwb import / rejects / undo-import', () => {
  it('imports a file and prints the batch summary with rejects by reason', () => {
    expect(rwb(['new', ws, '--client', '华东精密'], env).status).toBe(0);
    const r = rwb(['import', ws, fixture('orders-bad-rows.csv'), '--entity', 'orders'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Import batch #1 · Orders · orders-bad-rows.csv');
    expect(r.stdout).toMatch(/Rows read\s+8/);
    expect(r.stdout).toMatch(/Imported\s+2/);
    expect(r.stdout).toMatch(/Rejected\s+6/);
    expect(r.stdout).toMatch(/Duplicates skipped\s+0/);
    expect(r.stdout).toMatch(/2\s+Required value empty\s+\(客户编号\)/);
    expect(r.stdout).toContain('rwb rejects FILE.rwb 1');
  });

  it('prints JSON, guesses the entity, and re-imports as duplicates', () => {
    const r = rwb(['import', ws, fixture('orders-lines.csv'), '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const b = r.json<ImportBatchDetail>();
    // C001 and C002 were created by the first import's good rows.
    expect([b.entity, b.rowsRead, b.rowsAccepted, b.customersCreated]).toEqual(['orders', 5, 5, 0]);
    const again = rwb(['import', ws, fixture('orders-lines.csv'), '--entity', 'orders', '--json'], env).json<ImportBatchDetail>();
    expect([again.rowsAccepted, again.rowsDuplicate]).toEqual([0, 5]);
  });

  it('takes a mapping file and the unknown-customer choice', () => {
    const data = join(dir, 'odd.csv');
    writeFileSync(data, 'A,B,C,D\nQ1,C404,2024-05-01,10\n');
    const mapping = join(dir, 'm.json');
    writeFileSync(mapping, JSON.stringify({ orderKey: 'A', customerKey: 'B', orderDate: 'C', amount: 'D' }));
    const r = rwb(['import', ws, data, '--entity', 'orders', '--mapping', mapping, '--unknown-customers', 'reject', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const b = r.json<ImportBatchDetail>();
    expect([b.rowsAccepted, b.rowsRejected]).toEqual([0, 1]);
    expect(b.rejectsByReason).toEqual([{ code: 'customer_unknown', column: 'B', count: 1 }]);
  });

  it('lists the rejects and writes them as CSV', () => {
    const page = rwb(['rejects', ws, '1', '--json'], env).json<RejectPage>();
    expect(page.total).toBe(6);
    const text = rwb(['rejects', ws, '1'], env);
    expect(text.stdout).toContain('6 rejected values');
    expect(text.stdout).toMatch(/3\s+下单日期\s+"2024-02-30"\s+No such date: 2024-02-30/);
    const out = join(dir, 'rejects.csv');
    const w = rwb(['rejects', ws, '1', '--csv', out], env);
    expect(w.status, w.stderr).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(7);
  });

  it('undoes a batch, in both spellings', () => {
    const r = rwb(['undo-import', ws, '2'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Batch #2 undone: 5 rows and 0 created customers removed.');
    const again = rwb(['import', ws, '--undo', '2'], env);
    expect(again.status).not.toBe(0);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    const list = rwb(['imports', ws, '--lang', 'zh-CN'], env);
    expect(list.stdout).toContain('已撤销');
  });

  it('refuses a legacy .xls with how to convert it, in Chinese when asked', () => {
    const r = rwb(['import', ws, fixture('legacy.xls'), '--entity', 'orders', '--lang', 'zh-CN'], env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('不支持的文件');
  });

  it('plans once with the read settings given (encoding, header row) and runs that plan', () => {
    const other = join(dir, 'settings.rwb');
    expect(rwb(['new', other, '--client', '华东精密'], env).status).toBe(0);
    const r = rwb(['import', other, fixture('orders-gbk-title.csv'), '--encoding', 'GB18030', '--header-row', '3', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('changed after its preview');
    const b = r.json<ImportBatchDetail>();
    expect([b.entity, b.rowsRead, b.rowsAccepted, b.rowsRejected]).toEqual(['orders', 5, 5, 0]);
  });
});
