// The demo engagement behind the close-out tests: created once per file, a diagnostic and a health
// run stored, driven through dispatch as the UI and the CLI call it.
import { join } from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers, type Handlers } from '../../../electron/backend/handlers';
import { createDemoWorkspace } from '../../../electron/backend/demo/create-demo';
import type { ArgsOf, ChannelName, Envelope, ResultOf } from '../../../shared/contract';

export interface DemoSession {
  b: Backend;
  path: string;
  call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>>;
  envelope<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<Envelope<unknown>>;
}

export async function openDemo(dir: string, name = 'demo.rwb'): Promise<DemoSession> {
  const b = new Backend({ host: 'cli', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs') });
  const handlers: Handlers = createHandlers(b);
  const path = join(dir, name);
  const ws = await createDemoWorkspace(path, 'zh-CN');
  await ws.close();
  await b.open(path);
  const envelope = <K extends ChannelName>(n: K, args: ArgsOf<K>) => dispatch(b, handlers, n, args);
  const call = async <K extends ChannelName>(n: K, args: ArgsOf<K>): Promise<ResultOf<K>> => {
    const env = await envelope(n, args);
    if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
    return env.value as ResultOf<K>;
  };
  await call('diagnostics.run', {});
  await call('health.run', {});
  return { b, path, call, envelope };
}

/** Every number of a value, with where it sits: the figures a close-out must leave as they were. */
export function figures(value: unknown, at = '', out: string[] = []): string[] {
  if (typeof value === 'number') out.push(`${at}=${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => figures(v, `${at}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) figures(v, `${at}.${k}`, out);
  return out;
}
