import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
}

/** Run `rwb` as a user would (a child process), isolated from the user's settings. */
export function rwb(args: string[], env: Record<string, string>): CliRun {
  const r = spawnSync(process.execPath, [join(root, 'bin/rwb.mjs'), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return {
    status: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    json<T>() {
      return JSON.parse(r.stdout) as T;
    },
  };
}
