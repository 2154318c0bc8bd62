import { useTranslation } from 'react-i18next';
import type { SignalRuleCount } from '../../../../shared/params/preview';

/**
 * A rule's alert budget as the threshold is tuned: customers it would fire for (beside the health
 * run's rules), and what that does to the inbox: new alerts the next run would open, open ones it would resolve.
 */
export function AlertBudget({ ruleId, count, int }: { ruleId: string; count: SignalRuleCount; int: (n: number) => string }) {
  const { t } = useTranslation('params');
  if (!count.enabled) {
    return (
      <span className="muted" data-testid={`params-fire-${ruleId}`}>
        {t('ui.budget.disabled', { open: int(count.open) })}
      </span>
    );
  }
  return (
    <div data-testid={`params-budget-${ruleId}`}>
      <div className={count.now !== count.was ? 'pm-changed' : undefined} data-testid={`params-fire-${ruleId}`}>
        {t('ui.signals.fireCell', { now: int(count.now), was: int(count.was) })}
      </div>
      <div className="small muted" data-testid={`params-budget-${ruleId}-inbox`}>
        {t('ui.budget.inbox', { added: int(count.added), resolved: int(count.resolved), open: int(count.open) })}
      </div>
    </div>
  );
}
