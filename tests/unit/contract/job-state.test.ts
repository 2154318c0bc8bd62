import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../shared/contract';
import type { WireError } from '../../../shared/errors';
import { EventListeners } from '../../../shared/contract/event-listeners';
import { IDLE_JOB, jobReducer, newJobId, runJob, type JobAction, type JobDeps, type JobState } from '../../../shared/contract/job-state';

/** Stands in for the renderer's ApiError: a failed call with the code the engine sent. */
class ApiError extends Error {
  constructor(readonly wire: WireError) {
    super(wire.message);
  }
}

/** A job call the test finishes by hand, with the events hub the transports use. */
function harness() {
  const events = new EventListeners();
  let state: JobState = IDLE_JOB;
  const calls: { jobId: string; path: string }[] = [];
  let settle: { resolve(v: string): void; reject(e: unknown): void } | null = null;
  let n = 0;
  const deps: JobDeps<{ path: string; jobId?: string }, string> = {
    newJobId: () => `job-${++n}`,
    call: (args) => {
      calls.push(args);
      return new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
    },
    onProgress: (listener) => events.add('job.progress', listener),
    update: (action: JobAction) => {
      state = jobReducer(state, action);
    },
    isCancelled: (error) => error instanceof ApiError && error.wire.code === 'CANCELLED',
  };
  return { events, deps, calls, state: () => state, settle: () => settle! };
}

const progress = (jobId: string, done: number): JobProgress => ({ jobId, phase: 'import.phase.reading', done, total: 10 });

describe('runJob and the job state', () => {
  it('gives the call a fresh jobId and follows only that job’s progress', async () => {
    const h = harness();
    const done = runJob(h.deps, { path: '/tmp/orders.csv' });
    expect(h.calls).toEqual([{ path: '/tmp/orders.csv', jobId: 'job-1' }]);
    expect(h.state()).toMatchObject({ jobId: 'job-1', running: true, progress: null });

    h.events.emit('job.progress', progress('job-1', 3));
    h.events.emit('job.progress', progress('someone-else', 9));
    expect(h.state().progress).toEqual(progress('job-1', 3));

    h.settle().resolve('batch 7');
    await expect(done).resolves.toEqual({ ok: true, value: 'batch 7' });
    expect(h.state()).toEqual({ jobId: 'job-1', running: false, progress: null, error: null });
  });

  it('stops listening when the job ends, so a late event changes nothing', async () => {
    const h = harness();
    const done = runJob(h.deps, { path: 'a.csv' });
    expect(h.events.count('job.progress')).toBe(1);
    h.settle().resolve('ok');
    await done;
    expect(h.events.count('job.progress')).toBe(0);
    const before = h.state();
    h.events.emit('job.progress', progress('job-1', 10));
    expect(h.state()).toBe(before);
  });

  it('reports a cancel as cancelled, without an error to show', async () => {
    const h = harness();
    const done = runJob(h.deps, { path: 'a.csv' });
    const cancelled = new ApiError({ code: 'CANCELLED', message: 'Cancelled', params: {} });
    h.settle().reject(cancelled);
    await expect(done).resolves.toEqual({ ok: false, cancelled: true, error: cancelled });
    expect(h.state()).toMatchObject({ running: false, error: null });
    expect(h.events.count('job.progress')).toBe(0);
  });

  it('keeps a failure as the state’s error and returns it', async () => {
    const h = harness();
    const done = runJob(h.deps, { path: 'a.csv' });
    const failure = new ApiError({ code: 'FILE_NOT_FOUND', message: 'File not found', params: { path: 'a.csv' } });
    h.settle().reject(failure);
    await expect(done).resolves.toEqual({ ok: false, cancelled: false, error: failure });
    expect(h.state()).toMatchObject({ running: false, error: failure });
  });

  it('does not let an earlier job’s end stop a later one', () => {
    let s = jobReducer(IDLE_JOB, { type: 'start', jobId: 'a' });
    s = jobReducer(s, { type: 'start', jobId: 'b' });
    s = jobReducer(s, { type: 'finish', jobId: 'a', error: null });
    expect(s).toMatchObject({ jobId: 'b', running: true });
    s = jobReducer(s, { type: 'progress', progress: progress('a', 5) });
    expect(s.progress).toBeNull();
  });

  it('makes job ids that do not repeat within a millisecond', () => {
    const ids = Array.from({ length: 100 }, () => newJobId('import.run'));
    expect(new Set(ids).size).toBe(100);
    expect(ids[0]).toMatch(/^import\.run-/);
  });
});

describe('EventListeners', () => {
  it('hands each listener only its event, and lets a listener unsubscribe while being called', () => {
    const events = new EventListeners();
    const seen: string[] = [];
    const off = events.add('engine.status', (s) => {
      seen.push(`${s.state}:${s.workspaceReopened}`);
      off();
    });
    events.add('engagement.changed', ({ info }) => seen.push(`changed:${info === null}`));
    events.emit('engine.status', { state: 'restarted', reason: 'exit 1', workspaceReopened: true, integrityOk: true });
    events.emit('engine.status', { state: 'crashed', reason: null, workspaceReopened: false, integrityOk: null });
    events.emit('engagement.changed', { info: null });
    expect(seen).toEqual(['restarted:true', 'changed:true']);
  });
});
