import type { JobProgress } from './events';

// The part of a long call (import, diagnostics run, report export) a caller follows, kept free of
// React and of any transport so it can be tested on its own: which job is running, its last
// progress, how it ended. The renderer's useJob hook wires it to the API and the job.progress event.

export interface JobState {
  /** the job being followed; null before the first run */
  jobId: string | null;
  running: boolean;
  /** the last progress reported for this job; null until the first event */
  progress: JobProgress | null;
  /** why the last run failed; null when it succeeded or the user cancelled it */
  error: unknown;
}

export const IDLE_JOB: JobState = { jobId: null, running: false, progress: null, error: null };

export type JobAction = { type: 'start'; jobId: string } | { type: 'progress'; progress: JobProgress } | { type: 'finish'; jobId: string; error: unknown };

export function jobReducer(state: JobState, action: JobAction): JobState {
  switch (action.type) {
    case 'start':
      return { jobId: action.jobId, running: true, progress: null, error: null };
    case 'progress':
      // Every job's progress arrives on one event; a late event of a finished or earlier job is dropped.
      return state.running && action.progress.jobId === state.jobId ? { ...state, progress: action.progress } : state;
    case 'finish':
      return action.jobId === state.jobId ? { ...state, running: false, progress: null, error: action.error } : state;
  }
}

export type JobOutcome<R> = { ok: true; value: R } | { ok: false; cancelled: boolean; error: unknown };

export interface JobDeps<A, R> {
  newJobId(): string;
  call(args: A & { jobId: string }): Promise<R>;
  onProgress(listener: (progress: JobProgress) => void): () => void;
  update(action: JobAction): void;
  /** whether a failure is the engine's answer to job.cancel (the CANCELLED code) */
  isCancelled(error: unknown): boolean;
}

/**
 * Run one job: give it a fresh id, follow its progress while it runs, stop listening when it ends.
 * A failure comes back as a value (cancelled or not), so the caller decides how to show it.
 */
export async function runJob<A extends { jobId?: string }, R>(deps: JobDeps<A, R>, args: A): Promise<JobOutcome<R>> {
  const jobId = deps.newJobId();
  deps.update({ type: 'start', jobId });
  const off = deps.onProgress((progress) => deps.update({ type: 'progress', progress }));
  try {
    const value = await deps.call({ ...args, jobId });
    off();
    deps.update({ type: 'finish', jobId, error: null });
    return { ok: true, value };
  } catch (error) {
    off();
    const cancelled = deps.isCancelled(error);
    deps.update({ type: 'finish', jobId, error: cancelled ? null : error });
    return { ok: false, cancelled, error };
  }
}

let sequence = 0;
/** Unique within the page: a timestamp alone repeats when two jobs start in the same millisecond. */
export function newJobId(channel: string): string {
  sequence += 1;
  return `${channel}-${Date.now().toString(36)}-${sequence}`;
}
