// The customer metrics a health measure can be built on, each computed from CustomerFacts.
// The renderer's what-if reruns scoring on every slider move, so metrics are computed ONCE per
// customer into a flat Float64Array (NaN = no data) and scoring reads that matrix in a tight loop.

import type { EntityKind } from '../domain/entities';
import { daysBetween, monthsBetween } from './dates';
import type { CustomerFacts, PeriodTotals } from './facts';
import type { Severity } from './vocabulary';

export const HEALTH_METRICS = [
  'ordersLast365',
  'spendTrendPct',
  'purchaseVolumeChangePct',
  'daysSinceLastOrder',
  'npsLatest',
  'csatLatest',
  'responseHoursMedian',
  'responseSlowdownPct',
  'interactionsLast90',
  'interactionTrendPct',
  'monthsSinceLastInteraction',
  'outreachResponseRatePct',
  'unansweredStreak',
  'usageTrendPct',
  'openProjectIssues',
  'projectDelayDays',
  'demandConversionPct',
  'daysSinceLastDemand',
  'maxDemandWaitDays',
  // Appended, never inserted: stored runs keep their metric rows by index (queries.ts pads older,
  // shorter rows with "no data").
  'purchaseOverdueRatio',
  'halfYearSpendChangePct',
  'contractDaysLeft',
  'ticketRatingAvg',
  'monthsSinceLastContact',
  'heavySignals',
  'otherSignals',
  // From stored model runs (model-sources.ts), not the client's rows: absent, with the run's reason,
  // when the health run read no such run or the run did not score the customer.
  'churnProbabilityPct',
  'pAlivePct',
  'clvPercentile',
] as const;
export type HealthMetric = (typeof HEALTH_METRICS)[number];
export const METRIC_COUNT = HEALTH_METRICS.length;

export type MetricUnit = 'count' | 'pct' | 'days' | 'months' | 'hours' | 'nps' | 'csat' | 'ratio';

/**
 * Metrics a run fills from the signals it evaluated on the same facts (fillSignalMetrics), not from
 * the facts alone: metricValue gives null for them.
 */
