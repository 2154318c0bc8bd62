import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers } from '../../../electron/backend/handlers';
import type { ArgsOf, ChannelName, Envelope, ResultOf } from '../../../shared/contract';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';

const dir = tempDir();
let backend: Backend;
let handlers: ReturnType<typeof createHandlers>;
let path: string;

function raw<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<Envelope<ResultOf<K>>> {
  return dispatch(backend, handlers, name, args) as Promise<Envelope<ResultOf<K>>>;
}
async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const env = await raw(name, args);
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value;
}

beforeAll(async () => {
  const ws = await newWorkspace(dir);
  path = ws.path;
  backend = new Backend({ host: 'web', version: 'test', settingsDir: join(dir, 'settings'), documentsDir: join(dir, 'docs') });
  await backend.adopt(ws);
  handlers = createHandlers(backend);
});
afterAll(async () => backend?.shutdown());

describe('saved views', () => {
  it('saves a section state under a name, lists it, reads it back as saved', async () => {
    const state = { runId: 3, drill: { kind: 'tier', tier: 'core' }, table: { sort: { column: 'name', descending: false }, search: '华东', hidden: ['mrr'] } };
    const v = await call('views.save', { section: 'diagnostics', name: '华东 · 核心客户', state });
    expect(v).toMatchObject({ section: 'diagnostics', name: '华东 · 核心客户', state });
    expect((await call('views.list', {})).map((x) => x.name)).toEqual(['华东 · 核心客户']);
    expect(await call('views.get', { id: v.id })).toEqual(v);
    expect(await call('views.list', { section: 'health' })).toEqual([]);
  });

  it('refuses a name the section has unless asked to replace, renames, deletes', async () => {
    const [v] = await call('views.list', { section: 'diagnostics' });
    const taken = await raw('views.save', { section: 'diagnostics', name: v!.name, state: {} });
    expect(taken.ok).toBe(false);
    if (!taken.ok) expect(taken.error.code).toBe('SAVED_VIEW_NAME_TAKEN');
    const replaced = await call('views.save', { section: 'diagnostics', name: v!.name, state: { runId: 4 }, replace: true });
    expect(replaced.id).toBe(v!.id);
    expect(replaced.state).toEqual({ runId: 4 });
    await call('views.save', { section: 'diagnostics', name: '全部客户', state: {} });
    const clash = await raw('views.rename', { id: v!.id, name: '全部客户' });
    expect(clash.ok).toBe(false);
    const renamed = await call('views.rename', { id: v!.id, name: '华东 · 核心（新）' });
    expect(renamed.name).toBe('华东 · 核心（新）');
    expect(await call('views.delete', { id: v!.id })).toEqual({ deleted: true });
    const gone = await raw('views.get', { id: v!.id });
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.error.code).toBe('SAVED_VIEW_NOT_FOUND');
  });

  it('refuses a section that cannot reopen a view', async () => {
    const env = await raw('views.save', { section: 'nowhere' as 'diagnostics', name: 'x', state: {} });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.code).toBe('INVALID_ARGUMENTS');
  });

  it('works from the CLI: save, list, rename, delete', async () => {
    await backend.shutdown();
    const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs') };
    const saved = rwb(
      [
        'views',
        'save',
        path,
        '--section',
        'diagnostics',
        '--name',
        '按收入',
        '--state',
        '{"table":{"sort":{"column":"revenue12m","descending":true}}}',
        '--json',
      ],
      env,
    );
    expect(saved.status, saved.stderr).toBe(0);
    const id = saved.json<{ id: number }>().id;
    const list = rwb(['views', 'list', path], env);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain('按收入');
    expect(rwb(['views', 'rename', path, String(id), '--name', '按收入降序'], env).status).toBe(0);
    expect(
      rwb(['views', 'list', path, '--json'], env)
        .json<{ name: string }[]>()
        .map((v) => v.name),
    ).toContain('按收入降序');
    expect(rwb(['views', 'delete', path, String(id)], env).status).toBe(0);
    expect(
      rwb(['views', 'list', path, '--json'], env)
        .json<{ name: string }[]>()
        .map((v) => v.name),
    ).not.toContain('按收入降序');
  }, 120_000);
});
