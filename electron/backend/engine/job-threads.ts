// The engine's side of job threads: which channels run in one, starting it, relaying its progress,
// cancelling it, and turning a thread that dies into a coded error instead of a lost call.
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ChannelName, Envelope } from '../../../shared/contract';
import type { Backend } from '../backend';
import { WorkbenchError } from '../errors';
import { scriptEntry, JOB_SCRIPT } from './entries';
import type { EngineInit, FromJob, JobThreadData, ToJob } from './protocol';
import type { Workspace } from '../workspace/workspace';

/**
 * Jobs that compute for seconds without awaiting anything (on 500,000 customers and 10,000,000
 * order lines a diagnostic run takes 25-31 s). An import stays on the engine's thread: it awaits
 * between chunks, parses in its own worker already, and its bulk load switches the journal mode,
 * which needs the only connection to the file.
 */
export const THREADED_JOBS: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'diagnostics.run',
  'health.run',
  'churn.fit',
  'churn.backtest',
  'clv.fit',
  'voc.analyse',
  'churn.review',
  // Read every order and compute a dozen periods: 14 s and more on 50,000 customers / 1,000,000 orders.
  'impact.indicators',
  'impact.fee',
]);

export class JobThreads {
  private readonly running = new Map<string, Promise<Envelope<unknown>>>();

  constructor(
    private readonly backend: Backend,
    private readonly init: EngineInit,
  ) {}

  get count(): number {
    return this.running.size;
  }

  run(name: ChannelName, rawArgs: unknown, ws: Pick<Workspace, 'path' | 'passphrase'>): Promise<Envelope<unknown>> {
    const args = { ...(rawArgs as Record<string, unknown> | null) };
    const jobId = typeof args.jobId === 'string' && args.jobId ? args.jobId : randomUUID();
    args.jobId = jobId;
    const p = this.start(name, args, jobId, ws).finally(() => this.running.delete(jobId));
    this.running.set(jobId, p);
    return p;
  }

  /** Cancel every running job and wait until each has stopped (before the workspace closes or changes). */
  async cancelAll(): Promise<void> {
    for (const jobId of this.running.keys()) this.backend.jobs.cancel(jobId);
    await Promise.allSettled([...this.running.values()]);
  }

  private start(name: ChannelName, args: Record<string, unknown>, jobId: string, ws: Pick<Workspace, 'path' | 'passphrase'>): Promise<Envelope<unknown>> {
    const entry = scriptEntry(JOB_SCRIPT);
    const cancelFlag = new SharedArrayBuffer(4);
    const data: JobThreadData = { init: this.init, workspacePath: ws.path, passphrase: ws.passphrase?.export() ?? null, name, args, jobId, cancelFlag };
    const controller = this.backend.jobs.start(jobId);
    return new Promise<Envelope<unknown>>((resolve) => {
      const worker = new Worker(entry.file, { workerData: data, execArgv: entry.execArgv });
      let settled = false;
      const settle = (env: Envelope<unknown>) => {
        if (settled) return;
        settled = true;
        this.backend.jobs.finish(jobId);
        resolve(env);
      };
      const onAbort = () => {
        Atomics.store(new Int32Array(cancelFlag), 0, 1);
        worker.postMessage({ kind: 'cancel' } satisfies ToJob);
      };
      controller.signal.addEventListener('abort', onAbort, { once: true });
      worker.on('message', (m: FromJob) => {
        if (m.kind === 'event') this.backend.events.emit(m.name, m.payload as never);
        else settle(m.envelope);
      });
      worker.on('error', (err) => {
        console.error(`[rwb engine] job ${name} failed:`, err);
        settle({ ok: false, error: new WorkbenchError('JOB_STOPPED', { reason: err.message }).toWire() });
      });
      worker.on('exit', (code) => {
        controller.signal.removeEventListener('abort', onAbort);
        settle({ ok: false, error: new WorkbenchError('JOB_STOPPED', { reason: `exit ${code}` }).toWire() });
      });
    });
  }
}
