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

beforeAll(async () => {
  const ws = await newWorkspace(dir);
  path = ws.path;
  backend = new Backend({ host: 'web', version: 'test', settingsDir: join(dir, 'settings'), documentsDir: join(dir, 'docs') });
  await backend.adopt(ws);
  handlers = createHandlers(backend);
});
afterAll(async () => backend?.shutdown());

function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<Envelope<ResultOf<K>>> {
  return dispatch(backend, handlers, name, args) as Promise<Envelope<ResultOf<K>>>;
}

describe('number display per engagement', () => {
  it('defaults to full figures in the engagement currency; keeps 万/亿 and any ISO 4217 code', async () => {
    expect(await call('display.get', {})).toEqual({ ok: true, value: { numberScale: 'full', currency: 'CNY' } });
    const saved = await call('display.save', { numberScale: 'wan', currency: 'sgd' });
    expect(saved.ok).toBe(true);
    if (saved.ok) {
      expect(saved.value.settings).toEqual({ numberScale: 'wan', currency: 'SGD' });
      expect(saved.value.workspace.meta.currency).toBe('SGD');
    }
  });

  it('refuses a code that is not ISO 4217, in both languages, and leaves the currency as it was', async () => {
    const bad = await call('display.save', { currency: 'ABC' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('CURRENCY_CODE_INVALID');
      expect(bad.error.params.code).toBe('ABC');
    }
    const update = await call('engagement.update', { meta: { currency: 'RMB' } });
    expect(update.ok).toBe(false);
    if (!update.ok) expect(update.error.code).toBe('INVALID_ARGUMENTS');
    const now = await call('display.get', {});
    expect(now.ok && now.value.currency).toBe('SGD');
  });

  it('rwb display prints and changes the setting', async () => {
    await backend.shutdown();
    const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs') };
    const shown = rwb(['display', path, '--lang', 'zh-CN'], env);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('SGD');
    expect(shown.stdout).toContain('万');
    const changed = rwb(['display', path, '--scale', 'full', '--currency', 'EUR', '--json'], env);
    expect(changed.status, changed.stderr).toBe(0);
    expect(changed.json()).toEqual({ numberScale: 'full', currency: 'EUR' });
    const bad = rwb(['display', path, '--currency', 'XYZ'], env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('ISO 4217');
  }, 120_000);
});
