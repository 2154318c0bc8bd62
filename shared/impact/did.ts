// Difference-in-differences for a before/after evaluation without a random control: the treated
// customers' change from the pre-period to the post-period minus the comparison group's change over
// the same periods. It is only as good as the parallel-trends assumption, so the pre-period gap between
// the groups is reported per period (and its slope) for the consultant to judge.
//
// Estimate: each customer's post-period mean minus their pre-period mean (d_i); DiD = mean(d) over the
// treated − mean(d) over the comparison group, tested with Welch's t on the d_i. On a balanced panel
// this equals the two-way fixed-effects regression's coefficient, with a standard error that lets the
// groups' variances differ.

import { summarise, welchTest, type MeanDifferenceResult } from './means';

export type PanelGroup = 'treatment' | 'comparison';

export interface PanelRow {
  unit: string;
  group: PanelGroup;
  /** A sortable period label ('2026-03', '2026-Q1'). */
  period: string;
  value: number;
}

export interface PeriodMeans {
  period: string;
  post: boolean;
  treatmentMean: number | null;
  comparisonMean: number | null;
  treatmentUnits: number;
  comparisonUnits: number;
  /** treatmentMean − comparisonMean */
  gap: number | null;
  /** Change of the gap from the previous period (pre-periods only): 0 on parallel trends. */
  gapChange: number | null;
}

export interface DidResult {
  periods: PeriodMeans[];
  /** Means of the customers' period averages: the 2×2 table. */
  treatmentPre: number;
  treatmentPost: number;
  comparisonPre: number;
  comparisonPost: number;
  estimate: number;
  test: MeanDifferenceResult;
  treatmentUnits: number;
  comparisonUnits: number;
  /** Customers left out for lacking a pre or a post observation. */
  unitsDropped: number;
  /** OLS slope of the pre-period gap per period; null with fewer than 2 pre-periods. */
  preTrendSlope: number | null;
  preTrendSlopeSe: number | null;
  prePeriods: number;
}

export function differenceInDifferences(rows: readonly PanelRow[], firstPostPeriod: string, confidence = 0.95): DidResult {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const units = new Map<string, { group: PanelGroup; pre: number[]; post: number[] }>();
  const cell = new Map<string, { sum: number; n: number }>();
  for (const r of rows) {
    let u = units.get(r.unit);
    if (!u) {
      u = { group: r.group, pre: [], post: [] };
      units.set(r.unit, u);
    }
    (r.period >= firstPostPeriod ? u.post : u.pre).push(r.value);
    const key = `${r.group}\u0000${r.period}`;
    const c = cell.get(key) ?? { sum: 0, n: 0 };
    c.sum += r.value;
    c.n += 1;
    cell.set(key, c);
  }
  const meanOf = (a: number[]): number => a.reduce((x, y) => x + y, 0) / a.length;
  const diffs: Record<PanelGroup, number[]> = { treatment: [], comparison: [] };
  const pre: Record<PanelGroup, number[]> = { treatment: [], comparison: [] };
  const post: Record<PanelGroup, number[]> = { treatment: [], comparison: [] };
  let dropped = 0;
  for (const u of units.values()) {
    if (!u.pre.length || !u.post.length) {
      dropped += 1;
      continue;
    }
    const a = meanOf(u.pre);
    const b = meanOf(u.post);
    pre[u.group].push(a);
    post[u.group].push(b);
    diffs[u.group].push(b - a);
  }
  let prevGap: number | null = null;
  const periodMeans: PeriodMeans[] = periods.map((period) => {
    const t = cell.get(`treatment\u0000${period}`);
    const c = cell.get(`comparison\u0000${period}`);
    const tm = t ? t.sum / t.n : null;
    const cm = c ? c.sum / c.n : null;
    const gap = tm !== null && cm !== null ? tm - cm : null;
    const isPost = period >= firstPostPeriod;
    const gapChange = !isPost && gap !== null && prevGap !== null ? gap - prevGap : null;
    if (!isPost) prevGap = gap;
    return { period, post: isPost, treatmentMean: tm, comparisonMean: cm, treatmentUnits: t?.n ?? 0, comparisonUnits: c?.n ?? 0, gap, gapChange };
  });
  const preGaps = periodMeans.filter((p) => !p.post && p.gap !== null).map((p, i) => ({ x: i, y: p.gap as number }));
  let slope: number | null = null;
  let slopeSe: number | null = null;
  if (preGaps.length >= 2) {
    const mx = preGaps.reduce((a, p) => a + p.x, 0) / preGaps.length;
    const my = preGaps.reduce((a, p) => a + p.y, 0) / preGaps.length;
    let sxx = 0;
    let sxy = 0;
    for (const p of preGaps) {
      sxx += (p.x - mx) ** 2;
      sxy += (p.x - mx) * (p.y - my);
    }
    slope = sxy / sxx;
    if (preGaps.length >= 3) {
      let sse = 0;
      for (const p of preGaps) sse += (p.y - (my + (slope as number) * (p.x - mx))) ** 2;
      slopeSe = Math.sqrt(sse / (preGaps.length - 2) / sxx);
    }
  }
  const test = welchTest(summarise(diffs.treatment), summarise(diffs.comparison), confidence);
  const avg = (a: number[]): number => (a.length ? meanOf(a) : Number.NaN);
  return {
    periods: periodMeans,
    treatmentPre: avg(pre.treatment),
    treatmentPost: avg(post.treatment),
    comparisonPre: avg(pre.comparison),
    comparisonPost: avg(post.comparison),
    estimate: test.difference,
    test,
    treatmentUnits: diffs.treatment.length,
    comparisonUnits: diffs.comparison.length,
    unitsDropped: dropped,
    preTrendSlope: slope,
    preTrendSlopeSe: slopeSe,
    prePeriods: preGaps.length,
  };
}
