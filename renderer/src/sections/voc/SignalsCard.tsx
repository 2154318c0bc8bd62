import { useTranslation } from 'react-i18next';
import type { VocThemeRun } from '../../../../shared/voc/types';
import { COMMUNICATION_KINDS } from '../../../../shared/voc/communication';
import { CustomerLink } from '../../app/CustomerLink';

const SHOWN = 12;

/** Competitor, decision-maker and complaint sentences found in notes and comments. */
export function SignalsCard({ run }: { run: VocThemeRun }) {
  const { t } = useTranslation('voc');
  const c = run.communication;
  return (
    <section className="card" data-testid="voc-signals">
      <h3>{t('signals.heading')}</h3>
      <div className="kpi-grid">
        {COMMUNICATION_KINDS.map((k) => (
          <div className="kpi" key={k}>
            <span className="kpi-label">{t(`signals.kind.${k}`)}</span>
            <span className="kpi-value">{c.counts[k]}</span>
            <span className="muted small">{t('signals.customers', { count: c.customers[k] })}</span>
          </div>
        ))}
      </div>
      <table className="table voc-table">
        <thead>
          <tr>
            <th>{t('signals.date')}</th>
            <th />
            <th>{t('summary.customers')}</th>
            <th>{t('signals.sentence')}</th>
          </tr>
        </thead>
        <tbody>
          {c.findings.slice(0, SHOWN).map((f) => (
            <tr key={`${f.source}-${f.rowId}-${f.kind}`}>
              <td className="nowrap small">{f.date}</td>
              <td className="nowrap">
                <span className={`badge voc-kind-${f.kind}`}>{t(`signals.kind.${f.kind}`)}</span>
              </td>
              <td className="nowrap">
                <CustomerLink customerKey={f.customerKey}>{f.customerKey}</CustomerLink>
              </td>
              <td>
                {f.sentence} <span className="muted small">「{f.term}」</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        {t('signals.latest', { count: Math.min(SHOWN, c.findings.length) })} · {t('signals.feedsRules')}
      </p>
    </section>
  );
}
