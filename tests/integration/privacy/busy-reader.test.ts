// A close-out while another connection is mid-read (a job thread, a second window's reader): the rows
// are cleared and audited, but the file cannot be rebuilt nor its WAL truncated, so old pages may
// remain; the call says so with a code instead of reporting success, and once the reader is gone the
// same call completes.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers } from '../../../electron/backend/handlers';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const b = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
const handlers = createHandlers(b);
afterAll(async () => b.shutdown());

describe('close-out beside a busy reader', () => {
  it('answers CLOSE_OUT_INCOMPLETE while the reader holds its snapshot, then completes', async () => {
    const path = join(dir, 'busy.rwb');
    const created = await dispatch(b, handlers, 'engagement.create', { path, meta: { clientName: '测试客户' } });
    expect(created.ok).toBe(true);
    b.workspace!.sqlite.prepare(
      "insert into customers (row_key, customer_key, name, phone) values ('K1', 'K1', '宁波甬辉精工机械有限公司', '13912345678')",
    ).run();

    const reader = new Database(path, { readonly: true });
    reader.exec('begin');
    reader.prepare('select count(*) from customers').get();
    const busy = await dispatch(b, handlers, 'engagement.closeOut', { mode: 'personalFields', confirm: true });
    expect(busy.ok ? null : busy.error.code).toBe('CLOSE_OUT_INCOMPLETE');
    reader.exec('commit');
    reader.close();

    const done = await dispatch(b, handlers, 'engagement.closeOut', { mode: 'personalFields', confirm: true });
    expect(done.ok).toBe(true);
    const name = b.workspace!.sqlite.prepare("select name from customers where customer_key = 'K1'").pluck().get();
    expect(name).toBe('客户-0001');
  });
});
