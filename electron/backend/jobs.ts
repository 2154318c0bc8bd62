import type { JobProgress } from '../../shared/contract';
import { WorkbenchError } from './errors';

/** Running jobs by id, so job.cancel can abort them; the caller chooses the id. */
export class JobRegistry {
  private readonly running = new Map<string, AbortController>();

  start(jobId: string): AbortController {
    const controller = new AbortController();
    this.running.set(jobId, controller);
    return controller;
  }

  finish(jobId: string): void {
    this.running.delete(jobId);
  }

  cancel(jobId: string): boolean {
    const c = this.running.get(jobId);
    if (!c) return false;
    c.abort();
    return true;
  }
}

export function throwIfCancelled(signal: { readonly aborted: boolean }): void {
  if (signal.aborted) throw new WorkbenchError('CANCELLED');
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A job's boundary between phases or chunks: give the event loop a turn, then stop if cancelled.
 * The turn is what lets job.cancel arrive when the job runs on the caller's thread (CLI, tests); in a
 * job thread the flag is read synchronously and the turn costs ~0.01 ms. Yield first, check second:
 * a cancel that arrives during the turn is seen at this boundary, not the next.
 */
export async function checkpoint(signal: { readonly aborted: boolean } | undefined): Promise<void> {
  await nextTurn();
  if (signal) throwIfCancelled(signal);
}

/**
 * Progress events are throttled: a million-row import must not send a million events. A new phase is
 * always sent (a job has a handful), so the UI and tests see every phase a job goes through.
 */
export function throttledProgress(emit: (p: JobProgress) => void, jobId: string, everyMs = 100) {
  let last = 0;
  let lastPhase: string | null = null;
  return (phase: string, done: number, total: number | null) => {
    const now = Date.now();
    if (phase === lastPhase && now - last < everyMs && (total === null || done < total)) return;
    last = now;
    lastPhase = phase;
    emit({ jobId, phase, done, total });
  };
}
