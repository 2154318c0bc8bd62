import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineClient } from '../../../electron/backend/engine/client';
import { workerLink } from '../../../electron/backend/engine/links';
import type { ArgsOf, ChannelName, Envelope, ResultOf } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp';

// An encrypted workspace through the engine as browser mode runs it (a worker thread, diagnostics in
// a job thread of their own, so the key has to reach that thread): the same import, diagnostic run
// and report as a plain workspace, and not one imported name readable in the file or its backup.

const dir = tempDir();
const PASS = '正确的口令 correct horse';
const CUSTOMERS = 240;
const names = Array.from({ length: CUSTOMERS }, (_, i) => `机密客户${String(i).padStart(4, '0')}有限公司`);

// Over 1 MB, so the import takes its bulk path (rollback journal, indexes rebuilt) on both files.
const orders = join(dir, 'orders.csv');
const lines = ['订单编号,下单日期,客户编号,客户名称,产品名称,数量,单价,订单金额'];
for (let i = 0; i < 14_000; i++) {
  const c = (i * 37) % CUSTOMERS;
  const day = new Date(Date.UTC(2024, 0, 1) + ((i * 13) % 1000) * 86_400_000).toISOString().slice(0, 10);
  lines.push(
    `XS${String(i).padStart(8, '0')},${day},KH${String(c).padStart(6, '0')},${names[c]},振动传感器,${1 + (i % 5)},980.00,${(980 * (1 + (i % 5))).toFixed(2)}`,
  );
}
writeFileSync(orders, lines.join('\n') + '\n');

const engine = new EngineClient({
  init: { host: 'web', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs'), pdf: 'chromium' },
  link: workerLink,
});

async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const env = await engine.call(name, args);
  if (!env.ok) throw new Error(`${name}: ${env.error.code}: ${env.error.message}`);
  return env.value as ResultOf<K>;
}
async function failure<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<{ code: string; message: string }> {
  const env: Envelope<unknown> = await engine.call(name, args);
  if (env.ok) throw new Error(`${name} succeeded`);
  return env.error;
}

const meta = { clientName: '华东精密', industry: '制造业', currency: 'CNY', locale: 'zh-CN' as const };
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const siblings = (path: string) => readdirSync(dir).filter((f) => f.startsWith(`${path.split('/').pop()}-`));

/** Which of the imported names can be read in the file's bytes (UTF-8 or UTF-16). */
function readable(path: string): string[] {
  const bytes = readFileSync(path);
  return [...names, '华东精密'].filter((s) => bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s, 'utf16le')));
}

/** The figures of a workspace that must not depend on encryption. */
async function workOn(path: string, passphrase?: string) {
  await call('engagement.create', { path, meta, ...(passphrase ? { passphrase } : {}) });
  const preview = await call('import.preview', { path: orders, entity: 'orders' });
  const run = await call('import.run', { plan: preview.plan, options: { unknownCustomers: 'create' } });
  const b = run.batch;
  const diag = await call('diagnostics.run', { params: { asOf: '2026-09-30' } });
  const stored = await call('diagnostics.get', { runId: diag.id });
  const report = await call('report.preview', {});
  const xlsx = await call('report.exportXlsx', { path: join(dir, `${path.split('/').pop()}.xlsx`) });
  await call('engagement.close', {});
  return {
    batch: [b.rowsRead, b.rowsAccepted, b.rowsRejected, b.rowsDuplicate, b.customersCreated, b.dateMin, b.dateMax],
    results: stored?.results,
    reportSections: report.sources.length,
    xlsxBytes: xlsx.bytes > 0,
  };
}

const plain = join(dir, 'plain.rwb');
const secret = join(dir, 'secret.rwb');
let plainFigures: Awaited<ReturnType<typeof workOn>>;
let secretFigures: Awaited<ReturnType<typeof workOn>>;

beforeAll(async () => {
  await engine.start();
  plainFigures = await workOn(plain);
  secretFigures = await workOn(secret, PASS);
}, 300_000);
afterAll(() => engine.close());

