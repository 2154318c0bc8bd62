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

/** Progress events are throttled: a million-row import must not send a million events. */
export function throttledProgress(emit: (p: JobProgress) => void, jobId: string, everyMs = 100) {
  let last = 0;
  return (phase: string, done: number, total: number | null) => {
    const now = Date.now();
    if (now - last < everyMs && (total === null || done < total)) return;
    last = now;
    emit({ jobId, phase, done, total });
  };
}
