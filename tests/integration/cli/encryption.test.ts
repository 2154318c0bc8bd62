import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp';
import { rwb } from '../../helpers/cli';

// The CLI takes a passphrase from RWB_PASSPHRASE (here: no terminal) or a hidden prompt, never from
// an argument, and every command that opens a workspace asks for it only when the file is encrypted.

const dir = tempDir();
const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), LANG: 'en_US.UTF-8' };
const csv = join(dir, 'orders.csv');
writeFileSync(
  csv,
  ['订单编号,下单日期,客户编号,客户名称,数量,单价', 'XS1,2025-05-23,KH1,绝密客户甲,1,100', 'XS2,2025-06-23,KH2,绝密客户乙,2,100'].join('\n') + '\n',
);
const hasNames = (path: string) => ['绝密客户甲', '绝密客户乙'].some((n) => readFileSync(path).includes(Buffer.from(n)));

describe('rwb with encrypted workspaces', () => {
  it('refuses a passphrase given as an argument, saying why, without echoing it', () => {
    const r = rwb(['info', join(dir, 'x.rwb'), '--passphrase', 'hunter2-secret'], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('never taken as a command-line argument');
    expect(r.stderr).toContain('RWB_PASSPHRASE');
    expect(r.stderr).not.toContain('hunter2-secret');
    const zh = rwb(['info', join(dir, 'x.rwb'), '--passphrase=hunter2-secret', '--lang', 'zh-CN'], env);
    expect(zh.stderr).toContain('口令不能写在命令行参数里');
  });

  it('new --encrypt, import and info with RWB_PASSPHRASE; without it or with a wrong one, a clear refusal', () => {
    const path = join(dir, 'secret.rwb');
    const keyed = { ...env, RWB_PASSPHRASE: 'secret passphrase 1' };
    expect(rwb(['new', path, '--client', '保密客户', '--encrypt'], keyed).status).toBe(0);
    const imported = rwb(['import', path, csv, '--entity', 'orders'], keyed);
    expect(imported.status, imported.stderr).toBe(0);
    const info = rwb(['info', path, '--json'], keyed).json<{ encrypted: boolean; counts: { orders: number } }>();
    expect(info).toMatchObject({ encrypted: true, counts: { orders: 2 } });
    expect(hasNames(path)).toBe(false);

    const missing = rwb(['info', path], env);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('Set the RWB_PASSPHRASE environment variable');
    const wrong = rwb(['info', path], { ...env, RWB_PASSPHRASE: 'not the passphrase' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('Wrong passphrase');
    expect(wrong.stderr).not.toContain('not the passphrase');
  });

  it('encrypt converts a plain workspace; passphrase changes it; the old one no longer opens it', () => {
    const path = join(dir, 'plain.rwb');
    expect(rwb(['new', path, '--client', 'Plain Co'], env).status).toBe(0);
    expect(rwb(['import', path, csv, '--entity', 'orders'], env).status).toBe(0);
    expect(hasNames(path)).toBe(true);
    const short = rwb(['encrypt', path], { ...env, RWB_PASSPHRASE: 'short' });
    expect(short.stderr).toContain('at least 8 characters');
    expect(rwb(['encrypt', path], { ...env, RWB_PASSPHRASE: 'first passphrase' }).status).toBe(0);
    expect(hasNames(path)).toBe(false);

    const changed = rwb(['passphrase', path], { ...env, RWB_PASSPHRASE: 'first passphrase', RWB_NEW_PASSPHRASE: 'second passphrase' });
    expect(changed.status, changed.stderr).toBe(0);
    expect(rwb(['info', path], { ...env, RWB_PASSPHRASE: 'first passphrase' }).stderr).toContain('Wrong passphrase');
    const info = rwb(['info', path, '--json'], { ...env, RWB_PASSPHRASE: 'second passphrase' }).json<{ counts: { orders: number } }>();
    expect(info.counts.orders).toBe(2);
    expect(rwb(['encrypt', path], { ...env, RWB_PASSPHRASE: 'second passphrase' }).stderr).toContain('already encrypted');
  });
});