export const SIGNAL_METRICS = ['heavySignals', 'otherSignals'] as const;
export const DIRECTIONS = ['higherIsBetter', 'lowerIsBetter'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface MetricInfo {
  id: HealthMetric;
  unit: MetricUnit;
  /** The natural reading; a new measure on this metric starts with this direction. */
  direction: Direction;
  sources: EntityKind[];
}

export const METRIC_INFO: Record<HealthMetric, MetricInfo> = {
  ordersLast365: { id: 'ordersLast365', unit: 'count', direction: 'higherIsBetter', sources: ['orders'] },
  spendTrendPct: { id: 'spendTrendPct', unit: 'pct', direction: 'higherIsBetter', sources: ['orders'] },
  purchaseVolumeChangePct: { id: 'purchaseVolumeChangePct', unit: 'pct', direction: 'higherIsBetter', sources: ['orders'] },
  daysSinceLastOrder: { id: 'daysSinceLastOrder', unit: 'days', direction: 'lowerIsBetter', sources: ['orders'] },
  npsLatest: { id: 'npsLatest', unit: 'nps', direction: 'higherIsBetter', sources: ['surveys'] },
  csatLatest: { id: 'csatLatest', unit: 'csat', direction: 'higherIsBetter', sources: ['surveys'] },
  responseHoursMedian: { id: 'responseHoursMedian', unit: 'hours', direction: 'lowerIsBetter', sources: ['tickets'] },
  responseSlowdownPct: { id: 'responseSlowdownPct', unit: 'pct', direction: 'lowerIsBetter', sources: ['tickets'] },
  interactionsLast90: { id: 'interactionsLast90', unit: 'count', direction: 'higherIsBetter', sources: ['interactions'] },
  interactionTrendPct: { id: 'interactionTrendPct', unit: 'pct', direction: 'higherIsBetter', sources: ['interactions'] },
  monthsSinceLastInteraction: { id: 'monthsSinceLastInteraction', unit: 'months', direction: 'lowerIsBetter', sources: ['interactions'] },
  outreachResponseRatePct: { id: 'outreachResponseRatePct', unit: 'pct', direction: 'higherIsBetter', sources: ['interactions'] },
  unansweredStreak: { id: 'unansweredStreak', unit: 'count', direction: 'lowerIsBetter', sources: ['interactions'] },
  usageTrendPct: { id: 'usageTrendPct', unit: 'pct', direction: 'higherIsBetter', sources: ['usage'] },
  openProjectIssues: { id: 'openProjectIssues', unit: 'count', direction: 'lowerIsBetter', sources: ['projects'] },
  projectDelayDays: { id: 'projectDelayDays', unit: 'days', direction: 'lowerIsBetter', sources: ['projects'] },
  demandConversionPct: { id: 'demandConversionPct', unit: 'pct', direction: 'higherIsBetter', sources: ['interactions', 'orders'] },
  daysSinceLastDemand: { id: 'daysSinceLastDemand', unit: 'days', direction: 'lowerIsBetter', sources: ['interactions'] },
  maxDemandWaitDays: { id: 'maxDemandWaitDays', unit: 'days', direction: 'lowerIsBetter', sources: ['interactions'] },
  purchaseOverdueRatio: { id: 'purchaseOverdueRatio', unit: 'ratio', direction: 'lowerIsBetter', sources: ['orders'] },
  halfYearSpendChangePct: { id: 'halfYearSpendChangePct', unit: 'pct', direction: 'higherIsBetter', sources: ['orders'] },
  contractDaysLeft: { id: 'contractDaysLeft', unit: 'days', direction: 'higherIsBetter', sources: ['contracts'] },
  ticketRatingAvg: { id: 'ticketRatingAvg', unit: 'csat', direction: 'higherIsBetter', sources: ['tickets'] },
  monthsSinceLastContact: {
    id: 'monthsSinceLastContact',
    unit: 'months',
    direction: 'lowerIsBetter',
    sources: ['interactions', 'orders', 'tickets', 'surveys', 'usage'],
  },
  heavySignals: { id: 'heavySignals', unit: 'count', direction: 'lowerIsBetter', sources: [] },
  otherSignals: { id: 'otherSignals', unit: 'count', direction: 'lowerIsBetter', sources: [] },
  churnProbabilityPct: { id: 'churnProbabilityPct', unit: 'pct', direction: 'lowerIsBetter', sources: [] },
  pAlivePct: { id: 'pAlivePct', unit: 'pct', direction: 'higherIsBetter', sources: ['orders'] },
  clvPercentile: { id: 'clvPercentile', unit: 'pct', direction: 'higherIsBetter', sources: ['orders'] },
};

const METRIC_INDEX = new Map<HealthMetric, number>(HEALTH_METRICS.map((m, i) => [m, i]));

export function metricIndex(metric: HealthMetric): number {
  const i = METRIC_INDEX.get(metric);
  if (i === undefined) throw new Error(`unknown health metric ${metric}`);
  return i;
}

/** Percent change from `previous` to `current`; null when there is no positive base to divide by. */
export function pctChange(previous: number | null | undefined, current: number | null | undefined): number | null {
  if (previous == null || current == null || !(previous > 0)) return null;
  return ((current - previous) / previous) * 100;
}

/** Purchase volume of a period: quantity where both periods have it, else order count (seed 002 采购量). */
export function periodVolume(p: PeriodTotals, useQuantity: boolean): number {
  return useQuantity && p.quantity != null ? p.quantity : p.orders;
}

/** The two most recent complete periods, or null when fewer than two exist. */
export function lastTwoPeriods(facts: CustomerFacts): [PeriodTotals, PeriodTotals] | null {
  const n = facts.periods.length;
  const prev = facts.periods[n - 2];
  const last = facts.periods[n - 1];
  return prev && last ? [prev, last] : null;
}

/** Outbound attempts at the end of the list recorded as unanswered; an unknown (null) ends the run. */
export function trailingUnanswered(facts: CustomerFacts): number {
  let n = 0;
  for (let i = facts.outreach.length - 1; i >= 0; i--) {
    if (facts.outreach[i]?.responded !== false) break;
    n++;
  }
  return n;
}

function latest<T>(items: readonly T[], pick: (t: T) => number | null): number | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    const v = item === undefined ? null : pick(item);
    if (v != null) return v;
  }
  return null;
}

