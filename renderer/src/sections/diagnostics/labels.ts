import type { TFunction } from 'i18next';
import { metricDefinition, type AbsentReason, type DiagnosticRunResult, type DrillTarget, type MetricId } from '../../../../shared/analytics';
import type { Locale } from '../../../../shared/errors';
import { formatValue } from '../../../../shared/reports/format';

/** "Name / Formula / Denominator" for a title tooltip, from the one definition in formulas.ts. */
export function metricTitle(t: TFunction, id: MetricId): string {
  const d = metricDefinition(id);
  const name = t(d.nameKey);
  const formula = t(d.formulaKey);
  return d.denominatorKey
    ? t('analytics:ui.formulaTitle', { name, formula, denominator: t(d.denominatorKey) })
    : t('analytics:ui.formulaTitleNoDen', { name, formula });
}

export function absentText(t: TFunction, reason: AbsentReason | null): string {
  return reason ? t(`analytics:absentReasons.${reason}`) : '';
}

export interface Fmt {
  pct(v: number | null | undefined, decimals?: number): string;
  int(v: number | null | undefined): string;
  money(v: number | null | undefined): string;
  /** Change of a rate in percentage points, signed. */
  pp(v: number | null): string;
  signedInt(v: number | null): string;
  signedMoney(v: number | null): string;
}

export function makeFmt(locale: Locale, currency: string): Fmt {
  // The sign follows what is shown, not the raw value: a change that rounds to zero reads ±0, never
  // "−0.0" or "+0.0" (a −0.00004 change printed as −0.0 pp looked like a loss).
  const sign = (v: number, s: string) => (/[1-9]/.test(s) ? (v > 0 ? `+${s}` : `−${s.replace('-', '')}`) : `±${s.replace('-', '')}`);
  // -0.00001 as a percentage with one decimal is "-0.0%": values that round to zero print as zero.
  const unsignedZero = (v: number | null | undefined, decimals: number) =>
    v === null || v === undefined ? null : Math.abs(v * 100) < 0.5 * 10 ** -decimals ? 0 : v;
  return {
    pct: (v, decimals = 1) => formatValue(unsignedZero(v, decimals), 'percent', { locale, decimals }),
    int: (v) => formatValue(v ?? null, 'integer', { locale }),
    money: (v) => formatValue(v ?? null, 'currency', { locale, currency, decimals: 0 }),
    pp: (v) => (v === null ? '—' : sign(v, formatValue(Math.abs(v) * 100, 'number', { locale, decimals: 1 }))),
    signedInt: (v) => (v === null ? '—' : sign(v, formatValue(Math.abs(v), 'integer', { locale }))),
    signedMoney: (v) => (v === null ? '—' : sign(v, formatValue(Math.abs(v), 'currency', { locale, currency, decimals: 0 }))),
  };
}

export function segmentLabel(t: TFunction, id: string): string {
  return t(`analytics:rfm.valueGroups.${id}`, { defaultValue: t(`analytics:rfm.segments.${id}`, { defaultValue: id }) });
}

/** Words for the active drill filter, e.g. "批次 2025-11 第 1 期（当期在购）". */
export function drillLabel(t: TFunction, target: DrillTarget, run: DiagnosticRunResult): string {
  switch (target.kind) {
    case 'cohort':
      return t('analytics:ui.drill.cohort', { cohort: target.cohort, offset: target.offset, measure: t(`analytics:cohortMeasures.${target.measure}`) });
    case 'status':
      return t('analytics:ui.drill.status', {
        period: run.retention[target.period]?.period.key ?? '',
        status: t(`analytics:retentionStatuses.${target.status}`),
      });
    case 'segment':
      return t('analytics:ui.drill.segment', { segment: segmentLabel(t, target.segment) });
    case 'movement':
      return t('analytics:ui.drill.movement', { from: segmentLabel(t, target.from), to: segmentLabel(t, target.to) });
    case 'tier':
      return t('analytics:ui.drill.tier', { tier: t(`analytics:tiers.names.${target.tier}`) });
    case 'stage':
      return t('analytics:ui.drill.stage', { stage: t(`analytics:lifecycle.stages.${target.stage}`) });
    case 'attribute':
      return t('analytics:ui.drill.attribute', {
        attribute: t(`analytics:breakdown.attributes.${target.attribute}`),
        value: target.value === null ? t('analytics:breakdown.notSet') : target.attribute === 'tier' ? t(`analytics:tiers.names.${target.value}`) : target.value,
      });
  }
}

/**
 * Whether more of a thing is good news (+1) or bad news (−1); ids not listed are neither. Colours
 * follow good/bad, not the sign: fewer churned customers reads green.
 */
const MORE_IS: Readonly<Record<string, 1 | -1>> = {
  retentionRate: 1, churnRate: -1, grr: 1, nrr: 1, activeCustomers: 1, revenue: 1,
  highValueLoyal: 1, potentialNurture: 1, dormantReactivate: -1,
  strategic: 1, core: 1, potential: 1,
  new: 1, growing: 1, mature: 1, atRisk: -1, churned: -1,
};

/**
 * The colour class of a change: 'flat' when it prints as ±0 (under 0.05 pp for a rate, half a unit
 * otherwise), 'neutral' for a thing that is neither good nor bad, else 'good' or 'bad'.
 */
export function changeTone(id: string, delta: number | null, isRate: boolean): 'flat' | 'neutral' | 'good' | 'bad' {
  if (delta === null || Math.abs(delta) < (isRate ? 0.0005 : 0.5)) return 'flat';
  const more = MORE_IS[id] ?? 0;
  return more === 0 ? 'neutral' : (delta > 0) === (more > 0) ? 'good' : 'bad';
}
