// One full diagnostic run over pre-aggregated inputs: retention per period, revenue retention,
// cohorts, RFM with segment movement, tiers, lifecycle and breakdowns, plus every customer's row for
// the table and drill-down. Pure: the backend feeds it from SQL (electron/backend/diagnostics), tests
// from hand-built ledgers. Every structure shares one customer index (DiagnosticInputs.customerKeys).

import { contractActivity, purchaseActivity, type ActivitySpans } from './activity';
import type { BreakdownAttribute } from './breakdown';
import { cohortActivityFromContracts, cohortActivityFromLedger, cohortMatrix, type CohortActivity } from './cohorts';
import { fromDay, toDay } from './days';
import { ratio, type AbsentReason, type Figure } from './figures';
import type { ContractSpan, PurchaseLedger } from './inputs';
import { assignLifecycle, lifecycleSummary, type LifecycleRow } from './lifecycle';
import { rfmCompareDay, type AnalyticsParams } from './params';
import { periodIndexOf, periodKey, type Period } from './periods';
import { retentionByPeriod, retentionStatus, type RetentionPeriod } from './retention';
import { MRR_MOVEMENTS, mrrAt, mrrEventsIn, mrrTimeline, revenueRetentionByPeriod, type MrrMovement, type MrrTimeline } from './revenue-retention';
import { scoreRfm, segmentMovement, segmentSummary, type RfmRow } from './rfm';
import { assignTiers, tierFactsFromContracts, tierFactsFromLedger, tierSummary, TIERS, type TierRow } from './tiers';
import { LIFECYCLE_STAGES } from './lifecycle';
import {
  DIAGNOSTIC_RESULT_VERSION,
  STATUS_CODES,
  type BreakdownGroup,
  type DiagnosticBreakdown,
  type DiagnosticCustomerRow,
  type DiagnosticDataStamp,
  type DiagnosticKpi,
  type DiagnosticRunResult,
  type KpiId,
  type PeriodRevenue,
} from './run-result';
import type { MetricId } from './formulas';
import { cohortIndexRange } from './cohort-range';
import { censorRetention, dataHistory, isLeftCensored, runNotices } from './edges';
import { repeatByPeriod } from './repeat';
import { FALLBACK_WINDOW_DAYS, resolveActivityWindow } from './window';
import { trendPeriods } from './trend-range';

/** Customer attributes, aligned with DiagnosticInputs.customerKeys (missing entries read as null). */
export interface CustomerAttributeColumns {
  name: readonly (string | null)[];
  industry: readonly (string | null)[];
  segment: readonly (string | null)[];
  region: readonly (string | null)[];
  owner: readonly (string | null)[];
  isBenchmark: ArrayLike<number>;
}

export interface DiagnosticInputs {
  /** The one customer order; ledger.customerKeys must start with these (it may append order-only keys). */
  ledger: PurchaseLedger;
  contracts: readonly ContractSpan[];
  attributes: CustomerAttributeColumns;
  data: DiagnosticDataStamp;
}

export interface DiagnosticOutput {
  result: DiagnosticRunResult;
  customers: DiagnosticCustomerRow[];
}

export type DiagnosticPhase = 'activity' | 'retention' | 'cohorts' | 'rfm' | 'tiers' | 'breakdowns';

/** The attributes a run breaks its figures down by, in display order. */
export const DIAGNOSTIC_BREAKDOWNS: readonly BreakdownAttribute[] = ['industry', 'region', 'owner', 'segment', 'tier'];

/** A ledger padded with empty customers so its keys cover `keys` (contract-only customers). */
export function padLedger(ledger: PurchaseLedger, keys: readonly string[]): PurchaseLedger {
  if (keys.length === ledger.customerKeys.length) return ledger;
  const offsets = new Int32Array(keys.length + 1);
  offsets.set(ledger.offsets);
  const end = ledger.offsets[ledger.customerKeys.length] as number;
  for (let i = ledger.customerKeys.length + 1; i <= keys.length; i += 1) offsets[i] = end;
  return { ...ledger, customerKeys: keys, offsets };
}

