// Words for a CLV breakdown's groups, shared by the 客户价值 section, rwb clv and the report so the
// three name a band, a segment or a tier the same way.
import type { TFunction } from 'i18next';
import { segmentLabel } from '../analytics/drill-label';
import type { AliveBand, BreakdownGroup, ValueBand } from './breakdown';

export function valueBandLabel(b: ValueBand, money: (v: number) => string): string {
  return b.high === null ? `≥ ${money(b.low)}` : `${money(b.low)} – ${money(b.high)}`;
}

export function aliveBandLabel(b: AliveBand): string {
  const p = (v: number): string => `${Math.round(v * 100)}%`;
  if (b.low === 0 && b.high !== null) return `< ${p(b.high)}`;
  return b.high === null ? `≥ ${p(b.low)}` : `${p(b.low)} – ${p(b.high)}`;
}

export function segmentGroupLabel(t: TFunction, g: BreakdownGroup): string {
  return g.key === null ? t('clv:breakdown.groups.notInRun') : segmentLabel(t, g.key);
}

export function tierGroupLabel(t: TFunction, g: BreakdownGroup): string {
  return g.key === null ? t('clv:breakdown.groups.notInRun') : t(`analytics:tiers.names.${g.key}`, { defaultValue: g.key });
}
