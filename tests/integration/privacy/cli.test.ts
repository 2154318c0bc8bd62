// rwb close-out, erase-customer and audit verify as a user runs them (child processes, no terminal:
// deleting needs --yes).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), RWB_LANG: 'en' };

describe('rwb close-out / erase-customer / audit verify', () => {
  it('erases, closes out, verifies the chain, finds an edit and deletes the workspace', () => {
    const file = join(dir, 'c.rwb');
    const csv = join(dir, 'customers.csv');
    writeFileSync(
      csv,
      '客户编号,客户名称,联系人,电话,邮箱\nK001,宁波甬辉精工机械有限公司,欧阳慧敏,13912345678,ouyang@yonghui.example.com\nK002,厦门鹭江港务物流有限公司,司马振宇,13887654321,sima@lujiang.example.com\n',
    );
    expect(rwb(['new', file, '--client', '测试客户'], env).status).toBe(0);
    expect(rwb(['import', file, csv, '--entity', 'customers'], env).status).toBe(0);
    // One of K001's orders is rejected (its amount unreadable): the reject keeps the source row.
    const orders = join(dir, 'orders.csv');
    writeFileSync(orders, '订单编号,客户编号,下单日期,金额\nO1,K001,2026-01-05,abc\nO2,K002,2026-01-06,100\n');
    expect(rwb(['import', file, orders, '--entity', 'orders'], env).status).toBe(0);

    const intact = rwb(['audit', 'verify', file], env);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/Audit chain intact: 3 entries/);

    const refused = rwb(['erase-customer', file, 'K001'], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('--yes');
    const erased = rwb(['erase-customer', file, 'K001', '--yes', '--json'], env);
    expect(erased.status).toBe(0);
    expect(erased.json<{ rowsDeleted: Record<string, number> }>().rowsDeleted).toEqual({ customers: 1, import_reject: 1 });

    const closed = rwb(['close-out', file, '--personal-fields', '--yes', '--json'], env);
    expect(closed.status).toBe(0);
    expect(closed.json<{ cleared: Record<string, number> }>().cleared).toMatchObject({
      'customers.name': 1,
      'customers.phone': 1,
      'customers.email': 1,
      'customers.contact_name': 1,
    });
    const bytes = readFileSync(file);
    for (const s of ['宁波甬辉精工机械有限公司', '欧阳慧敏', '13912345678', '厦门鹭江港务物流有限公司', '司马振宇', '13887654321', 'sima@lujiang'])
      expect(bytes.includes(Buffer.from(s))).toBe(false);
    expect(rwb(['audit', 'verify', file], env).status).toBe(0);

    // An entry edited behind the workbench's back breaks the chain at that entry.
    const db = new Database(file);
    db.prepare("update audit_log set detail = '{}' where id = 2").run();
    db.close();
    const broken = rwb(['audit', 'verify', file], env);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/broken at entry 2/);

    expect(rwb(['close-out', file, '--delete-workspace'], env).status).not.toBe(0);
    expect(existsSync(file)).toBe(true);
    const deleted = rwb(['close-out', file, '--delete-workspace', '--yes', '--certificate', join(dir, 'cert')], env);
    expect(deleted.status).toBe(0);
    expect(['', '-wal', '-shm', '-journal', '-lock'].some((s) => existsSync(file + s))).toBe(false);
    const cert = JSON.parse(readFileSync(join(dir, 'cert.json'), 'utf8')) as { audit: { intact: boolean; brokenAt: number } };
    expect(cert.audit).toMatchObject({ intact: false, brokenAt: 2 });
  }, 300_000);
});
