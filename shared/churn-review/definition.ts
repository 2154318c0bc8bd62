import type { ChurnDefinition } from './types';

/** The sentence that says what counted as churn in a review (CLI, section and report share it). */
export function reviewDefinitionText(d: ChurnDefinition, t: (key: string, params?: Record<string, string | number>) => string): string {
  return d.kind === 'recorded'
    ? t('review.definition.recorded')
    : t('review.definition.activity', { window: d.windowDays, run: d.diagnosticRunId, asOf: d.asOf });
}
