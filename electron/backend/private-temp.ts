import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Everything a process of ours puts in the temporary folder (uploaded client files in browser mode,
// the PDF printer's Chromium profile, Playwright's artifacts folder, Chromium's own scratch files)
// goes under one folder named for the process. A process killed mid-job cannot clean up after
// itself, so the next one to start removes the folders of processes that are gone: a killed PDF
// export leaves no profile or artifacts behind for longer than the next start.

const PREFIX = 'rwb-tmp-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/** Remove the private temporary folders of processes that no longer run. Returns how many. */
export function sweepStaleTemp(base: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length));
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    rmSync(join(base, name), { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

/**
 * Give this process a private temporary folder (TMPDIR, so os.tmpdir(), worker threads and child
 * processes such as Chromium all use it), after sweeping those of dead processes; removed on exit.
 */
export function claimPrivateTemp(): string {
  const base = tmpdir();
  if (base.split(/[\\/]/).some((part) => part.startsWith(PREFIX))) return base; // a child of ours: already private
  sweepStaleTemp(base);
  const mine = join(base, `${PREFIX}${process.pid}`);
  mkdirSync(mine, { recursive: true, mode: 0o700 });
  process.env.TMPDIR = mine;
  process.on('exit', () => rmSync(mine, { recursive: true, force: true }));
  return mine;
}
