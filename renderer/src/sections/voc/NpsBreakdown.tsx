import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VocGroupRow } from '../../../../shared/voc/breakdown';
import type { VocRespondent, VocSummary } from '../../../../shared/voc/types';
import { useWorkbench } from '../../app/context';
import { NPS_MIN_RESPONSES } from '../../../../shared/voc/nps';
import { dimensionLabel, f1, interval } from './format';
import { buildNpsTrendChart } from '../../../../shared/charts/nps';
import { Chart } from '../../components/Chart';
import { CustomerLink } from '../../app/CustomerLink';

interface Props {
  summary: VocSummary;
  onGrain(grain: VocSummary['grain']): void;
  onDimension(id: string): void;
}

/** NPS and CSAT per period and per dimension value; each row opens onto the customers behind it. */
export function NpsBreakdown({ summary, onGrain, onDimension }: Props) {
  const { t } = useTranslation('voc');
  const wb = useWorkbench();
  const tt = (key: string, p: Record<string, string> = {}) => String(t(key, p));
  const [open, setOpen] = useState<{ label: string; total: number; rows: VocRespondent[] } | null>(null);
  const trend = useMemo(() => buildNpsTrendChart(summary.byPeriod, { nps: 'NPS', interval: t('summary.interval'), csat: 'CSAT %' }), [summary.byPeriod, t]);

  const show = async (label: string, args: Parameters<(typeof wb.api)['voc.respondents']>[0]) => {
    try {
      const r = await wb.api['voc.respondents'](args);
      setOpen({ label, total: r.total, rows: r.rows });
    } catch (e) {
      wb.reportError(e);
    }
  };

  const table = (rows: VocGroupRow[], kind: 'period' | 'dimension') => (
    <table className="table voc-table" data-testid={`voc-by-${kind}`}>
      <thead>
        <tr>
          <th>{kind === 'period' ? t(`grain.${summary.grain}`) : dimensionLabel(summary.dimension, tt)}</th>
          <th className="num">{t('summary.responses')}</th>
          <th className="num">NPS</th>
          <th>{t('summary.interval')}</th>
          <th className="num">{t('summary.promoters')}</th>
          <th className="num">{t('summary.passives')}</th>
          <th className="num">{t('summary.detractors')}</th>
          <th className="num">CSAT</th>
          <th className="num">{t('summary.responseRate')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const label = r.key || t('summary.noValue');
          return (
            <tr key={r.key} className={r.nps.thin ? 'voc-thin' : ''}>
              <td>{label}</td>
              <td className="num">{r.nps.responses}</td>
              <td className="num">
                <strong>{f1(r.nps.nps)}</strong>
                {r.nps.thin ? ' *' : ''}
              </td>
              <td className="muted small nowrap">{interval(r.nps)}</td>
              <td className="num">{r.nps.promoters}</td>
              <td className="num">{r.nps.passives}</td>
              <td className="num">{r.nps.detractors}</td>
              <td className="num">{f1(r.csat.csat)}%</td>
              <td className="num">
                {f1(r.responseRate)}%{' '}
                <span className="muted small">
                  ({r.respondents}/{r.base})
                </span>
              </td>
              <td>
                <button
                  className="btn btn-ghost small"
                  onClick={() =>
                    show(
                      label,
                      kind === 'period'
                        ? { scope: summary.scope, period: { grain: summary.grain, key: r.key } }
                        : { scope: summary.scope, dimension: { id: summary.dimension, value: r.key } },
                    )
                  }
                >
                  {t('summary.showCustomers')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );

  return (
    <section className="card" data-testid="voc-breakdown">
      <div className="card-header">
        <h3>{t('summary.byPeriod')}</h3>
        <select value={summary.grain} onChange={(e) => onGrain(e.target.value as VocSummary['grain'])} data-testid="voc-grain">
          {(['month', 'quarter', 'year'] as const).map((g) => (
            <option key={g} value={g}>
              {t(`grain.${g}`)}
            </option>
          ))}
        </select>
      </div>
      <Chart option={trend} height={260} testId="voc-trend" />
      {table(summary.byPeriod, 'period')}
      <div className="card-header voc-subheader">
        <h3>{t('summary.byDimension')}</h3>
        <select value={summary.dimension} onChange={(e) => onDimension(e.target.value)} data-testid="voc-dimension">
          {summary.dimensions.map((d) => (
            <option key={d.id} value={d.id}>
              {dimensionLabel(d.id, tt)}
            </option>
          ))}
        </select>
      </div>
      {table(summary.byDimension, 'dimension')}
      <p className="muted small">
        * {t('summary.thin', { min: NPS_MIN_RESPONSES })} {summary.dimension === 'tier' && summary.tierRunId === null ? t('summary.tierNoRun') : ''}
      </p>
      <p className="muted small">{t('formula.responseRate')}</p>
      {open && (
        <div className="voc-respondents" data-testid="voc-respondents">
          <div className="card-header">
            <h4>{t('summary.respondentsOf', { label: open.label, total: open.total })}</h4>
            <button className="btn btn-ghost" onClick={() => setOpen(null)}>
              ×
            </button>
          </div>
          <table className="table">
            <thead>
              <tr>
                <th>{t('summary.customers')}</th>
                <th className="num">{t('summary.responses')}</th>
                <th>{t('summary.lastAnswer')}</th>
                <th className="num">NPS</th>
                <th className="num">CSAT</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {open.rows.map((r) => (
                <tr key={r.customerKey}>
                  <td>
                    <CustomerLink customerKey={r.customerKey}>{r.name}</CustomerLink> <span className="muted small">{r.customerKey}</span>
                  </td>
                  <td className="num">{r.answers}</td>
                  <td className="nowrap">{r.lastDate}</td>
                  <td className="num">{r.lastNps ?? '–'}</td>
                  <td className="num">{r.lastCsat ?? '–'}</td>
                  <td className="small">{r.lastComment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
