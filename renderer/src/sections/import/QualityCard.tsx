import { useTranslation } from 'react-i18next';
import type { EntityQuality } from '../../../../shared/import/batch';
import { useWorkbench } from '../../app/context';

/** Data quality per entity over the whole engagement: rows, date range, and the gaps worth a look. */
export function QualityCard({ quality }: { quality: EntityQuality[] }) {
  const { t } = useTranslation('import');
  const { locale } = useWorkbench();
  const shown = quality.filter((q) => q.rows > 0 || q.batches > 0);
  const n = (v: number | null) => (v === null ? t('quality.empty') : v.toLocaleString(locale));
  if (shown.length === 0) return null;
  return (
    <div className="card" data-testid="import-quality">
      <h2>{t('quality.title')}</h2>
      <table className="table imp-quality">
        <thead>
          <tr>
            <th>{t('quality.entity')}</th>
            <th className="num">{t('quality.rows')}</th>
            <th>{t('quality.dateRange')}</th>
            <th className="num">{t('quality.batches')}</th>
            <th className="num">{t('quality.rejects')}</th>
            <th className="num">{t('quality.unknownCustomers')}</th>
            <th className="num">{t('quality.customersWithoutOrders')}</th>
            <th className="num">{t('quality.createdFromOrders')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((q) => (
            <tr key={q.entity}>
              <td>
                {t(`entities.${q.entity}`)}
                {q.distinctOrders !== null ? (
                  <span className="muted small">
                    {' '}
                    · {t('quality.distinctOrders')} {n(q.distinctOrders)}
                  </span>
                ) : null}
              </td>
              <td className="num">{n(q.rows)}</td>
              <td className="nowrap">{q.dateMin ? `${q.dateMin} – ${q.dateMax}` : t('quality.empty')}</td>
              <td className="num">{n(q.batches)}</td>
              <td className="num">{n(q.rejects)}</td>
              <td className="num">{n(q.unknownCustomers)}</td>
              <td className="num">{q.entity === 'customers' ? n(q.customersWithoutOrders) : t('quality.empty')}</td>
              <td className="num">{n(q.createdFromOrders)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
