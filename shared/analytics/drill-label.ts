// Words for a drill target and a segment id, shared by the dashboard (the table's filter chip) and
// the engine (an exported table's title lines), so both say the same.
import type { TFunction } from 'i18next';
import type { DiagnosticRunResult } from './run-result';
import type { DrillTarget } from './drill';

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
