import type { TFunction } from 'i18next';
import { policySeverities, type ActionPolicy } from '../../../../../shared/health/action-policy';

/** "Opens actions: heavy signals, red health": the policy a run applied, for its parameter line. */
export function actionPolicyLine(t: TFunction, policy: ActionPolicy): string {
  const parts = policySeverities(policy).map((s) => t(`triage:policy.signals.${s}`));
  if (policy.redScore) parts.push(t('triage:policy.redScore'));
  return t('triage:policy.summary', { which: parts.length ? parts.join(t('triage:policy.and')) : t('triage:policy.nothing') });
}
