import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ArgsOf, JobChannelName, JobProgress, ResultOf } from '../../../shared/contract';
import { IDLE_JOB, jobReducer, newJobId, runJob, type JobOutcome } from '../../../shared/contract/job-state';
import { ApiError } from '../api/client';
import { useWorkbench } from '../app/context';

export interface Job<K extends JobChannelName> {
  /** Start the call with a fresh jobId (args need none); resolves with the result or the failure. */
  run(args: ArgsOf<K>): Promise<JobOutcome<ResultOf<K>>>;
  running: boolean;
  /** this run's last progress; null before the first report */
  progress: JobProgress | null;
  /** Ask the engine to stop the running job; it then ends with { ok: false, cancelled: true }. */
  cancel(): void;
  /** why the last run failed (not set for a cancel) */
  error: unknown;
}

/** One long call of the contract, with its progress and cancel: what each section used to wire by hand. */
export function useJob<K extends JobChannelName>(channel: K): Job<K> {
  const { api, transport, reportError } = useWorkbench();
  const [state, update] = useReducer(jobReducer, IDLE_JOB);
  const jobIdRef = useRef<string | null>(null);
  const offRef = useRef<Set<() => void>>(new Set());

  // Leaving the section stops following the job; the job itself runs on (an import still commits).
  useEffect(() => {
    const subscriptions = offRef.current;
    return () => {
      for (const off of subscriptions) off();
      subscriptions.clear();
    };
  }, []);

  const run = useCallback(
    (args: ArgsOf<K>) =>
      runJob(
        {
          newJobId: () => {
            const id = newJobId(channel);
            jobIdRef.current = id;
            return id;
          },
          call: (withId) => api[channel](withId),
          onProgress: (listener) => {
            const off = transport.on('job.progress', listener);
            offRef.current.add(off);
            return () => {
              off();
              offRef.current.delete(off);
            };
          },
          update,
          isCancelled: (error) => error instanceof ApiError && error.wire.code === 'CANCELLED',
        },
        args,
      ),
    [api, transport, channel],
  );

  const cancel = useCallback(() => {
    const jobId = jobIdRef.current;
    if (jobId) api['job.cancel']({ jobId }).catch(reportError);
  }, [api, reportError]);

  return { run, running: state.running, progress: state.progress, cancel, error: state.error };
}
