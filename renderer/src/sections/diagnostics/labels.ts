import type { TFunction } from 'i18next';
import { metricDefinition, signedText, unsignedZeroPercent, type AbsentReason, type MetricId } from '../../../../shared/analytics';
import type { Locale } from '../../../../shared/errors';
import { formatValue } from '../../../../shared/reports/format';
import { formatAmount, type NumberScale } from '../../../../shared/display/numbers';

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

/** `scale` 'wan': amounts in 万/亿 (the engagement's setting); counts and rates stay in full. */
export function makeFmt(locale: Locale, currency: string, scale: NumberScale = 'full'): Fmt {
  // The sign follows what is shown, not the raw value (shared/analytics/change-tone.ts).
  const sign = signedText;
  return {
    pct: (v, decimals = 1) => formatValue(unsignedZeroPercent(v, decimals), 'percent', { locale, decimals }),
    int: (v) => formatValue(v ?? null, 'integer', { locale }),
    money: (v) => (scale === 'wan' ? formatAmount(v, { locale, currency, scale }) : formatValue(v ?? null, 'currency', { locale, currency, decimals: 0 })),
    pp: (v) => (v === null ? '—' : sign(v, formatValue(Math.abs(v) * 100, 'number', { locale, decimals: 1 }))),
    signedInt: (v) => (v === null ? '—' : sign(v, formatValue(Math.abs(v), 'integer', { locale }))),
    signedMoney: (v) =>
      v === null
        ? '—'
        : sign(
            v,
            scale === 'wan' ? formatAmount(Math.abs(v), { locale, currency, scale }) : formatValue(Math.abs(v), 'currency', { locale, currency, decimals: 0 }),
          ),
  };
}

// Shared with the engine (an exported table's title names the drill the same way).
export { drillLabel, segmentLabel } from '../../../../shared/analytics/drill-label';