describe('an encrypted workspace', () => {
  it('imports, runs diagnostics (in a job thread) and reports exactly as a plain one', () => {
    expect(secretFigures.batch).toEqual(plainFigures.batch);
    expect(secretFigures.batch[1]).toBe(14_000);
    expect(secretFigures.results).toEqual(plainFigures.results);
    expect(secretFigures.reportSections).toBe(plainFigures.reportSections);
    expect(secretFigures.xlsxBytes).toBe(true);
  });

  it('holds none of the imported names in its bytes (the plain one holds them all)', () => {
    expect(readable(plain).length).toBe(names.length + 1);
    expect(readable(secret)).toEqual([]);
    expect(readFileSync(secret).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
  });

  it('refuses a wrong passphrase and a missing one with their codes, the file byte for byte as it was', async () => {
    const before = sha256(secret);
    expect((await failure('engagement.open', { path: secret, passphrase: 'wrong passphrase' })).code).toBe('WORKSPACE_PASSPHRASE_WRONG');
    const missing = await failure('engagement.open', { path: secret });
    expect(missing.code).toBe('WORKSPACE_PASSPHRASE_REQUIRED');
    expect(sha256(secret)).toBe(before);
    expect(siblings(secret).filter((f) => /-(wal|shm|journal)$/.test(f))).toEqual([]);
    // Nothing of the passphrase in what the engine says.
    expect(missing.message).not.toContain(PASS);
  });

  it('keeps its backups encrypted under the same passphrase', async () => {
    await call('engagement.open', { path: secret, passphrase: PASS });
    const copy = await call('engagement.backup', { destination: join(dir, 'secret-backup.rwb') });
    await call('engagement.close', {});
    expect(readable(copy.path)).toEqual([]);
    expect((await failure('engagement.open', { path: copy.path })).code).toBe('WORKSPACE_PASSPHRASE_REQUIRED');
    const info = await call('engagement.open', { path: copy.path, passphrase: PASS });
    expect(info.counts.orders).toBe(14_000);
    expect(info.encrypted).toBe(true);
    await call('engagement.close', {});
  });

  it('converts a plain workspace, and then opens it only with the new passphrase', async () => {
    await call('engagement.open', { path: plain });
    expect((await failure('engagement.encrypt', { passphrase: 'short' })).code).toBe('PASSPHRASE_TOO_SHORT');
    const info = await call('engagement.encrypt', { passphrase: 'now it is secret' });
    expect(info.encrypted).toBe(true);
    // A diagnostic run after the conversion: its job thread gets the new key.
    const diag = await call('diagnostics.run', { params: { asOf: '2026-09-30' } });
    expect(diag.id).toBeGreaterThan(0);
    await call('engagement.close', {});
    expect(readable(plain)).toEqual([]);
    expect((await failure('engagement.open', { path: plain })).code).toBe('WORKSPACE_PASSPHRASE_REQUIRED');
    expect((await call('engagement.open', { path: plain, passphrase: 'now it is secret' })).counts.orders).toBe(14_000);
    const audit = await call('audit.list', { limit: 50 });
    expect(audit.map((a) => a.action)).toContain('workspace.encrypt');
    expect(JSON.stringify(audit)).not.toContain('now it is secret');
    await call('engagement.close', {});
  });

  it('changes its passphrase only when the current one is given right', async () => {
    await call('engagement.open', { path: secret, passphrase: PASS });
    expect((await failure('engagement.changePassphrase', { current: 'not the one', next: 'a new passphrase' })).code).toBe('WORKSPACE_PASSPHRASE_WRONG');
    await call('engagement.changePassphrase', { current: PASS, next: 'a new passphrase' });
    await call('engagement.close', {});
    expect((await failure('engagement.open', { path: secret, passphrase: PASS })).code).toBe('WORKSPACE_PASSPHRASE_WRONG');
    const info = await call('engagement.open', { path: secret, passphrase: 'a new passphrase' });
    expect(info.counts.orders).toBe(14_000);
    expect(readable(secret)).toEqual([]);
    await call('engagement.close', {});
  });

  it('marks encrypted workspaces in the recent list', async () => {
    const recent = await call('engagement.recent', {});
    expect(recent.find((r) => r.path === secret)?.encrypted).toBe(true);
    expect(recent.find((r) => r.path.endsWith('secret-backup.rwb'))?.encrypted).toBe(true);
    expect(existsSync(join(dir, 'home', 'settings.json'))).toBe(true);
    expect(readFileSync(join(dir, 'home', 'settings.json'), 'utf8')).not.toContain('a new passphrase');
  });
});
