import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { featureLabel } from '../../../../shared/churn/labels';
import type { ChurnRun } from '../../../../shared/churn/types';
import { useNamespacedT } from './format';

const SHOWN = 12;

/** Odds ratios with intervals (logistic) or permutation importance (trees), strongest first as stored. */
export function DriversCard({ run }: { run: ChurnRun }) {
  const { t } = useTranslation('churn');
  const nt = useNamespacedT().t;
  const [all, setAll] = useState(false);
  const kind = run.drivers[0]?.kind ?? (run.params.model === 'gbt' ? 'permutation' : 'odds-ratio');
  const rows = all ? run.drivers : run.drivers.slice(0, SHOWN);
  return (
    <section className="card" data-testid="churn-drivers">
      <h2>
        {t('drivers.heading')} — {t(`drivers.${kind}`)}
      </h2>
      <p className="muted small">{kind === 'odds-ratio' ? t('ui.drivers.orNote') : t('ui.drivers.permNote')}</p>
      <table className="table compact">
        <thead>
          <tr>
            <th>{t('ui.drivers.feature')}</th>
            <th className="num">{t('ui.drivers.value')}</th>
            <th className="num">{t('ui.drivers.interval')}</th>
            <th>{t('ui.drivers.direction')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} data-testid="churn-driver-row">
              <td>{featureLabel(d, nt)}</td>
              <td className="num">{d.value.toFixed(3)}</td>
              <td className="num">{d.low !== null && d.high !== null ? `[${d.low.toFixed(2)}, ${d.high.toFixed(2)}]` : '–'}</td>
              <td>
                <span className={`badge churn-dir-${d.direction > 0 ? 'up' : d.direction < 0 ? 'down' : 'unclear'}`}>
                  {d.direction > 0 ? t('drivers.up') : d.direction < 0 ? t('drivers.down') : t('drivers.unclear')}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {run.drivers.length > SHOWN && (
        <button className="btn btn-link" onClick={() => setAll((v) => !v)}>
          {all ? t('ui.drivers.less') : t('ui.drivers.more', { n: run.drivers.length })}
        </button>
      )}
      <details className="churn-feature-report">
        <summary>
          {t('ui.drivers.featureReport')}: {t('features.used')} {run.features.used.length} · {t('features.dropped')} {run.features.dropped.length}
        </summary>
        <ul className="small">
          {run.features.dropped.map((d) => (
            <li key={d.id}>
              {featureLabel(d, nt)} — {t(`features.reasons.${d.reason}`)}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
