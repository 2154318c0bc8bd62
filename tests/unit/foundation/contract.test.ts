import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNEL_NAMES, contract } from '../../../shared/contract';
import { SHELL_CHANNEL_NAMES } from '../../../shared/contract/shell';
import { Backend } from '../../../electron/backend/backend';
import { createHandlers } from '../../../electron/backend/handlers';
import { dispatch } from '../../../electron/backend/dispatch';

const backend = new Backend({ host: 'cli', version: 'test', settingsDir: join(tmpdir(), `rwb-contract-${process.pid}`) });
const handlers = createHandlers(backend);

describe('the contract', () => {
  it('has a handler for every channel and a channel for every handler', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('names channels domain.verb, and shell channels do not collide with backend ones', () => {
    for (const name of CHANNEL_NAMES) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    for (const name of SHELL_CHANNEL_NAMES) expect(CHANNEL_NAMES as readonly string[]).not.toContain(name);
  });

  it('gives every job channel an optional jobId so the UI can cancel it', () => {
    for (const name of CHANNEL_NAMES) {
      const spec = contract[name];
      if (spec.job) expect(spec.args.safeParse({ jobId: 'x' }).success || 'jobId' in (spec.args as unknown as { shape: object }).shape).toBe(true);
    }
  });
});

describe('dispatch', () => {
  it('returns an envelope with a code for an unknown channel', async () => {
    const env = await dispatch(backend, handlers, 'nope.nothing', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('validates arguments against the schema', async () => {
    const env = await dispatch(backend, handlers, 'engagement.create', { path: '', meta: {} });
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('INVALID_ARGUMENTS');
      expect(env.error.params.detail).toContain('path');
    }
  });

  it('turns a thrown domain error into a coded envelope, not a lost exception', async () => {
    const env = await dispatch(backend, handlers, 'audit.list', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE_OPEN' } });
  });

  it('answers a valid call', async () => {
    const env = await dispatch(backend, handlers, 'app.info', {});
    expect(env).toMatchObject({ ok: true, value: { host: 'cli', version: 'test' } });
  });
});
