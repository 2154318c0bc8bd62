import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { EngineClient } from '../../../electron/backend/engine/client';
import { childProcessLink } from '../../../electron/backend/engine/links';
import type { EventName } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp';

// A crashed engine's successor reopens the workspace the UI had open; an encrypted one needs the
// passphrase it was opened with, which only the host's side of the relay still has.
const dir = tempDir();
const engine = new EngineClient({
  init: { host: 'web', version: 'test', settingsDir: join(dir, 'home'), documentsDir: join(dir, 'docs'), pdf: 'chromium' },
  link: childProcessLink,
});
afterAll(() => engine.close());

describe('an encrypted workspace after an engine crash', () => {
  it('is reopened by the new engine with the passphrase it was opened with, and checked', async () => {
    const path = join(dir, 'secret.rwb');
    const statuses: unknown[] = [];
    engine.subscribe((name: EventName, payload) => {
      if (name === 'engine.status') statuses.push(payload);
    });
    const created = await engine.call('engagement.create', { path, meta: { clientName: '保密客户' }, passphrase: 'survives a crash' });
    expect(created.ok).toBe(true);
    await engine.call('engagement.close', {});
    expect((await engine.call('engagement.open', { path, passphrase: 'survives a crash' })).ok).toBe(true);

    const pid = engine.pid!;
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => statuses.find((s) => (s as { state: string }).state === 'restarted'), { timeout: 60_000 }).toBeTruthy();
    expect(statuses.find((s) => (s as { state: string }).state === 'restarted')).toMatchObject({ workspaceReopened: true, integrityOk: true });
    const current = await engine.call('engagement.current', {});
    expect(current.ok && (current.value as { path: string; encrypted: boolean } | null)).toMatchObject({ path, encrypted: true });
  }, 120_000);
});
