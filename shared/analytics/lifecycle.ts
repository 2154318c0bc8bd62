// Lifecycle stage per customer as of a date. The retention-consulting source article (customer lifecycle management) names the stages of the relationship
// (新客 / 成长期 / 成熟期, "根据生命周期阶段设计差异化服务") and asks for churn warning; the workbench adds
// 风险 (at risk) and 已流失 (churned). The seed gives no cut-offs, so every number below is an
// editable workbench default. Rules are applied in this order, the first that holds decides:
//   已流失 churned  had been a customer but is not active at the as-of date (activity basis of the run);
//   风险 at risk    active, but: no purchase for riskInactiveDays (default 180, half the activity
//                  window), or spend in the last riskWindowDays down riskSpendDropPct% or more on the
//                  window before (default 20%, the domain's "purchase volume down 20%" signal), or
//                  (contractual) the live contracts all end within riskContractEndDays (default 90,
//                  seed 001's 续约价值盘点 three months before expiry);
//   新客 new        became a customer less than newDays ago (default 90);
//   成熟期 mature   a customer for matureDays or more (default 365) with at least matureMinOrders
//                  purchases (default 3; not applied on the contractual basis, where orders may not exist);
//   成长期 growing  everyone else (between new and mature).

import type { ActivitySpans } from './activity';
import { spanAt } from './activity';
import type { DayNumber } from './days';
import type { PurchaseLedger } from './inputs';

export const LIFECYCLE_STAGES = ['new', 'growing', 'mature', 'atRisk', 'churned'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const LIFECYCLE_REASONS = [
  'not-active',
  'inactive-too-long',
  'spend-dropped',
  'contract-ending',
  'recent-first-purchase',
  'long-tenure-repeat-buyer',
  'between-new-and-mature',
] as const;
export type LifecycleReason = (typeof LIFECYCLE_REASONS)[number];

export interface LifecycleRules {
  newDays: number;
  matureDays: number;
  matureMinOrders: number;
  riskInactiveDays: number;
  riskWindowDays: number;
  riskSpendDropPct: number;
  riskContractEndDays: number;
}

export interface LifecycleFacts {
  customerIndex: number;
  customerKey: string;
  firstActiveDay: DayNumber;
  activeAtAsOf: boolean;
  lastPurchaseDay: DayNumber | null;
  /** Purchases (positive orders) on or before the as-of day. */
  orders: number;
  /** Net spend in the last riskWindowDays, and in the same number of days before that. */
  recentSpend: number;
  priorSpend: number;
  /** Contractual basis: last live day of the span covering the as-of day (Infinity if open-ended). */
  liveUntilDay: DayNumber | null;
}

/** Facts for every customer of `spans` who had become a customer by the as-of day. */
export function lifecycleFacts(spans: ActivitySpans, ledger: PurchaseLedger | null, asOfDay: DayNumber, rules: LifecycleRules): LifecycleFacts[] {
  const out: LifecycleFacts[] = [];
  const ledgerIndex = ledger && ledger.customerKeys !== spans.customerKeys ? new Map(ledger.customerKeys.map((k, i) => [k, i])) : null;
  const recentFrom = asOfDay - rules.riskWindowDays + 1;
  const priorFrom = recentFrom - rules.riskWindowDays;
  for (let i = 0; i < spans.customerKeys.length; i += 1) {
    const from = spans.offsets[i] as number;
    if (from === (spans.offsets[i + 1] as number) || (spans.starts[from] as number) > asOfDay) continue;
    const key = spans.customerKeys[i] as string;
    const s = spanAt(spans, i, asOfDay);
    let last: number | null = null;
    let orders = 0;
    let recent = 0;
    let prior = 0;
    const li = ledger ? (ledgerIndex ? ledgerIndex.get(key) : i) : undefined;
    if (ledger && li !== undefined && li < ledger.customerKeys.length) {
      for (let j = ledger.offsets[li] as number, e = ledger.offsets[li + 1] as number; j < e; j += 1) {
        const d = ledger.days[j] as number;
        if (d > asOfDay) break;
        const p = ledger.purchases[j] as number;
        if (p > 0) last = d;
        orders += p;
        if (d >= recentFrom) recent += ledger.amounts[j] as number;
        else if (d >= priorFrom) prior += ledger.amounts[j] as number;
      }
    }
    out.push({
      customerIndex: i,
      customerKey: key,
      firstActiveDay: spans.starts[from] as number,
      activeAtAsOf: s >= 0,
      lastPurchaseDay: last,
      orders,
      recentSpend: recent,
      priorSpend: prior,
      liveUntilDay: spans.basis === 'contractual' && s >= 0 ? (spans.ends[s] as number) : null,
    });
  }
  return out;
}

export interface LifecycleRow {
  customerIndex: number;
  customerKey: string;
  stage: LifecycleStage;
  reasons: LifecycleReason[];
  tenureDays: number;
}

export function lifecycleStage(
  f: LifecycleFacts,
  asOfDay: DayNumber,
  rules: LifecycleRules,
  basis: ActivitySpans['basis'],
): { stage: LifecycleStage; reasons: LifecycleReason[] } {
  if (!f.activeAtAsOf) return { stage: 'churned', reasons: ['not-active'] };
  const risk: LifecycleReason[] = [];
  if (f.lastPurchaseDay !== null && asOfDay - f.lastPurchaseDay >= rules.riskInactiveDays) risk.push('inactive-too-long');
  if (f.priorSpend > 0 && f.recentSpend <= f.priorSpend * (1 - rules.riskSpendDropPct / 100)) risk.push('spend-dropped');
  if (f.liveUntilDay !== null && f.liveUntilDay - asOfDay <= rules.riskContractEndDays) risk.push('contract-ending');
  if (risk.length > 0) return { stage: 'atRisk', reasons: risk };
  const tenure = asOfDay - f.firstActiveDay;
  if (tenure < rules.newDays) return { stage: 'new', reasons: ['recent-first-purchase'] };
  if (tenure >= rules.matureDays && (basis === 'contractual' || f.orders >= rules.matureMinOrders)) {
    return { stage: 'mature', reasons: ['long-tenure-repeat-buyer'] };
  }
  return { stage: 'growing', reasons: ['between-new-and-mature'] };
}

export function assignLifecycle(spans: ActivitySpans, ledger: PurchaseLedger | null, asOfDay: DayNumber, rules: LifecycleRules): LifecycleRow[] {
  return lifecycleFacts(spans, ledger, asOfDay, rules).map((f) => ({
    customerIndex: f.customerIndex,
    customerKey: f.customerKey,
    ...lifecycleStage(f, asOfDay, rules, spans.basis),
    tenureDays: asOfDay - f.firstActiveDay,
  }));
}

export function lifecycleSummary(rows: readonly LifecycleRow[]): { stage: LifecycleStage; count: number; share: number }[] {
  const counts = new Map<LifecycleStage, number>(LIFECYCLE_STAGES.map((s) => [s, 0]));
  for (const r of rows) counts.set(r.stage, (counts.get(r.stage) as number) + 1);
  return LIFECYCLE_STAGES.map((stage) => ({
    stage,
    count: counts.get(stage) as number,
    share: rows.length > 0 ? (counts.get(stage) as number) / rows.length : 0,
  }));
}
