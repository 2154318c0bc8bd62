import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepStaleTemp } from '../../../electron/backend/private-temp';

/** A process id that is certainly not running: one that just exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('private temporary folders', () => {
  it('sweeps the folders of processes that are gone, and only those', () => {
    const base = mkdtempSync(join(tmpdir(), 'sweep-'));
    const dead = join(base, `rwb-tmp-${deadPid()}`);
    const live = join(base, `rwb-tmp-${process.ppid}`);
    const mine = join(base, `rwb-tmp-${process.pid}`);
    const other = join(base, 'rwb-tmp-notapid');
    const foreign = join(base, 'someone-else');
    for (const d of [dead, live, mine, other, foreign]) mkdirSync(join(d, 'chromium-profile'), { recursive: true });
    writeFileSync(join(dead, 'chromium-profile', 'Cookies'), 'x');
    expect(sweepStaleTemp(base)).toBe(1);
    expect(existsSync(dead)).toBe(false);
    for (const d of [live, mine, other, foreign]) expect(existsSync(d)).toBe(true);
  });
});
