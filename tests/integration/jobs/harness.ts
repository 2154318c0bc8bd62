import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ArgsOf, ChannelName, Envelope, JobProgress, ResultOf } from '../../../shared/contract';
import type { WireError } from '../../../shared/errors';
import { Backend } from '../../../electron/backend/backend';
import { dispatch } from '../../../electron/backend/dispatch';
import { createHandlers } from '../../../electron/backend/handlers';

/** Rows and a content hash per table, and the schema (so a dropped index shows too). */
export type WorkspaceDigest = Record<string, { rows: number; sha256: string }>;

const sha256 = (rows: unknown[][]): string =>
  createHash('sha256')
    .update(JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : Buffer.isBuffer(v) ? v.toString('base64') : v)))
    .digest('hex');

/** Every table's rows in rowid order, hashed: equal digests mean the workspace holds the same data. */
export function digest(sqlite: Database.Database): WorkspaceDigest {
  const schema = sqlite.prepare(`select type, name, tbl_name, sql from sqlite_master order by type, name`).raw(true).all() as unknown[][];
  const out: WorkspaceDigest = { sqlite_master: { rows: schema.length, sha256: sha256(schema) } };
  for (const [name, sql] of sqlite.prepare(`select name, sql from sqlite_master where type = 'table' order by name`).raw(true).all() as [string, string][]) {
    const order = /without\s+rowid/i.test(sql) ? '1' : 'rowid';
    const rows = sqlite
      .prepare(`select * from "${name.replace(/"/g, '""')}" order by ${order}`)
      .raw(true)
      .all() as unknown[][];
    out[name] = { rows: rows.length, sha256: sha256(rows) };
  }
  return out;
}

/** A backend as the UI sees it, every call through dispatch, on a new demo engagement. */
export async function jobsHarness(dir: string) {
  const backend = new Backend({ host: 'web', version: 'test', settingsDir: join(dir, 'settings'), documentsDir: join(dir, 'docs') });
  const handlers = createHandlers(backend);
  const send = (name: ChannelName, args: unknown): Promise<Envelope<unknown>> => dispatch(backend, handlers, name, args);
  async function call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
    const env = await send(name, args);
    if (!env.ok) throw new Error(`${name}: ${env.error.code}: ${env.error.message}`);
    return env.value as ResultOf<K>;
  }

  /**
   * Runs a job and cancels it when it reports `phase` (and `when` holds), the way the UI does: job.cancel
   * goes out on a later turn of the event loop, so it only lands if the job yields at its checkpoints.
   */
  async function runCancelled<K extends ChannelName>(
    name: K,
    args: ArgsOf<K> & { jobId: string },
    phase: string,
    when: (p: JobProgress) => boolean = () => true,
  ): Promise<{ error: WireError; phases: string[]; cancelled: boolean | null }> {
    const phases: string[] = [];
    let cancel: Promise<Envelope<unknown>> | null = null;
    const off = backend.events.subscribe((event, payload) => {
      const p = payload as JobProgress;
      if (event !== 'job.progress' || p.jobId !== args.jobId) return;
      if (phases.at(-1) !== p.phase) phases.push(p.phase);
      if (cancel === null && p.phase === phase && when(p)) {
        cancel = new Promise((resolve) => setImmediate(() => resolve(send('job.cancel', { jobId: args.jobId }))));
      }
    });
    try {
      const env = await send(name, args);
      if (env.ok) throw new Error(`${name} completed although cancelled at ${phase} (phases: ${phases.join(', ')})`);
      const answer = cancel === null ? null : await (cancel as Promise<Envelope<unknown>>);
      return { error: env.error, phases, cancelled: answer && answer.ok ? (answer.value as { cancelled: boolean }).cancelled : null };
    } finally {
      off();
    }
  }

  /** Runs a job to the end, with the phases it reported in order (each phase once). */
  async function runWithPhases<K extends ChannelName>(name: K, args: ArgsOf<K> & { jobId: string }): Promise<{ value: ResultOf<K>; phases: string[] }> {
    const phases: string[] = [];
    const off = backend.events.subscribe((event, payload) => {
      const p = payload as JobProgress;
      if (event === 'job.progress' && p.jobId === args.jobId && phases.at(-1) !== p.phase) phases.push(p.phase);
    });
    try {
      return { value: await call(name, args), phases };
    } finally {
      off();
    }
  }

  await call('engagement.createDemo', { path: join(dir, 'demo.rwb') });
  const sqlite = () => backend.requireWorkspace().sqlite;
  return {
    backend,
    call,
    runCancelled,
    runWithPhases,
    digest: () => digest(sqlite()),
    count: (table: string) => sqlite().prepare(`select count(*) from ${table}`).pluck().get() as number,
    inTransaction: () => sqlite().inTransaction,
    close: () => backend.shutdown(),
  };
}
