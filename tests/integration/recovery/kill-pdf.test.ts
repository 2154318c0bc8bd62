// A PDF export killed mid-way: Chromium goes with it (its pipe to the dead process closes), and the
// profile and artifacts it left in the killed process's private temporary folder are removed by the
// next process that starts.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { CHROMIUM } from '../../helpers/browser';

const root = join(import.meta.dirname, '../../..');

function chromiumUsing(folder: string): number {
  const r = spawnSync('pgrep', ['-f', folder], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean).length;
}

describe.runIf(existsSync(CHROMIUM))('a PDF export killed mid-way', () => {
  it('leaves no Chromium process behind, and its profile is gone after the next start', async () => {
    const dir = tempDir();
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), TMPDIR: tmp };
    const ws = join(dir, 'demo.rwb');
    expect(rwb(['demo', ws], env).status).toBe(0);
    expect(rwb(['diagnose', ws], env).status).toBe(0);
    const child = spawn(process.execPath, [join(root, 'bin/rwb.mjs'), 'report', ws, '--pdf', join(dir, 'r.pdf')], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    const own = join(tmp, `rwb-tmp-${child.pid}`);
    const t0 = Date.now();
    while (chromiumUsing(own) === 0) {
      if (child.exitCode !== null) throw new Error(`the export ended before Chromium started (exit ${child.exitCode})`);
      if (Date.now() - t0 > 90_000) throw new Error('Chromium did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(own)).toBe(true);
    const t1 = Date.now();
    while (chromiumUsing(own) > 0 && Date.now() - t1 < 10_000) await new Promise((r) => setTimeout(r, 100));
    expect(chromiumUsing(own)).toBe(0);
    // The next command sweeps the dead process's folder (profile, Playwright's artifacts and all).
    expect(rwb(['info', ws], env).status).toBe(0);
    expect(existsSync(own)).toBe(false);
    expect(readdirSync(tmp).filter((n) => n.startsWith('rwb-tmp-'))).toEqual([]);
  }, 240_000);
});
