import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { backupWorkspace, createWorkspace, describeWorkspace, openWorkspace } from '../../../electron/backend/workspace/workspace';
import { openDatabase, APPLICATION_ID } from '../../../electron/backend/workspace/db';
import { migrateTo } from '../../../electron/backend/workspace/migrate';
import { latestMigration } from '../../../electron/backend/workspace/migrations';
import { WorkbenchError } from '../../../electron/backend/errors';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';

const dir = tempDir();

describe('workspace lifecycle', () => {
  it('creates, describes and reopens an engagement', async () => {
    const ws = await newWorkspace(dir, '苏州精工');
    const info = await describeWorkspace(ws);
    expect(info.meta.clientName).toBe('苏州精工');
    expect(info.schemaVersion).toBe(latestMigration);
    expect(info.counts.customers).toBe(0);
    await ws.close();
    const again = await openWorkspace(ws.path);
    expect((await describeWorkspace(again)).meta.consultant).toBe('王顾问');
    await again.close();
  });

  it('adds the .rwb extension and leaves no partial files behind', async () => {
    const ws = await createWorkspace(join(dir, 'sub', 'client-a'), {
      clientName: 'A',
      industry: null,
      currency: 'CNY',
      locale: 'en',
      consultant: null,
      startDate: null,
      endDate: null,
      notes: null,
    });
    expect(ws.path.endsWith('client-a.rwb')).toBe(true);
    await ws.close();
    expect(readdirSync(join(dir, 'sub')).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('refuses to overwrite an existing file', async () => {
    const ws = await newWorkspace(dir);
    await ws.close();
    const err = await createWorkspace(ws.path, {
      clientName: 'B',
      industry: null,
      currency: 'CNY',
      locale: 'zh-CN',
      consultant: null,
      startDate: null,
      endDate: null,
      notes: null,
    }).catch((e: unknown) => e);
    expect((err as WorkbenchError).code).toBe('FILE_EXISTS');
  });

  it('backs up online to a workspace that opens with the same data', async () => {
    const ws = await newWorkspace(dir, '备份客户');
    ws.sqlite.prepare(`insert into customers (row_key, customer_key, name) values ('C1', 'C1', '甲公司')`).run();
    const r = await backupWorkspace(ws, join(dir, 'backups', 'copy'));
    expect(r.path.endsWith('copy.rwb')).toBe(true);
    const copy = await openWorkspace(r.path);
    const info = await describeWorkspace(copy);
    expect(info.meta.clientName).toBe('备份客户');
    expect(info.counts.customers).toBe(1);
    await copy.close();
    await ws.close();
  });

  it('upgrades an older workspace after taking a snapshot beside it', async () => {
    const path = join(dir, 'old.rwb');
    const opened = openDatabase(path, { create: true });
    opened.sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    await migrateTo(opened.db as unknown as Kysely<unknown>, '0001_engagement');
    opened.sqlite.prepare(`insert into engagement (id, client_name, created_at, updated_at) values (1, '老客户', 'a', 'a')`).run();
    await opened.db.destroy();
    const ws = await openWorkspace(path);
    expect((await describeWorkspace(ws)).meta.clientName).toBe('老客户');
    await ws.close();
    expect(existsSync(`${path}.before-${latestMigration}.bak`)).toBe(true);
  });
});