function periodRevenue(ledger: PurchaseLedger, periods: readonly Period[]): PeriodRevenue[] {
  const out = periods.map((p) => ({ periodKey: p.key, partial: p.partial, revenue: 0, buyers: 0, orders: 0 }));
  const first = periods[0];
  if (!first) return out;
  const last = periods[periods.length - 1] as Period;
  for (let i = 0; i < ledger.customerKeys.length; i += 1) {
    let lastP = -1;
    for (let j = ledger.offsets[i] as number, e = ledger.offsets[i + 1] as number; j < e; j += 1) {
      const d = ledger.days[j] as number;
      if (d < first.startDay) continue;
      if (d > last.measureEndDay) break;
      // Periods are consecutive, so the position is an index difference.
      let p = lastP < 0 ? 0 : lastP;
      while (p < periods.length && d > (periods[p] as Period).endDay) p += 1;
      const row = out[p];
      if (!row) break;
      row.revenue += ledger.amounts[j] as number;
      const n = ledger.purchases[j] as number;
      row.orders += n;
      if (n > 0 && p !== lastP) {
        row.buyers += 1;
        lastP = p;
      }
    }
  }
  return out;
}

function kpi(metric: MetricId, periods: readonly Period[], at: (p: number) => { value: number | null; reason: AbsentReason | null }): DiagnosticKpi {
  const last = periods.length - 1;
  const now = at(last);
  const before = last > 0 ? at(last - 1) : { value: null, reason: null };
  const period = periods[last] as Period;
  return {
    metric,
    value: now.value,
    reason: now.reason,
    previous: before.value,
    previousReason: before.reason,
    change: now.value !== null && before.value !== null ? now.value - before.value : null,
    periodKey: period.key,
    previousPeriodKey: last > 0 ? (periods[last - 1] as Period).key : null,
    partial: period.partial,
  };
}

const plain = (value: number): Figure => ({ value, reason: null });

/** First "on" period of every customer and its on-string from there to the as-of period. */
function cohortStrings(a: CohortActivity, firstCohort: number, last: number): { cohort: (number | null)[]; on: (string | null)[] } {
  const n = a.customerKeys.length;
  const cohort: (number | null)[] = new Array<number | null>(n).fill(null);
  const on: (string | null)[] = new Array<string | null>(n).fill(null);
  for (let i = 0; i < n; i += 1) {
    let c: number | null = null;
    const from = a.offsets[i] as number;
    const to = a.offsets[i + 1] as number;
    for (let j = from; j < to; j += 1) {
      if (a.on[j]) {
        c = a.periods[j] as number;
        break;
      }
    }
    cohort[i] = c;
    if (c === null || c < firstCohort || c > last) continue;
    const bits = new Array<string>(last - c + 1).fill('0');
    for (let j = from; j < to; j += 1) {
      const k = (a.periods[j] as number) - c;
      if (a.on[j] && k >= 0 && k < bits.length) bits[k] = '1';
    }
    on[i] = bits.join('');
  }
  return { cohort, on };
}

/** Same order as groupByAttribute: code-point order, null (not set) last. */
function compareGroupValues(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
}

function countBy<T>(rows: Iterable<T>, key: (r: T) => string | null, categories: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of categories) out[c] = 0;
  for (const r of rows) {
    const k = key(r);
    if (k !== null) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export function runDiagnostics(
  inputs: DiagnosticInputs,
  params: AnalyticsParams,
  progress: (phase: DiagnosticPhase) => void = () => undefined,
): DiagnosticOutput {
  const steps = diagnosticSteps(inputs, params);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    progress(step.value);
  }
}

/**
 * The run as a generator that yields each phase as it starts, so the caller can stop between phases
 * (a cancelled job) or await between them (a job on the caller's own thread yields to its events).
 */
