// The two other privacy steps on the demo engagement (after a diagnostic and a health run): erasing
// one customer on request, then deleting the whole workspace with everything beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tempDir } from '../../helpers/temp';
import { figures, openDemo, type DemoSession } from './demo-harness';
import type { ReadableDB } from '../../../electron/backend/workspace/connection';
import type { CloseOutCertificate } from '../../../shared/domain/privacy';

const dir = tempDir();
let s: DemoSession;

beforeAll(async () => {
  s = await openDemo(dir);
}, 180_000);
afterAll(async () => s?.b.shutdown());

function rowsOf(sqlite: ReadableDB, key: string): Record<string, number> {
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const cols = sqlite.prepare('select name from pragma_table_info(?)').pluck().all(t) as string[];
    if (!cols.includes('customer_key')) continue;
    const n = (sqlite.prepare(`select count(*) from "${t}" where customer_key = ?`).pluck().get(key) as number) ?? 0;
    if (n > 0) out[t] = n;
  }
  return out;
}

describe('customers.erase', () => {
  it('removes every row of the customer and keeps the runs aggregates, noting the erasure', async () => {
    const sqlite = s.b.workspace!.sqlite;
    // A customer present in the runs and in most data tables.
    const key = sqlite
      .prepare(
        `select c.customer_key from customers c join health_score h on h.customer_key = c.customer_key
         where exists (select 1 from interactions i where i.customer_key = c.customer_key)
           and exists (select 1 from surveys v where v.customer_key = c.customer_key)
         order by c.customer_key limit 1`,
      )
      .pluck()
      .get() as string;
    const { name, phone } = sqlite.prepare('select name, phone from customers where customer_key = ?').get(key) as { name: string; phone: string };
    const before = rowsOf(sqlite, key);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['customers', 'orders', 'interactions', 'surveys', 'diagnostic_customer', 'health_score']));
    const diagnostic = await s.call('diagnostics.get', {});
    // The health run's stored aggregates (its counts per band); the overview's breakdowns by tier
    // and owner are computed from the per-customer rows when asked, so they move with an erasure.
    const healthRuns = await s.call('health.runs', {});

    const result = await s.call('customers.erase', { customerKey: key });
    expect(result.rowsDeleted).toEqual(expect.objectContaining(before));
    expect(result.runsNoted).toBe(2);
    expect(rowsOf(sqlite, key)).toEqual({});

    // The runs' aggregates as they were; the runs note one customer erased after them.
    expect(figures(await s.call('diagnostics.get', {}))).toEqual(figures(diagnostic));
    expect(figures(await s.call('health.runs', {}))).toEqual(figures(healthRuns));
    const notes = await s.call('privacy.erasures', {});
    expect(notes.diagnostic[String(diagnostic!.id)]).toBe(1);
    expect(Object.values(notes.health)).toEqual([1]);

    // The audit log names the customer by a salted hash only, and its chain holds.
    const [entry] = await s.call('audit.list', { limit: 1 });
    expect(entry!.action).toBe('customers.erase');
    expect(entry!.detail.keyHash).toBe(result.keyHash);
    expect(JSON.stringify(entry)).not.toContain(key);
    expect((await s.call('audit.verify', {})).intact).toBe(true);

    // Erasing again is refused with a code; the file (rebuilt, its WAL folded in) holds neither name nor phone.
    const again = await s.envelope('customers.erase', { customerKey: key });
    expect(again.ok ? null : again.error.code).toBe('CUSTOMER_NOT_FOUND');
    const bytes = readFileSync(s.path);
    expect(bytes.includes(Buffer.from(name, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from(phone, 'utf8'))).toBe(false);
  });
});

describe('engagement.closeOut workspace', () => {
  it('overwrites and deletes the file and every sidecar, and certifies it', async () => {
    const base = basename(s.path);
    // What an upgrade and a recovery leave beside a workspace, and a stray journal.
    writeFileSync(`${s.path}.before-0011_churn.bak`, 'snapshot');
    mkdirSync(join(dir, `.recovery-${base}-2026-01-01T00-00-00-000Z`));
    writeFileSync(join(dir, `.recovery-${base}-2026-01-01T00-00-00-000Z`, base), 'copy');
    writeFileSync(`${s.path}-journal`, '');
    const certificateAt = join(dir, 'kept', 'close-out');

    const result = await s.call('engagement.closeOut', { mode: 'workspace', confirm: true, certificate: certificateAt });
    const left = readdirSync(dir).filter((n) => n.includes(base));
    expect(left).toEqual([]);
    expect(result.filesDeleted).toEqual(expect.arrayContaining([s.path, `${s.path}.before-0011_churn.bak`, `${s.path}-journal`]));
    expect(s.b.workspace).toBeNull();
    expect((await s.call('engagement.recent', {})).map((r) => r.path)).not.toContain(s.path);

    const cert = JSON.parse(readFileSync(`${certificateAt}.json`, 'utf8')) as CloseOutCertificate;
    expect(cert).toMatchObject({ format: 'rwb.close-out-certificate', mode: 'workspace', workspace: s.path });
    expect(cert.audit.intact).toBe(true);
    expect(cert.audit.lastHash).toMatch(/^[0-9a-f]{64}$/);
    expect(cert.by.host.length).toBeGreaterThan(0);
    const text = readFileSync(`${certificateAt}.txt`, 'utf8');
    expect(text).toContain('删除整个项目文件');
    expect(text).toContain('best effort');
  });
});
