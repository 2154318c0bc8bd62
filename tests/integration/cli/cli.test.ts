import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkspaceInfo } from '../../../shared/domain/engagement';
import { tempDir } from '../../helpers/temp';
import { rwb } from '../../helpers/cli';

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), LANG: 'en_US.UTF-8' };

describe('rwb CLI', () => {
  it('prints help listing the commands', () => {
    const r = rwb(['--help'], env);
    expect(r.status).toBe(0);
    for (const cmd of ['new', 'info', 'demo', 'backup', 'serve']) expect(r.stdout).toContain(cmd);
  });

  it('creates an engagement and reports it as JSON', () => {
    const file = join(dir, 'client.rwb');
    const r = rwb(['new', file, '--client', '华东精密', '--industry', '制造业', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const info = r.json<WorkspaceInfo>();
    expect(info.meta.clientName).toBe('华东精密');
    const again = rwb(['info', file, '--json'], env).json<WorkspaceInfo>();
    expect(again.meta.industry).toBe('制造业');
    expect(again.counts.orders).toBe(0);
  });

  it('creates the demo engagement with data in every main table', () => {
    const file = join(dir, 'demo.rwb');
    const r = rwb(['demo', file, '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const info = rwb(['info', file, '--json'], env).json<WorkspaceInfo>();
    for (const k of ['customers', 'orders', 'contracts', 'interactions', 'tickets', 'surveys'] as const) {
      expect(info.counts[k], k).toBeGreaterThan(0);
    }
  });

  it('backs up a workspace', () => {
    const file = join(dir, 'client.rwb');
    const r = rwb(['backup', file, join(dir, 'client-copy.rwb'), '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'client-copy.rwb'))).toBe(true);
  });

  it('fails with a one-line reason and a non-zero exit code, leaving a bad file untouched', () => {
    const bad = join(dir, 'notes.rwb');
    writeFileSync(bad, 'just some text, not a database');
    const before = createHash('sha256').update(readFileSync(bad)).digest('hex');
    const r = rwb(['info', bad], env);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('not a Retention Workbench engagement file');
    expect(createHash('sha256').update(readFileSync(bad)).digest('hex')).toBe(before);
  });

  it('speaks Chinese when asked', () => {
    const r = rwb(['info', join(dir, 'missing.rwb'), '--lang', 'zh-CN'], env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('找不到文件');
  });

  it('refuses to overwrite with new, exit code non-zero, machine-readable with --json', () => {
    const r = rwb(['new', join(dir, 'client.rwb'), '--client', 'X', '--json'], env);
    expect(r.status).not.toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'FILE_EXISTS' } });
  });
});
