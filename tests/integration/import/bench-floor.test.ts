import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { tempDir } from '../../helpers/temp';
import { rwb } from '../../helpers/cli';

// The import benchmark compares rwb with a storage floor (tests/bench/import-floor.ts) and draws a
// conclusion from it: the floor is only worth quoting if it stores what rwb stores, as rwb stores it.
const root = join(import.meta.dirname, '../../..');
const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), LANG: 'en_US.UTF-8' };

// The benchmark generator's header and shape, with a return line (negative amount).
const csv = join(dir, 'orders.csv');
writeFileSync(
  csv,
  [
    '订单编号,下单日期,客户编号,客户名称,产品名称,产品类别,数量,单价,订单金额,渠道',
    'XS00000001,2025-05-23,KH018299,客户18299有限公司,实施服务,服务,16,12000.00,192000.00,电商',
    'XS00000001,2025-05-23,KH018299,客户18299有限公司,传感器电池包,备件耗材,4,168.00,672.00,直销',
    'XS00000002,2024-01-09,KH000007,客户7有限公司,振动传感器,硬件,3,980.00,2940.00,代理商',
    'XS00000003,2026-10-31,KH000007,客户7有限公司,安装磁座,备件耗材,-2,85.00,-170.00,直销',
  ].join('\n') + '\n',
);

const COLUMNS = 'order_key, customer_key, order_date, amount, quantity, unit_price, product, category, channel, is_return';

function stored(path: string): { rows: unknown[]; indexes: unknown[]; journal: unknown } {
  const db = new Database(path, { readonly: true });
  try {
    return {
      rows: db.prepare(`select ${COLUMNS} from orders order by id`).all(),
      indexes: db.prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name = 'orders' order by name`).all(),
      journal: db.pragma('journal_mode', { simple: true }),
    };
  } finally {
    db.close();
  }
}

describe('the import benchmark storage floor', () => {
  it('stores the same rows as rwb import, and leaves the same indexes and journal mode', () => {
    const real = join(dir, 'real.rwb');
    const floor = join(dir, 'floor.rwb');
    for (const ws of [real, floor]) {
      const made = rwb(['new', ws, '--client', 'Floor Co'], env);
      expect(made.status, made.stderr).toBe(0);
    }
    const imported = rwb(['import', real, csv, '--entity', 'orders', '--unknown-customers', 'create'], env);
    expect(imported.status, imported.stderr).toBe(0);

    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'tests/bench/import-floor.ts'), floor, csv], {
      encoding: 'utf8',
      cwd: root,
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const { ms } = JSON.parse(r.stdout) as { ms: number };
    expect(ms).toBeGreaterThan(0);

    const a = stored(real);
    const b = stored(floor);
    expect(b.rows).toHaveLength(4);
    expect(b.rows).toEqual(a.rows);
    expect(b.rows.at(-1)).toMatchObject({ amount: -170, is_return: 1 });
    expect(b.indexes).toEqual(a.indexes);
    expect(b.journal).toBe('wal');
  });
});
