import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { fixture, importHarness } from './harness';

// No two imports at once into one workspace. The guard is taken before the run's first await, so two
// runs started together cannot both pass it (the second used to reach BEGIN inside the first's
// transaction and come back as an internal error); another connection's write lock is reported the same way.

const dir = tempDir('rwb-busy-');
let h: ReturnType<typeof importHarness>;
beforeEach(async () => {
  h = importHarness(dir);
  await h.newEngagement();
});
afterEach(async () => {
  await h.close();
});

const running = { code: 'VALIDATION_FAILED', importCode: 'import_running' };
const coded = (e: unknown) => {
  const wire = (e as { wire?: { code: string; params: Record<string, unknown> } }).wire;
  return { code: wire?.code, importCode: wire?.params.importCode };
};

describe('one import at a time', () => {
  it('two runs started together: the first imports, the second is refused with a code', async () => {
    const before = h.snapshot();
    const [first, second] = await Promise.allSettled([
      h.call('import.run', { path: fixture('orders-gbk-title.csv'), entity: 'orders' }),
      h.call('import.run', { path: fixture('customers-utf8-bom.csv'), entity: 'customers' }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('rejected');
    expect(coded((second as PromiseRejectedResult).reason)).toEqual(running);
    const after = h.snapshot();
    expect(after.import_batch).toBe(before.import_batch! + 1);
    expect(after.audit_log).toBe(before.audit_log! + 1);
  });

  it('the slot is given back after a run, whether it succeeded or failed', async () => {
    const failed = await h.fail('import.run', { path: fixture('legacy.xls'), entity: 'orders' });
    expect(failed.code).toBe('UNSUPPORTED_FILE');
    await h.call('import.run', { path: fixture('customers-utf8-bom.csv'), entity: 'customers' });
    const again = await h.call('import.run', { path: fixture('customers-utf8-bom.csv'), entity: 'customers' });
    expect(again.batch.rowsDuplicate).toBe(3);
  });

  it('another connection holding the write lock (an engine on another thread) gives the same code, not an internal error', async () => {
    const ws = h.backend.requireWorkspace();
    ws.sqlite.pragma('busy_timeout = 50');
    const other = new Database(ws.path);
    try {
      other.exec('begin immediate');
      const before = h.snapshot();
      const err = await h.fail('import.run', { path: fixture('customers-utf8-bom.csv'), entity: 'customers' });
      expect({ code: err.code, importCode: err.params.importCode }).toEqual(running);
      expect(h.snapshot()).toEqual(before);
      other.exec('rollback');
    } finally {
      other.close();
      ws.sqlite.pragma('busy_timeout = 5000');
    }
    const r = await h.call('import.run', { path: fixture('customers-utf8-bom.csv'), entity: 'customers' });
    expect(r.batch.rowsAccepted).toBe(3);
  });
});
