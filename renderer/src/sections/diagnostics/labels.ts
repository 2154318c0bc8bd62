import type { TFunction } from 'i18next';
import {
  metricDefinition,
  signedText,
  unsignedZeroPercent,
  type AbsentReason,
  type DiagnosticRunResult,
  type DrillTarget,
  type MetricId,
} from '../../../../shared/analytics';
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
  // The sign follows what is shown, not the raw value (shared/analytics/change-tone.ts).
  const sign = signedText;
  return {
    pct: (v, decimals = 1) => formatValue(unsignedZeroPercent(v, decimals), 'percent', { locale, decimals }),
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
        value:
          target.value === null ? t('analytics:breakdown.notSet') : target.attribute === 'tier' ? t(`analytics:tiers.names.${target.value}`) : target.value,
      });
    case 'customerAttribute':
      return t('analytics:ui.drill.attribute', { attribute: target.name, value: target.value === null ? t('analytics:breakdown.notSet') : target.value });
  }
}
