// The action policy in words ("heavy signals, red health"), for run lines, the CLI and reports.
import type { TFunction } from 'i18next';
import { policySeverities, type ActionPolicy } from './action-policy';

export function policyWhich(p: ActionPolicy, t: TFunction): string {
  const parts = policySeverities(p).map((s) => t(`triage:policy.signals.${s}`));
  if (p.redScore) parts.push(t('triage:policy.redScore'));
  return parts.length ? parts.join(t('triage:policy.and')) : t('triage:policy.nothing');
}
