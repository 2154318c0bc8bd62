import type { TFunction } from 'i18next';
import type { ActionPolicy } from '../../../../../shared/health/action-policy';
import { policyWhich } from '../../../../../shared/health/action-policy-text';

/** "Opens actions: heavy signals, red health": the policy a run applied, for its parameter line. */
export function actionPolicyLine(t: TFunction, policy: ActionPolicy): string {
  return t('triage:policy.summary', { which: policyWhich(policy, t) });
}
