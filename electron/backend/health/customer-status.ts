// One customer's status beside its health score: lifecycle stage, RFM and tier from the diagnostic
// run at the SAME as-of date as the health run (the latest such run), with the data each verdict's
// rule read, so the card can say why a customer is 风险 while RFM rates it 5·5·5. When no diagnostic
// run shares the as-of date, the latest one is shown and the card says the dates differ.

import type { ReadableDB } from '../workspace/connection';
import type { CustomerStatus } from '../../../shared/contract/health';
import type { LifecycleReason, LifecycleRules, LifecycleStage } from '../../../shared/analytics/lifecycle';
import { LifecycleParamsSchema } from '../../../shared/analytics/params';
import type { Tier } from '../../../shared/analytics/tiers';
import { addDays } from '../../../shared/health/dates';
import { statusNotes, type HealthVerdict } from '../../../shared/health/status-notes';

interface DiagRunRow {
  id: number;
  as_of: string;
  basis: string;
  window_days: number;
  params: string;
}

interface DiagCustomerRow {
  active: number;
  first_active: string | null;
  last_purchase: string | null;
  recency_days: number | null;
  frequency: number | null;
  monetary: number | null;
  r: number | null;
  f: number | null;
  m: number | null;
  segment: string | null;
  tier: Tier | null;
  tier_reasons: string | null;
  stage: LifecycleStage | null;
  stage_reasons: string | null;
  tenure_days: number | null;
}

const list = (s: string | null): string[] => (s ? s.split(',') : []);

function lifecycleRules(params: string): LifecycleRules {
  let stored: unknown = undefined;
  try {
    stored = (JSON.parse(params) as { lifecycle?: unknown }).lifecycle;
  } catch {
    // a damaged params column reads as the defaults; the card still shows the stored verdict
  }
  const parsed = LifecycleParamsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : LifecycleParamsSchema.parse({});
}

export function customerStatus(sqlite: ReadableDB, customerKey: string, healthAsOf: string, health: HealthVerdict): CustomerStatus {
  const same = sqlite.prepare('select id, as_of, basis, window_days, params from diagnostic_run where as_of = ? order by id desc limit 1').get(healthAsOf) as
    DiagRunRow | undefined;
  const run =
    same ??
    (sqlite.prepare('select id, as_of, basis, window_days, params from diagnostic_run order by as_of desc, id desc limit 1').get() as DiagRunRow | undefined);
  const lastPurchase =
    (sqlite
      .prepare(`select max(substr(order_date, 1, 10)) from orders where customer_key = ? and is_return = 0 and order_date < ?`)
      .pluck()
      .get(customerKey, addDays(healthAsOf, 1)) as string | null) ?? null;
  if (!run) {
    return {
      healthAsOf,
      diagnostic: null,
      sameAsOf: false,
      lastPurchase,
      lifecycle: null,
      rfm: null,
      tier: null,
      notes: statusNotes(health, null, null, null),
    };
  }
  const row = sqlite
    .prepare(
      `select active, first_active, last_purchase, recency_days, frequency, monetary, r, f, m, segment, tier, tier_reasons,
              stage, stage_reasons, tenure_days
         from diagnostic_customer where run_id = ? and customer_key = ?`,
    )
    .get(run.id, customerKey) as DiagCustomerRow | undefined;
  const diagnostic = { runId: run.id, asOf: run.as_of, basis: run.basis, windowDays: run.window_days };
  const rules = lifecycleRules(run.params);

  let lifecycle: CustomerStatus['lifecycle'] = null;
  if (row?.stage) {
    // The data the risk rules read, at the diagnostic run's as-of: net spend of the last
    // riskWindowDays against the same span before, and the end of the live contracts.
    const w = rules.riskWindowDays;
    const recentFrom = addDays(run.as_of, -w + 1);
    const priorFrom = addDays(recentFrom, -w);
    const next = addDays(run.as_of, 1);
    const spend = sqlite
      .prepare(
        // Returns subtract, as in the health facts (a return stored with a positive amount too).
        `select coalesce(sum(case when order_date >= :recentFrom then (case when is_return = 1 then -abs(amount) else amount end) end), 0),
                coalesce(sum(case when order_date < :recentFrom then (case when is_return = 1 then -abs(amount) else amount end) end), 0)
           from orders where customer_key = :key and order_date >= :priorFrom and order_date < :next`,
      )
      .raw(true)
      .get({ key: customerKey, recentFrom, priorFrom, next }) as [number, number];
    const liveUntil = sqlite
      .prepare(
        `select max(substr(end_date, 1, 10)) from contracts
          where customer_key = ? and start_date < ? and (end_date is null or substr(end_date, 1, 10) >= ?)
            and (cancelled_date is null or substr(cancelled_date, 1, 10) > ?)`,
      )
      .pluck()
      .get(customerKey, next, run.as_of, run.as_of) as string | null;
    lifecycle = {
      stage: row.stage,
      reasons: list(row.stage_reasons) as LifecycleReason[],
      tenureDays: row.tenure_days,
      firstActive: row.first_active,
      rules,
      recentSpend: Number(spend[0]),
      priorSpend: Number(spend[1]),
      liveUntil,
    };
  }
  const rfm: CustomerStatus['rfm'] =
    row && row.r != null
      ? {
          r: row.r,
          f: row.f,
          m: row.m,
          segment: row.segment,
          recencyDays: row.recency_days,
          frequency: row.frequency,
          monetary: row.monetary,
          lastPurchase: row.last_purchase,
        }
      : null;
  const tier: CustomerStatus['tier'] = row?.tier ? { tier: row.tier, reasons: list(row.tier_reasons) } : null;
  const sameAsOf = run.as_of === healthAsOf;
  return {
    healthAsOf,
    diagnostic,
    sameAsOf,
    lastPurchase,
    lifecycle,
    rfm,
    tier,
    notes: statusNotes(health, lifecycle, rfm, sameAsOf ? null : { healthAsOf, diagnosticAsOf: run.as_of, runId: run.id }),
  };
}
