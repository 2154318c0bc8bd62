// One diagnostic run end to end: inputs from SQL, the pure run (shared/analytics/diagnose.ts), then
// the summary and every customer row written in one synchronous transaction, so a run is stored whole
// or not at all.

import type { WritableDB } from '../workspace/connection';
import { runDiagnostics, type AnalyticsParams, type DiagnosticInputs, type DiagnosticPhase } from '../../../shared/analytics';
import type { CancelSignal } from '../../../shared/contract/define';
import { WorkbenchError } from '../errors';
import { loadDiagnosticInputs } from './inputs-sql';
import { setRunDuration, storeRun } from './runs-repo';

export const RUN_PHASES = ['load', 'activity', 'retention', 'cohorts', 'rfm', 'tiers', 'breakdowns', 'save'] as const;
export type RunPhase = (typeof RUN_PHASES)[number];

export interface RunOptions {
  params: AnalyticsParams;
  label?: string | null;
  now: string;
  progress?: (phase: RunPhase, done: number, total: number) => void;
  signal?: CancelSignal;
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

export function runAndStore(sqlite: WritableDB, opts: RunOptions): RunOutcome {
  const t0 = performance.now();
  const phases: [RunPhase, number][] = [];
  let mark = t0;
  let current: RunPhase = 'load';
  const enter = (phase: RunPhase) => {
    const now = performance.now();
    phases.push([current, now - mark]);
    mark = now;
    current = phase;
    if (opts.signal?.aborted) throw new WorkbenchError('CANCELLED');
    opts.progress?.(phase, RUN_PHASES.indexOf(phase), RUN_PHASES.length);
  };
  opts.progress?.('load', 0, RUN_PHASES.length);
  const inputs = opts.inputs ?? loadDiagnosticInputs(sqlite, opts.onQuery ? { onQuery: opts.onQuery } : {});
  const { result, customers } = runDiagnostics(inputs, opts.params, (p: DiagnosticPhase) => enter(p));
  enter('save');
  const runId = storeRun(sqlite, {
    createdAt: opts.now,
    params: opts.params,
    results: result,
    customers,
    label: opts.label ?? null,
    durationMs: performance.now() - t0,
  });
  const durationMs = performance.now() - t0;
  phases.push([current, performance.now() - mark]);
  setRunDuration(sqlite, runId, durationMs);
  return { runId, durationMs, phases };
}
