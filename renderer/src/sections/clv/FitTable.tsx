import { useTranslation } from 'react-i18next';
import type { ModelFitResult } from '../../../../shared/clv/fit';
import { sig } from './format';

/** One fit: its status in plain words, then each parameter with its standard error and 95% interval. */
export function FitTable({ title, fit, testId }: { title: string; fit: ModelFitResult; testId?: string }) {
  const { t } = useTranslation('clv');
  const reason = fit.reason ? t(`reason.${fit.reason}`) : '';
  return (
    <div className="clv-fit-table" data-testid={testId}>
      <h3>{title}</h3>
      <p className={`clv-status ${fit.status === 'converged' ? 'ok' : 'warn'}`} data-status={fit.status}>
        {t(`status.${fit.status}`, { parameter: fit.parameter ?? '', reason })}
      </p>
      {fit.parameters.length > 0 && (
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('fit.parameter')}</th>
              <th className="num">{t('fit.value')}</th>
              <th className="num">{t('fit.se')}</th>
              <th className="num">{t('fit.interval')}</th>
            </tr>
          </thead>
          <tbody>
            {fit.parameters.map((p) => (
              <tr key={p.name}>
                <td>{p.name}</td>
                <td className="num">{sig(p.value, 5)}</td>
                <td className="num">{sig(p.se)}</td>
                <td className="num">{p.low === null ? '–' : `${sig(p.low)} – ${sig(p.high)}`}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>{t('fit.logLikelihood')}</td>
              <td className="num">{fit.logLikelihood?.toFixed(2) ?? '–'}</td>
              <td className="num muted" colSpan={2}>
                {t('ui.evaluation.observations', { n: fit.observations })}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </div>
  );
}
