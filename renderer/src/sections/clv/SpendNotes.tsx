import { useTranslation } from 'react-i18next';
import type { ClvRun } from '../../../../shared/clv/types';
import { useMoney } from '../../app/money';

/** Zero and negative spend: why they are not purchases, and how many customer-days and customers that concerns. */
export function SpendNotes({ run }: { run: ClvRun }) {
  const { t } = useTranslation('clv');
  const money = useMoney();
  const x = run.result.exclusions;
  const lines = [
    x.zeroAmountLines > 0 && t('exclusions.zero', { count: x.zeroAmountLines }),
    x.negativeAmountLines > 0 && t('exclusions.negative', { count: x.negativeAmountLines, amount: money(x.negativeAmount) }),
    x.customersWithoutPositiveOccasion > 0 && t('exclusions.withoutPositive', { count: x.customersWithoutPositiveOccasion }),
    run.result.spendExcluded > 0 && t('exclusions.spendExcluded', { count: run.result.spendExcluded }),
  ].filter((l): l is string => typeof l === 'string');
  return (
    <section className="card" data-testid="clv-spend-notes">
      <h2>{t('ui.spendNotes.heading')}</h2>
      <p className="small">{t('ui.spendNotes.why')}</p>
      {lines.length > 0 ? (
        <ul className="small clv-notes">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('ui.spendNotes.none')}</p>
      )}
    </section>
  );
}