export function metricValue(facts: CustomerFacts, metric: HealthMetric): number | null {
  switch (metric) {
    case 'ordersLast365':
      return facts.lastOrderDate == null ? null : facts.ordersLast365;
    case 'spendTrendPct': {
      const two = lastTwoPeriods(facts);
      return two ? pctChange(two[0].spend, two[1].spend) : null;
    }
    case 'purchaseVolumeChangePct': {
      const two = lastTwoPeriods(facts);
      if (!two) return null;
      const useQty = two[0].quantity != null && two[1].quantity != null;
      return pctChange(periodVolume(two[0], useQty), periodVolume(two[1], useQty));
    }
    case 'daysSinceLastOrder':
      return facts.lastOrderDate == null ? null : daysBetween(facts.lastOrderDate, facts.asOf);
    case 'npsLatest':
      return latest(facts.surveyReadings, (r) => r.nps);
    case 'csatLatest':
      return latest(facts.surveyReadings, (r) => r.csat);
    case 'responseHoursMedian':
      return facts.responseHoursRecent;
    case 'responseSlowdownPct':
      return pctChange(facts.responseHoursBaseline, facts.responseHoursRecent);
    case 'interactionsLast90':
      return facts.lastInteractionDate == null ? null : facts.interactionsLast90;
    case 'interactionTrendPct':
      return pctChange(facts.interactionsPrev90, facts.interactionsLast90);
    case 'monthsSinceLastInteraction':
      return facts.lastInteractionDate == null ? null : monthsBetween(facts.lastInteractionDate, facts.asOf);
    case 'outreachResponseRatePct': {
      let known = 0;
      let yes = 0;
      for (const a of facts.outreach) {
        if (a.responded == null) continue;
        known++;
        if (a.responded) yes++;
      }
      return known === 0 ? null : (yes / known) * 100;
    }
    case 'unansweredStreak':
      return facts.outreach.length === 0 ? null : trailingUnanswered(facts);
    case 'usageTrendPct':
      return pctChange(facts.loginsPrevious, facts.loginsRecent);
    case 'openProjectIssues':
      return facts.openProjectIssues;
    case 'projectDelayDays':
      return facts.projectDelayDays;
    case 'demandConversionPct':
      return facts.demandsLast365 > 0 ? (facts.demandsConvertedLast365 / facts.demandsLast365) * 100 : null;
    case 'daysSinceLastDemand':
      return facts.lastDemandDate == null ? null : daysBetween(facts.lastDemandDate, facts.asOf);
    case 'maxDemandWaitDays': {
      if (facts.demandFeedback.length === 0) return null;
      let max = 0;
      for (const d of facts.demandFeedback) max = Math.max(max, d.waitDays);
      return max;
    }
    case 'purchaseOverdueRatio':
      // Days since the last order in units of the customer's own gap between orders: 1 = due now,
      // 2 = one whole order cycle missed. No rhythm (fewer than 3 order days) = no value.
      return facts.lastOrderDate == null || facts.orderRhythmDays == null || !(facts.orderRhythmDays > 0)
        ? null
        : daysBetween(facts.lastOrderDate, facts.asOf) / facts.orderRhythmDays;
    case 'halfYearSpendChangePct':
      // Rolling windows to as-of, the lifecycle rule's own (DEFAULT_FACTS_WINDOWS.spendWindowDays).
      return pctChange(facts.spendPrior, facts.spendRecent);
    case 'contractDaysLeft':
      return contractDaysLeft(facts);
    case 'ticketRatingAvg': {
      if (facts.ticketRatings.length === 0) return null;
      let sum = 0;
      let n = 0;
      for (const r of facts.ticketRatings) {
        if (r.csat == null) continue;
        sum += r.csat;
        n++;
      }
      return n === 0 ? null : sum / n;
    }
    case 'monthsSinceLastContact':
      return facts.lastContactDate == null ? null : monthsBetween(facts.lastContactDate, facts.asOf);
    case 'heavySignals':
    case 'otherSignals':
      return null;
    case 'churnProbabilityPct':
      return facts.churnScore ? facts.churnScore.probability * 100 : null;
    case 'pAlivePct':
      return facts.lifetimeValue ? facts.lifetimeValue.pAlive * 100 : null;
    case 'clvPercentile':
      return facts.lifetimeValue?.clvPercentile ?? null;
  }
}

/** Days from as-of to the nearest end of a live contract not yet renewed; null when none is pending. */
export function contractDaysLeft(facts: CustomerFacts): number | null {
  let min: number | null = null;
  for (const c of facts.contracts) {
    if (c.renewed) continue;
    const d = daysBetween(facts.asOf, c.endDate);
    if (d >= 0 && (min === null || d < min)) min = d;
  }
  return min;
}

/** The signal counts a run writes into a customer's metric row (heavy; light and medium together). */
export function fillSignalMetrics(out: Float64Array, offset: number, severities: readonly Severity[]): void {
  let heavy = 0;
  let other = 0;
  for (const s of severities) {
    if (s === 'heavy') heavy++;
    else other++;
  }
  out[offset + metricIndex('heavySignals')] = heavy;
  out[offset + metricIndex('otherSignals')] = other;
}

export type MetricValues = Record<HealthMetric, number | null>;

export function metricValues(facts: CustomerFacts): MetricValues {
  const out = {} as MetricValues;
  for (const m of HEALTH_METRICS) out[m] = metricValue(facts, m);
  return out;
}

/** Writes one customer's metrics at `offset` (NaN where there is no data). */
export function fillMetricRow(facts: CustomerFacts, out: Float64Array, offset = 0): void {
  for (let i = 0; i < METRIC_COUNT; i++) {
    const v = metricValue(facts, HEALTH_METRICS[i] as HealthMetric);
    out[offset + i] = v == null || !Number.isFinite(v) ? Number.NaN : v;
  }
}

/** Row-major matrix: customer c's metric i sits at c * METRIC_COUNT + i. */
export function buildMetricMatrix(facts: readonly CustomerFacts[]): Float64Array {
  const out = new Float64Array(facts.length * METRIC_COUNT);
  facts.forEach((f, c) => fillMetricRow(f, out, c * METRIC_COUNT));
  return out;
}

/** A metric row from a partial record (tests, imports of precomputed values). Missing = NaN. */
export function metricRow(values: Partial<Record<HealthMetric, number | null>>): Float64Array {
  const out = new Float64Array(METRIC_COUNT).fill(Number.NaN);
  for (let i = 0; i < METRIC_COUNT; i++) {
    const v = values[HEALTH_METRICS[i] as HealthMetric];
    if (v != null && Number.isFinite(v)) out[i] = v;
  }
  return out;
}
