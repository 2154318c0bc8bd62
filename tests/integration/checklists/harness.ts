import { join } from 'node:path';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import type { WireError } from '../../../shared/errors';
import { Backend } from '../../../electron/backend/backend';
import { createHandlers } from '../../../electron/backend/handlers';
import { dispatch } from '../../../electron/backend/dispatch';

/** A backend as the UI sees it: every call goes through dispatch and the contract's argument schemas. */
export function harness(dir: string) {
  const backend = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'settings'), documentsDir: join(dir, 'docs') });
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
  let n = 0;
  async function newEngagement() {
    n += 1;
    return call('engagement.create', { path: join(dir, `engagement-${n}.rwb`), meta: { clientName: '华东精密' } });
  }
  return { backend, call, fail, newEngagement, close: () => backend.shutdown() };
}
