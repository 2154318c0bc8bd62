import type { FindingRunRef, FindingsInput, GroupSummary, Localised, NpsSummary } from '../../../shared/findings/types';
import type { Locale } from '../../../shared/errors';
import { createTranslator } from '../../../shared/i18n/translate';
import { vocByPeriod } from '../../../shared/voc/breakdown';
import type { NpsFigure } from '../../../shared/voc/nps';
import { readResponses } from '../voc/inputs-sql';
import { loadThemeRun } from '../voc/themes-run';
import { loadChurnReview } from '../churn-review/review';
import { traitLabel } from '../reports/sections/churn-review';
import type { DiagnosticRunResult } from '../../../shared/analytics/run-result';
import { completePeriodKeys } from '../../../shared/findings/complete-period';
import { loadRun } from '../diagnostics/runs-repo';
import { overview } from '../health/queries';
import { latestChurnRunId, loadChurnRun } from '../churn/store';
import { latestClvRunId, loadClvRun } from '../clv/store';
import { countFitUnidentified } from '../../../shared/clv/diagnostics';
import type { ReadableDB } from '../workspace/connection';
import type { ReportRuns } from '../reports/run-choice';

// What the findings engine reads, copied from the runs as stored: the diagnostic and health runs the
// report quotes (run-choice.ts), the latest churn-model, lifetime-value, theme run and churn review,
// and NPS by quarter from the survey answers as the 客户之声 section computes it. Nothing is
// recomputed here but sums over stored per-customer rows (churn scores, CLV customers).

const PERIODS_PER_YEAR = { month: 12, quarter: 4, year: 1 } as const;

function diagnosticInput(sqlite: ReadableDB, runId: number): FindingsInput['diagnostic'] {
  const run = loadRun(sqlite, runId);
  if (!run) return null;
  const r: DiagnosticRunResult = run.results;
  const kpi = r.kpis.retentionRate;
  const byKey = (key: string | null) => (key ? r.retention.find((p) => p.period.key === key) : undefined);
  const pick = (key: string | null) => {
    const p = byKey(key);
    return p ? { periodKey: p.period.key, start: p.start, retained: p.retained, lost: p.lost, retentionRate: p.retentionRate.value } : null;
  };
  // Trailing revenue: the last year's periods of the run's own revenue series.
  const revenue12m = r.revenue.slice(-PERIODS_PER_YEAR[r.grain]).reduce((s, p) => s + p.revenue, 0);
  const rr = r.revenueRetention;
  const nrrKpi = r.kpis.nrr;
  // A partial latest period (the as-of date inside it) is not quoted: the last complete one is.
  const quoted = completePeriodKeys(r.retention, kpi);
  const quotedRr = completePeriodKeys(rr ?? [], nrrKpi);
  const lastRr =
    quotedRr.lastKey === null ? undefined : (rr?.find((p) => p.period.key === quotedRr.lastKey) ?? (nrrKpi.partial ? undefined : rr?.[rr.length - 1]));
  const previousRr = quotedRr.previousKey === null ? undefined : rr?.find((p) => p.period.key === quotedRr.previousKey);
  const breakdowns = r.breakdowns.map((b) => ({
    attribute: b.attribute as string,
    groups: b.groups.map((g): GroupSummary => ({
      value: g.value,
      customers: g.customers,
      start: g.retention.start,
      retained: g.retention.retained,
      lost: g.retention.lost,
      retentionRate: g.retention.retentionRate.value,
      nrr: g.nrr?.value ?? null,
      revenue12m: g.revenue12m,
    })),
  }));
  return {
    run: { kind: 'diagnostic', id: run.id, asOf: run.asOf },
    grain: r.grain,
    customers: r.customers,
    revenue12m,
    last: pick(quoted.lastKey),
    previous: pick(quoted.previousKey),
    revenue: lastRr
      ? {
          periodKey: lastRr.period.key,
          nrr: lastRr.nrr.value,
          grr: lastRr.grr.value,
          previousNrr: previousRr?.nrr.value ?? null,
          startMrr: lastRr.startMrr,
          churnMrr: lastRr.movements.churn,
          contractionMrr: lastRr.movements.contraction,
          customers: lastRr.startCustomers,
        }
      : null,
    breakdowns,
  };
}

