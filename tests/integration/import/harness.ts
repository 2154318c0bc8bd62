import { join, resolve } from 'node:path';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import type { WireError } from '../../../shared/errors';
import { Backend } from '../../../electron/backend/backend';
import { createHandlers } from '../../../electron/backend/handlers';
import { dispatch } from '../../../electron/backend/dispatch';

export const FIXTURES = resolve('tests/fixtures/import');
export const fixture = (name: string): string => join(FIXTURES, name);

let n = 0;

/** A backend as the UI sees it: every call goes through dispatch and the contract's argument schemas. */
export function importHarness(dir: string) {
  const backend = new Backend({ host: 'web', version: 'test', settingsDir: join(dir, 'settings'), documentsDir: join(dir, 'docs') });
  const handlers = createHandlers(backend);
  async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
    const env = await dispatch(backend, handlers, name, args);
    if (!env.ok) throw Object.assign(new Error(`${env.error.code}: ${env.error.message}`), { wire: env.error });
    return env.value as ResultOf<K>;
  }
  async function fail<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<WireError> {
    const env = await dispatch(backend, handlers, name, args);
    if (env.ok) throw new Error(`${name} was expected to fail`);
    return env.error;
  }
  async function newEngagement(currency = 'CNY') {
    n += 1;
    return call('engagement.create', { path: join(dir, `engagement-${n}.rwb`), meta: { clientName: '华东精密', currency } });
  }
  /** Rows per canonical table, batches, rejects, audit entries: the workspace's state for before/after comparisons. */
  function snapshot(): Record<string, number> {
    const ws = backend.requireWorkspace();
    const out: Record<string, number> = {};
    for (const t of [
      'customers',
      'orders',
      'contracts',
      'interactions',
      'tickets',
      'surveys',
      'usage',
      'projects',
      'import_batch',
      'import_reject',
      'audit_log',
      'import_mapping',
    ]) {
      out[t] = (ws.sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
    }
    out.indexes = (ws.sqlite.prepare(`select count(*) as n from sqlite_master where type = 'index'`).get() as { n: number }).n;
    return out;
  }
  return { backend, call, fail, newEngagement, snapshot, close: () => backend.shutdown() };
}