export function* diagnosticSteps(inputs: DiagnosticInputs, params: AnalyticsParams): Generator<DiagnosticPhase, DiagnosticOutput, void> {
  const asOfDay = toDay(params.asOf);
  const basis = params.activity.basis;
  yield 'activity';
  // One index for every structure: customers and order customers (the ledger), then contract-only ones.
  const timeline0: MrrTimeline = mrrTimeline(inputs.contracts, inputs.ledger.customerKeys);
  const keys = timeline0.customerKeys;
  const ledger = padLedger(inputs.ledger, keys);
  const timeline = timeline0;
  const n = keys.length;
  // The window: the consultant's, else derived from the gaps between purchases (window.ts).
  const window = basis === 'non-contractual' ? resolveActivityWindow(ledger, asOfDay, params.activity.windowDays) : null;
  const windowDays = window ? window.days : (params.activity.windowDays ?? FALLBACK_WINDOW_DAYS);
  const history = dataHistory(basis, inputs.data.firstOrderDate, inputs.data.firstContractDate, windowDays);
  const spans: ActivitySpans = basis === 'contractual' ? contractActivity(inputs.contracts, keys) : purchaseActivity(ledger, windowDays);
  const periods = trendPeriods(params, params.grain, asOfDay, history);
  const hasContracts = inputs.contracts.some((c) => c.mrr > 0);
  const hasOrders = ledger.days.length > 0;

  yield 'retention';
  const retention: RetentionPeriod[] = censorRetention(retentionByPeriod(spans, periods), history, basis);
  const revenue = periodRevenue(ledger, periods);
  const firstContractDay = inputs.data.firstContractDate ? toDay(inputs.data.firstContractDate) : null;
  const revenueRetention = hasContracts ? revenueRetentionByPeriod(timeline, periods, undefined, firstContractDay) : null;
  const statuses: string[] = new Array<string>(n);
  for (let i = 0; i < n; i += 1) {
    let s = '';
    for (const p of periods) s += STATUS_CODES[retentionStatus(spans, i, p)];
    statuses[i] = s;
  }

  yield 'cohorts';
  const cohortAct =
    basis === 'contractual' ? cohortActivityFromContracts(timeline, params.grain, asOfDay) : cohortActivityFromLedger(ledger, params.grain, asOfDay);
  const lastPeriod = periodIndexOf(asOfDay, params.grain);
  const range = cohortIndexRange(params, params.grain, asOfDay);
  const cohorts = cohortMatrix(cohortAct, { firstCohort: range.first, lastCohort: range.last, isLeftCensored: (d) => isLeftCensored(history, d) });
  const cohortOf = cohortStrings(cohortAct, range.first, lastPeriod);
  const repeat = repeatByPeriod(cohortAct, periods, history.startDay);

  yield 'rfm';
  const compareDay = rfmCompareDay(params);
  const rfmNow = scoreRfm(ledger, asOfDay, params.rfm);
  const rfmBefore = scoreRfm(ledger, compareDay, params.rfm);
  const rfmAt: (RfmRow | null)[] = new Array<RfmRow | null>(n).fill(null);
  for (const r of rfmNow) rfmAt[r.customerIndex] = r;
  const rfmPrev: (RfmRow | null)[] = new Array<RfmRow | null>(n).fill(null);
  for (const r of rfmBefore) rfmPrev[r.customerIndex] = r;

  yield 'tiers';
  const attr = inputs.attributes;
  const keyIndex = new Map<string, number>();
  keys.forEach((k, i) => keyIndex.set(k, i));
  const tierAttrs = (key: string) => {
    const i = keyIndex.get(key);
    if (i === undefined) return undefined;
    return { isBenchmark: (attr.isBenchmark[i] ?? 0) === 1, industry: attr.industry[i] ?? null };
  };
  const facts = hasOrders
    ? tierFactsFromLedger(ledger, asOfDay, params.tiers.yearDays, tierAttrs, basis === 'contractual' ? spans : undefined)
    : tierFactsFromContracts(timeline, asOfDay, tierAttrs);
  const tierRows = assignTiers(facts, params.tiers);
  const tierAt: (TierRow | null)[] = new Array<TierRow | null>(n).fill(null);
  for (const r of tierRows) tierAt[r.customerIndex] = r;
  const lifecycleRows = assignLifecycle(spans, hasOrders ? ledger : null, asOfDay, params.lifecycle);
  const stageAt: (LifecycleRow | null)[] = new Array<LifecycleRow | null>(n).fill(null);
  for (const r of lifecycleRows) stageAt[r.customerIndex] = r;

  // Per-customer rows.
  const customers: DiagnosticCustomerRow[] = new Array<DiagnosticCustomerRow>(n);
  for (let i = 0; i < n; i += 1) {
    const from = spans.offsets[i] as number;
    const first = from < (spans.offsets[i + 1] as number) ? (spans.starts[from] as number) : null;
    const r = rfmAt[i] ?? null;
    const prev = rfmPrev[i] ?? null;
    const t = tierAt[i] ?? null;
    const st = stageAt[i] ?? null;
    const c = cohortOf.cohort[i] ?? null;
    customers[i] = {
      customerKey: keys[i] as string,
      name: attr.name[i] ?? null,
      industry: attr.industry[i] ?? null,
      region: attr.region[i] ?? null,
      owner: attr.owner[i] ?? null,
      customerSegment: attr.segment[i] ?? null,
      active: st !== null && st.stage !== 'churned',
      firstActive: first !== null && first <= asOfDay ? fromDay(first) : null,
      cohort: c === null ? null : periodKey(c, params.grain),
      cohortOn: cohortOf.on[i] ?? null,
      statuses: statuses[i] as string,
      lastPurchase: r ? r.lastPurchase : null,
      recencyDays: r ? r.recencyDays : null,
      frequency: r ? r.frequency : null,
      monetary: r ? r.monetary : null,
      r: r ? r.r : null,
      f: r ? r.f : null,
      m: r ? r.m : null,
      segment: r ? r.segment : null,
      valueGroup: r ? r.valueGroup : null,
      prevSegment: prev ? prev.segment : null,
      prevValueGroup: prev ? prev.valueGroup : null,
      tier: t ? t.tier : null,
      tierReasons: t ? t.reasons : [],
      stage: st ? st.stage : null,
      stageReasons: st ? st.reasons : [],
      tenureDays: st ? st.tenureDays : null,
      revenue12m: t ? t.yearlyRevenue : 0,
      mrr: hasContracts ? mrrAt(timeline, i, asOfDay) : 0,
    };
  }

  yield 'breakdowns';
  // Group figures are sums of per-customer facts for the latest period (status code, start and end
  // MRR, movements), so each attribute costs one pass, however many groups (150 owners) it has.
  const lastPeriodObj = periods[periods.length - 1] as Period;
  const mrrS = new Float64Array(n);
  const mrrE = new Float64Array(n);
  const mv = {
    new: new Float64Array(n),
    expansion: new Float64Array(n),
    contraction: new Float64Array(n),
    churn: new Float64Array(n),
    reactivation: new Float64Array(n),
  };
  if (revenueRetention) {
    for (let i = 0; i < n; i += 1) {
      mrrS[i] = mrrAt(timeline, i, lastPeriodObj.startDay - 1);
      mrrE[i] = mrrAt(timeline, i, lastPeriodObj.measureEndDay);
    }
    for (const e of mrrEventsIn(timeline, lastPeriodObj)) {
      const i = keyIndex.get(e.customerKey) as number;
      mv[e.kind][i] = (mv[e.kind][i] as number) + e.amount;
    }
  }
  const valueGroupIds = params.rfm.valueGroupRules.map((r) => r.id);
  const attributeOf = (a: BreakdownAttribute): ((i: number) => string | null) => {
    switch (a) {
      case 'tier':
        return (i) => tierAt[i]?.tier ?? null;
      case 'industry':
        return (i) => attr.industry[i] ?? null;
      case 'region':
        return (i) => attr.region[i] ?? null;
      case 'owner':
        return (i) => attr.owner[i] ?? null;
      case 'segment':
        return (i) => attr.segment[i] ?? null;
    }
  };
  const lastCode = periods.length - 1;
  const lastCensored = basis === 'non-contractual' && (retention[lastCode] as RetentionPeriod).leftCensored;
  const breakdowns: DiagnosticBreakdown[] = DIAGNOSTIC_BREAKDOWNS.map((attribute) => {
    const of = attributeOf(attribute);
    const acc = new Map<string | null, { g: BreakdownGroup; s: number; m: Record<MrrMovement, number> }>();
    for (let i = 0; i < n; i += 1) {
      const v = of(i);
      let a = acc.get(v);
      if (!a) {
        a = {
          g: {
            value: v,
            customers: 0,
            active: 0,
            retention: { start: 0, end: 0, retained: 0, lost: 0, new: 0, reactivated: 0, gained: 0, retentionRate: plain(0), churnRate: plain(0) },
            grr: null,
            nrr: null,
            revenue12m: 0,
            mrr: 0,
            tiers: countBy([], () => null, TIERS),
            stages: countBy([], () => null, LIFECYCLE_STAGES),
            valueGroups: countBy([], () => null, valueGroupIds),
          },
          s: 0,
          m: { new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0 },
        };
        acc.set(v, a);
      }
      const g = a.g;
      const c = customers[i] as DiagnosticCustomerRow;
      g.customers += 1;
      if (c.active) g.active += 1;
      g.revenue12m += c.revenue12m;
      g.mrr += c.mrr;
      if (c.tier) g.tiers[c.tier] = (g.tiers[c.tier] ?? 0) + 1;
      if (c.stage) g.stages[c.stage] = (g.stages[c.stage] ?? 0) + 1;
      if (c.valueGroup) g.valueGroups[c.valueGroup] = (g.valueGroups[c.valueGroup] ?? 0) + 1;
      const r = g.retention;
      switch (c.statuses[lastCode]) {
        case STATUS_CODES.retained:
          r.retained += 1;
          break;
        case STATUS_CODES.lost:
          r.lost += 1;
          break;
        case STATUS_CODES.new:
          r.new += 1;
          break;
        case STATUS_CODES.reactivated:
          r.reactivated += 1;
          break;
        default:
          break;
      }
      a.s += mrrS[i] as number;
      for (const k of MRR_MOVEMENTS) a.m[k] += mv[k][i] as number;
    }
    const groups = [...acc.values()]
      .sort((x, y) => compareGroupValues(x.g.value, y.g.value))
      .map(({ g, s: start, m }) => {
        const r = g.retention;
        r.start = r.retained + r.lost;
        r.gained = r.new + r.reactivated;
        r.end = r.retained + r.gained;
        r.retentionRate = ratio(r.retained, r.start, 'no-customers-at-start');
        r.churnRate = ratio(r.lost, r.start, 'no-customers-at-start');
        if (lastCensored) {
          r.retentionRate = { value: null, reason: 'history-shorter-than-window' };
          r.churnRate = r.retentionRate;
        }
        if (revenueRetention) {
          g.grr = ratio(start - m.contraction - m.churn, start, 'no-mrr-at-start');
          g.nrr = ratio(start + m.expansion + m.reactivation - m.contraction - m.churn, start, 'no-mrr-at-start');
        }
        return g;
      });
    return { attribute, groups };
  });

  const noContracts: AbsentReason = 'no-contracts';
  const kpis: Record<KpiId, DiagnosticKpi> = {
    retentionRate: kpi('retentionRate', periods, (p) => (retention[p] as RetentionPeriod).retentionRate),
    churnRate: kpi('churnRate', periods, (p) => (retention[p] as RetentionPeriod).churnRate),
    grr: kpi('grr', periods, (p) => (revenueRetention ? (revenueRetention[p] as { grr: Figure }).grr : { value: null, reason: noContracts })),
    nrr: kpi('nrr', periods, (p) => (revenueRetention ? (revenueRetention[p] as { nrr: Figure }).nrr : { value: null, reason: noContracts })),
    activeCustomers: kpi('customersEnd', periods, (p) => plain((retention[p] as RetentionPeriod).end)),
    revenue: hasOrders
      ? kpi('periodRevenue', periods, (p) => plain((revenue[p] as PeriodRevenue).revenue))
      : hasContracts && revenueRetention
        ? kpi('mrrEnd', periods, (p) => plain((revenueRetention[p] as { endMrr: number }).endMrr))
        : kpi('periodRevenue', periods, () => ({ value: null, reason: 'no-orders' })),
  };

  const result: DiagnosticRunResult = {
    version: DIAGNOSTIC_RESULT_VERSION,
    asOf: params.asOf,
    grain: params.grain,
    basis,
    windowDays,
    data: inputs.data,
    customers: n,
    kpis,
    retention,
    revenue,
    revenueRetention,
    revenueRetentionAbsent: revenueRetention ? null : noContracts,
    cohorts,
    repeat,
    window,
    dataStart: history.startDay === null ? null : fromDay(history.startDay),
    notices: runNotices({
      basis,
      asOf: params.asOf,
      firstDate: basis === 'contractual' ? inputs.data.firstContractDate : inputs.data.firstOrderDate,
      lastDate: basis === 'contractual' ? null : inputs.data.lastOrderDate,
      windowDays,
      windowFallback: window?.source === 'fallback',
      retention,
      coreMinTenureDays: params.tiers.coreMinTenureDays,
      matureDays: params.lifecycle.matureDays,
    }),
    rfm: {
      asOf: params.asOf,
      compareAsOf: fromDay(compareDay),
      scoring: params.rfm.scoring,
      scored: rfmNow.length,
      classic: segmentSummary(rfmNow, 'classic', params.rfm.classicRules),
      valueGroups: segmentSummary(rfmNow, 'valueGroups', params.rfm.valueGroupRules),
      movementClassic: segmentMovement(rfmBefore, rfmNow, 'classic', params.rfm.classicRules),
      movementValueGroups: segmentMovement(rfmBefore, rfmNow, 'valueGroups', params.rfm.valueGroupRules),
    },
    tiers: tierSummary(tierRows),
    lifecycle: lifecycleSummary(lifecycleRows),
    breakdowns,
  };
  return { result, customers };
}