function healthInput(sqlite: ReadableDB, runId: number, now: string): FindingsInput['health'] {
  const o = overview(sqlite, runId, now);
  if (!o.run || !o.model) return null;
  const at = o.history.findIndex((h) => h.runId === o.run?.id);
  const prev = at > 0 ? o.history[at - 1] : undefined;
  return {
    run: { kind: 'health', id: o.run.id, asOf: o.run.asOf },
    customers: o.run.customers,
    red: o.run.bands.red,
    previousRed: prev ? prev.red : null,
    previousAsOf: prev ? prev.asOf : null,
    redMax: o.model.bands.redMax,
    byTier: o.byTier.map((g) => ({ group: g.group, red: g.red, scored: g.red + g.yellow + g.green })),
  };
}

function churnInput(sqlite: ReadableDB): FindingsInput['churn'] {
  const id = latestChurnRunId(sqlite);
  if (id === null) return null;
  const run = loadChurnRun(sqlite, id);
  const sums = sqlite
    .prepare(
      `select count(*) as customers, coalesce(sum(revenue_12m), 0) as scoredRevenue, coalesce(sum(revenue_at_stake), 0) as atStake
         from churn_score where run_id = ?`,
    )
    .get(id) as { customers: number; scoredRevenue: number; atStake: number };
  const driver = run.drivers.find((d) => d.direction > 0) ?? null;
  const ref: FindingRunRef = { kind: 'churn', id, asOf: run.scoredAsOf };
  return {
    run: ref,
    status: run.status,
    rocAuc: run.rocAuc,
    customers: sums.customers,
    scoredRevenue: sums.scoredRevenue,
    atStake: sums.atStake,
    topDriver: driver ? { key: driver.key, ...(driver.params ? { params: driver.params } : {}) } : null,
  };
}

function clvInput(sqlite: ReadableDB): FindingsInput['clv'] {
  const id = latestClvRunId(sqlite);
  if (id === null) return null;
  const run = loadClvRun(sqlite, id);
  const repeat = (sqlite.prepare(`select count(*) as n from clv_customer where run_id = ? and frequency >= 1`).get(id) as { n: number }).n;
  // A count fit at a boundary / flat likelihood is not identified (stored runs may still say "caution"):
  // its P(alive) is no basis for a dormant count, so no finding is drawn from it.
  const unidentified = countFitUnidentified(run.status);
  const verdict = unidentified ? 'unsuitable' : run.verdict;
  if (repeat === 0 || unidentified)
    return { run: { kind: 'clv', id, asOf: run.asOf }, customers: run.customers, dormant: 0, dormantSpend: 0, totalClv: run.totalClv ?? 0, verdict };
  const median = (
    sqlite
      .prepare(`select monetary as m from clv_customer where run_id = ? and frequency >= 1 order by monetary limit 1 offset ?`)
      .get(id, Math.floor((repeat - 1) / 2)) as { m: number }
  ).m;
  const d = sqlite
    .prepare(
      `select count(*) as n, coalesce(sum(monetary * (frequency + 1)), 0) as spend
         from clv_customer where run_id = ? and frequency >= 1 and p_alive < 0.5 and monetary > ?`,
    )
    .get(id, median) as { n: number; spend: number };
  return { run: { kind: 'clv', id, asOf: run.asOf }, customers: run.customers, dormant: d.n, dormantSpend: d.spend, totalClv: run.totalClv ?? 0, verdict };
}

/** The grain of the 客户之声 report section's period table, so a finding quotes a row the reader can find there. */
const VOC_GRAIN = 'quarter';

function npsSummary(n: NpsFigure): NpsSummary | null {
  if (n.nps === null || n.low === null || n.high === null || n.se === null) return null;
  return { nps: n.nps, low: n.low, high: n.high, se: n.se, responses: n.responses, promoters: n.promoters, passives: n.passives, detractors: n.detractors };
}

