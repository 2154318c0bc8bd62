// One diagnostic run end to end: inputs from SQL, the pure run (shared/analytics/diagnose.ts), then
// the summary, every customer row and the caller's audit entry written in one synchronous
// transaction, so a run is stored whole or not at all. Nothing is written before the last
// checkpoint: a cancelled run leaves the workspace exactly as it was.

import type { WritableDB } from '../workspace/connection';
import { diagnosticSteps, type AnalyticsParams, type DiagnosticInputs } from '../../../shared/analytics';
import type { CancelSignal } from '../../../shared/contract/define';
import { checkpoint } from '../jobs';
import { loadDiagnosticInputs } from './inputs-sql';
import { setRunDuration, storeRun } from './runs-repo';

export const RUN_PHASES = ['load', 'activity', 'retention', 'cohorts', 'rfm', 'tiers', 'breakdowns', 'save'] as const;
export type RunPhase = (typeof RUN_PHASES)[number];

export interface RunOptions {
  params: AnalyticsParams;
  label?: string | null;
  /** The named parameter set the params came from (recorded with the run). */
  paramSet?: string | null;
  now: string;
  progress?: (phase: RunPhase, done: number, total: number) => void;
  signal?: CancelSignal;
  /** Written in the run's transaction once its rows are (the audit entry): the run and it commit together. */
  onStored?: (runId: number, durationMs: number) => void;
  /** Benchmarks: precomputed inputs, and per-query timings. */
  inputs?: DiagnosticInputs;
  onQuery?: (label: string, ms: number) => void;
}

export interface RunOutcome {
  runId: number;
  durationMs: number;
  /** Milliseconds per phase, in order. */
  phases: [RunPhase, number][];
}

export async function runAndStore(sqlite: WritableDB, opts: RunOptions): Promise<RunOutcome> {
  const t0 = performance.now();
  const phases: [RunPhase, number][] = [];
  let mark = t0;
  let current: RunPhase = 'load';
  // Each phase starts at a checkpoint: the event loop gets a turn (a cancel can arrive) and a
  // cancelled run stops there, before anything is written.
  const enter = async (phase: RunPhase) => {
    const now = performance.now();
    phases.push([current, now - mark]);
    current = phase;
    await checkpoint(opts.signal);
    mark = performance.now();
    opts.progress?.(phase, RUN_PHASES.indexOf(phase), RUN_PHASES.length);
  };
  opts.progress?.('load', 0, RUN_PHASES.length);
  await checkpoint(opts.signal);
  const inputs =
    opts.inputs ?? loadDiagnosticInputs(sqlite, { ...(opts.onQuery ? { onQuery: opts.onQuery } : {}), ...(opts.signal ? { signal: opts.signal } : {}) });
  const steps = diagnosticSteps(inputs, opts.params);
  let step = steps.next();
  while (!step.done) {
    await enter(step.value);
    step = steps.next();
  }
  const { result, customers } = step.value;
  await enter('save');
  // The last checkpoint is behind us: from here the run is written in one transaction.
  let durationMs = 0;
  const store = sqlite.transaction((): number => {
    const runId = storeRun(sqlite, {
      createdAt: opts.now,
      params: opts.params,
      results: result,
      customers,
      label: opts.label ?? null,
      paramSet: opts.paramSet ?? null,
      durationMs: performance.now() - t0,
    });
    // The duration is only known once the rows are written.
    durationMs = performance.now() - t0;
    setRunDuration(sqlite, runId, durationMs);
    opts.onStored?.(runId, durationMs);
    return runId;
  });
  const runId = store();
  phases.push([current, performance.now() - mark]);
  return { runId, durationMs, phases };
}
