// Two stored runs side by side (baseline vs now): every KPI with its change, and the segment, tier
// and lifecycle counts with theirs. Customer transitions between the runs need both runs' customer
// rows and come from the backend (diagnostics.compare), in the same shape as SegmentMovement.

import type { AbsentReason } from './figures';
import type { MetricId } from './formulas';
import { KPI_IDS, type DiagnosticRun, type DiagnosticRunSummary, type KpiId } from './run-result';

export interface KpiComparison {
  id: KpiId;
  metric: MetricId;
  base: number | null;
  baseReason: AbsentReason | null;
  now: number | null;
  nowReason: AbsentReason | null;
  /** now − base; null when either is absent. */
  delta: number | null;
}

export interface CountComparison {
  id: string;
  base: number;
  now: number;
  delta: number;
}

export interface Transitions {
  /** Row = category in the baseline run, column = category now; 'none' = not in that run's category. */
  categories: string[];
  counts: number[][];
}

export interface DiagnosticComparison {
  base: DiagnosticRunSummary;
  now: DiagnosticRunSummary;
  /** Top-level parameter groups that differ (asOf, grain, activity, rfm, tiers, lifecycle, ...). */
  paramsChanged: string[];
  kpis: KpiComparison[];
  classicSegments: CountComparison[];
  valueGroups: CountComparison[];
  tiers: CountComparison[];
  stages: CountComparison[];
  valueGroupTransitions: Transitions;
  tierTransitions: Transitions;
}

function counts(base: readonly { id: string; count: number }[], now: readonly { id: string; count: number }[]): CountComparison[] {
  const ids = [...new Set([...base.map((x) => x.id), ...now.map((x) => x.id)])];
  return ids.map((id) => {
    const b = base.find((x) => x.id === id)?.count ?? 0;
    const n = now.find((x) => x.id === id)?.count ?? 0;
    return { id, base: b, now: n, delta: n - b };
  });
}

export function compareRuns(base: DiagnosticRun, now: DiagnosticRun, transitions: { valueGroups: Transitions; tier: Transitions }): DiagnosticComparison {
  const strip = ({ params: _p, results: _r, ...summary }: DiagnosticRun): DiagnosticRunSummary => summary;
  const bp = base.params as unknown as Record<string, unknown>;
  const np = now.params as unknown as Record<string, unknown>;
  const paramsChanged = Object.keys({ ...bp, ...np }).filter((k) => JSON.stringify(bp[k]) !== JSON.stringify(np[k]));
  return {
    base: strip(base),
    now: strip(now),
    paramsChanged,
    kpis: KPI_IDS.map((id) => {
      const b = base.results.kpis[id];
      const n = now.results.kpis[id];
      return {
        id,
        metric: n.metric,
        base: b.value,
        baseReason: b.reason,
        now: n.value,
        nowReason: n.reason,
        delta: b.value !== null && n.value !== null ? n.value - b.value : null,
      };
    }),
    classicSegments: counts(
      base.results.rfm.classic.map((s) => ({ id: s.segment, count: s.count })),
      now.results.rfm.classic.map((s) => ({ id: s.segment, count: s.count })),
    ),
    valueGroups: counts(
      base.results.rfm.valueGroups.map((s) => ({ id: s.segment, count: s.count })),
      now.results.rfm.valueGroups.map((s) => ({ id: s.segment, count: s.count })),
    ),
    tiers: counts(
      base.results.tiers.map((t) => ({ id: t.tier, count: t.count })),
      now.results.tiers.map((t) => ({ id: t.tier, count: t.count })),
    ),
    stages: counts(
      base.results.lifecycle.map((s) => ({ id: s.stage, count: s.count })),
      now.results.lifecycle.map((s) => ({ id: s.stage, count: s.count })),
    ),
    valueGroupTransitions: transitions.valueGroups,
    tierTransitions: transitions.tier,
  };
}
