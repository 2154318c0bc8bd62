import { closeSync, existsSync, fsyncSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// Deleting the workspace for good: each file is overwritten with zeros (and synced) before it is
// unlinked, so its bytes are not left in the free blocks of an ordinary disk. On SSDs (wear levelling)
// and copy-on-write file systems (btrfs, APFS snapshots) the overwrite may land elsewhere: a best
// effort, as the confirmation says.

const CHUNK = 1 << 20;

/** The workspace and every file SQLite or the workbench keeps beside it. */
export function workspaceFiles(path: string): string[] {
  const dir = dirname(path);
  const base = basename(path);
  const fixed = ['', '-wal', '-shm', '-journal', '-lock'].map((s) => `${path}${s}`).filter((f) => existsSync(f));
  const beside = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => (n.startsWith(`${base}.before-`) && n.endsWith('.bak')) || n.startsWith(`.recovery-${base}-`))
        .map((n) => join(dir, n))
    : [];
  return [...fixed, ...beside];
}

function overwrite(file: string): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  try {
    const zeros = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
    for (let at = 0; at < size; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function wipe(entry: string, removed: string[]): void {
  const st = statSync(entry, { throwIfNoEntry: false });
  if (!st) return;
  if (st.isDirectory()) {
    for (const n of readdirSync(entry)) wipe(join(entry, n), removed);
    rmSync(entry, { recursive: true, force: true });
  } else {
    overwrite(entry);
    rmSync(entry, { force: true });
  }
  removed.push(entry);
}

/** Overwrite and delete the workspace's files; returns what was removed (folders after their files). */
export function wipeWorkspaceFiles(path: string): string[] {
  const removed: string[] = [];
  for (const f of workspaceFiles(path)) wipe(f, removed);
  return removed;
}
