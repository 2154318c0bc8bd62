// Early-warning rules scored against the churn that followed them: each observation is one active
// customer at one replay date, with the rules that fired then and whether (and how many days later)
// the customer churned within the horizon.

import type { RuleBacktest, SignalBacktest } from './types';

export interface BacktestObservation {
  fired: readonly string[];
  /** Days from the replay date to the churn; null = did not churn within the horizon. */
  churnInDays: number | null;
}

function median(v: number[]): number | null {
  if (!v.length) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * precision = churned fires / fires; recall = churned observations with a fire / churned observations;
 * lift = precision / base rate; lead time = median days from a fire to the churn that followed it.
 */
export function summariseBacktest(ruleIds: readonly string[], obs: readonly BacktestObservation[], dates: string[], horizonDays: number): SignalBacktest {
  const churned = obs.filter((o) => o.churnInDays !== null).length;
  const baseRate = obs.length ? churned / obs.length : 0;
  const rules: RuleBacktest[] = ruleIds.map((ruleId) => {
    let fires = 0;
    let hits = 0;
    const leads: number[] = [];
    for (const o of obs) {
      if (!o.fired.includes(ruleId)) continue;
      fires += 1;
      if (o.churnInDays !== null) {
        hits += 1;
        leads.push(o.churnInDays);
      }
    }
    const precision = fires ? hits / fires : null;
    return {
      ruleId,
      fires,
      precision,
      recall: churned ? hits / churned : null,
      lift: precision !== null && baseRate > 0 ? precision / baseRate : null,
      medianLeadDays: median(leads),
    };
  });
  return { dates, horizonDays, observations: obs.length, churned, baseRate, rules };
}
