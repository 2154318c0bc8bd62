import { useTranslation } from 'react-i18next';
import { intervalsWithheld } from '../../../../shared/clv/intervals';
import type { ClvRun } from '../../../../shared/clv/types';
import { pct, range } from './format';
import { useMoney } from '../../app/money';

/** The book's value over the horizon with its own interval, and the formula and denominator behind it. */
export function BookValue({ run }: { run: ClvRun }) {
  const { t, i18n } = useTranslation('clv');
  const r = run.result;
  const locale = i18n.language;
  const money = useMoney();
  const withheld = intervalsWithheld(r);
  const book = r.intervals?.clv ?? null;
  const purchases = r.intervals?.expectedPurchases ?? null;
  return (
    <section className="card" data-testid="clv-book">
      <h2>{t('ui.book.heading')}</h2>
      <div className="kpi-grid">
        <div className="kpi" data-testid="clv-book-value">
          <div className="kpi-label">{t('ui.book.value', { months: r.horizonMonths })}</div>
          <div className="kpi-value">{money(r.totals.clv)}</div>
          <div className="muted small">{book ? `95%: ${range(book.low, book.high, (v) => money(v))}` : ''}</div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('ui.book.purchases')}</div>
          <div className="kpi-value">{Math.round(r.totals.expectedPurchases).toLocaleString(locale)}</div>
          <div className="muted small">{purchases ? `95%: ${range(purchases.low, purchases.high, (v) => Math.round(v).toLocaleString(locale))}` : ''}</div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('ui.book.meanAlive')}</div>
          <div className="kpi-value">{pct(r.totals.meanPAlive)}</div>
          <div className="muted small">{r.asOf}</div>
        </div>
      </div>
      {r.totals.clv === null ? (
        <p className="muted small">{t('ui.book.noSpend')}</p>
      ) : (
        <p className="muted small">{t('ui.book.formula', { discount: (r.discount * 100).toFixed(1), customers: r.customers.toLocaleString(locale) })}</p>
      )}
      <p className="muted small" data-testid="clv-interval-note">
        {withheld ? t(`intervals.withheld.${withheld}`) : t('intervals.note')}
      </p>
    </section>
  );
}