function vocInput(sqlite: ReadableDB): FindingsInput['voc'] {
  const responses = readResponses(sqlite, { from: null, to: null });
  // NPS does not depend on the customer base (only the response rate does): no customers are read.
  const periods = vocByPeriod(responses, [], VOC_GRAIN).flatMap((p) => {
    const nps = npsSummary(p.nps);
    return nps ? [{ periodKey: p.key, nps }] : [];
  });
  const run = loadThemeRun(sqlite, null);
  const scored = responses.filter((r) => r.nps !== null);
  if (periods.length === 0 && !run) return null;
  const overall = run ? npsSummary(run.nps) : null;
  const top = run?.analysis.themes.find((t) => t.npsEffect !== null && t.npsEffect > 0 && t.npsIfPassive !== null);
  return {
    grain: VOC_GRAIN,
    run: { kind: 'surveys', id: scored.length, asOf: scored.length ? (scored[scored.length - 1]?.date ?? '') : '' },
    last: periods[periods.length - 1] ?? null,
    previous: periods[periods.length - 2] ?? null,
    themes:
      run && overall
        ? {
            run: { kind: 'voc', id: run.id, asOf: run.createdAt.slice(0, 10) },
            overall,
            top:
              top && top.npsEffect !== null && top.npsIfPassive !== null
                ? {
                    id: top.id,
                    name: top.name,
                    comments: top.comments,
                    detractors: top.detractors,
                    customers: top.customers,
                    npsIfPassive: top.npsIfPassive,
                    npsEffect: top.npsEffect,
                  }
                : null,
          }
        : null,
  };
}

// Owners are people: never a headline (as the segment findings).
const TRAIT_DIMENSIONS_SKIPPED = new Set(['owner']);

function churnReviewInput(sqlite: ReadableDB): FindingsInput['churnReview'] {
  const review = loadChurnReview(sqlite, null);
  if (!review) return null;
  const translators = { 'zh-CN': createTranslator('zh-CN'), en: createTranslator('en') } as const;
  const label = (row: (typeof review.traits.rows)[number]): Localised => {
    const out = {} as Localised;
    for (const l of ['zh-CN', 'en'] as const satisfies readonly Locale[]) {
      const t = translators[l];
      const named = row.dimension === 'tier' ? { ...row, value: String(t(`analytics:tiers.names.${row.value}`, { defaultValue: row.value })) } : row;
      out[l] = traitLabel(
        named,
        (key) => String(t(`voc:${key}`)),
        (id) => review.themeNames[id]?.[l] ?? id,
        (id) => String(t(`health:signals.${id}.name`, { defaultValue: id })),
      );
    }
    return out;
  };
  return {
    run: { kind: 'churnReview', id: review.id, asOf: review.createdAt.slice(0, 10) },
    period: review.params.period,
    onBook: review.onBook,
    churnedCount: review.churnedCount,
    churnRatePct: review.churnRatePct,
    lostRevenue: review.lostRevenue,
    minSupport: review.traits.minSupport,
    traitChurned: review.traits.churned,
    traitRetained: review.traits.retained,
    traits: review.traits.rows
      .filter((r) => !TRAIT_DIMENSIONS_SKIPPED.has(r.dimension) && r.lift > 1)
      .map((r) => ({
        dimension: r.dimension,
        value: r.value,
        label: label(r),
        churnedWith: r.churnedWith,
        retainedWith: r.retainedWith,
        lift: r.lift,
        churnRateWith: r.churnRateWith,
        churnRateOverall: r.churnRateOverall,
        q: r.q,
      })),
  };
}

export function findingsInput(sqlite: ReadableDB, runs: ReportRuns, currency: string, now: string): FindingsInput {
  return {
    currency,
    diagnostic: runs.diagnostic ? diagnosticInput(sqlite, runs.diagnostic.id) : null,
    health: runs.health ? healthInput(sqlite, runs.health.id, now) : null,
    churn: churnInput(sqlite),
    clv: clvInput(sqlite),
    voc: vocInput(sqlite),
    churnReview: churnReviewInput(sqlite),
  };
}
