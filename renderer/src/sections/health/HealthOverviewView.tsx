import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildDistributionChart, buildTrendChart } from '../../../../shared/charts';
import type { BandGroup, HealthOverview } from '../../../../shared/contract/health';
import { trendOf } from '../../../../shared/health/score';
import { useWorkbench } from '../../app/context';
import { Chart } from '../../components/Chart';
import { formatInt } from '../../format';
import { ScorePill, SeverityBadge, TrendArrow } from './BandBadge';
import { fmtScore } from './labels';
import { ExportTableButton } from '../../components/ExportTableButton';

interface Props {
  overview: HealthOverview | null;
  onOpenCustomer(key: string): void;
  onGo(tab: string): void;
}

export function HealthOverviewView({ overview: o, onOpenCustomer, onGo }: Props) {
  const { t } = useTranslation('health');
  const wb = useWorkbench();
  const bandsChart = useMemo(() => {
    if (!o?.run) return null;
    const b = o.run.bands;
    return buildDistributionChart({
      kind: 'pie',
      seriesName: t('ui.overview.customers'),
      items: [
        { label: t('bands.red'), value: b.red, tone: 'red' as const },
        { label: t('bands.yellow'), value: b.yellow, tone: 'yellow' as const },
        { label: t('bands.green'), value: b.green, tone: 'green' as const },
        ...(b.none ? [{ label: t('bands.none'), value: b.none, tone: 'neutral' as const }] : []),
      ],
      unit: 'integer',
      locale: wb.locale,
    });
  }, [o, t, wb.locale]);
  const historyChart = useMemo(() => {
    if (!o || o.history.length < 2) return null;
    return buildTrendChart({
      categories: o.history.map((h) => `#${h.runId} ${h.asOf}`),
      series: [
        { name: t('bands.red'), kind: 'bar', values: o.history.map((h) => h.red) },
        { name: t('bands.yellow'), kind: 'bar', values: o.history.map((h) => h.yellow) },
        { name: t('bands.green'), kind: 'bar', values: o.history.map((h) => h.green) },
        { name: t('ui.overview.average'), kind: 'line', values: o.history.map((h) => h.average), axis: 'right', showLabels: true },
      ],
      leftAxis: { unit: 'integer', name: t('ui.overview.customers') },
      rightAxis: { unit: 'number', name: t('ui.overview.average'), min: 0, max: 100 },
      locale: wb.locale,
    });
  }, [o, t, wb.locale]);

  if (!o)
    return (
      <div className="card">
        <p className="muted">{t('ui.loading')}</p>
      </div>
    );
  if (!o.run)
    return (
      <div className="card">
        <p className="muted">{t('ui.overview.noRun')}</p>
      </div>
    );
  const run = o.run;
  const prev = o.previous;
  const delta = (now: number, before: number | undefined) =>
    before === undefined ? null : now - before === 0 ? '±0' : `${now - before > 0 ? '+' : ''}${now - before}`;
  const avgTrend = trendOf(o.averageScore, o.previousAverageScore, 0.5);
  const openSignals = o.signals.heavy + o.signals.medium + o.signals.light;

  return (
    <>
      <div className="kpi-grid health-kpis" data-testid="health-kpis">
        <div className="kpi">
          <span className="kpi-label">{t('ui.overview.average')}</span>
          <span className="kpi-value">
            {fmtScore(o.averageScore)} <TrendArrow trend={avgTrend} />
          </span>
          <span className="kpi-sub">{prev ? t('ui.overview.previous', { value: fmtScore(o.previousAverageScore) }) : t('ui.overview.firstRun')}</span>
        </div>
        {(['red', 'yellow', 'green'] as const).map((band) => (
          <div key={band} className={`kpi kpi-band band-${band}`}>
            <span className="kpi-label">{t(`bands.${band}`)}</span>
            <span className="kpi-value">{formatInt(run.bands[band], wb.locale)}</span>
            <span className="kpi-sub">
              {run.customers ? `${((100 * run.bands[band]) / run.customers).toFixed(1)}%` : ''}
              {prev ? ` · ${t('ui.overview.vsPrevious')} ${delta(run.bands[band], prev.bands[band])}` : ''}
            </span>
          </div>
        ))}
        <button className="kpi kpi-link" onClick={() => onGo('signals')}>
          <span className="kpi-label">{t('ui.overview.openSignals')}</span>
          <span className="kpi-value">{formatInt(openSignals, wb.locale)}</span>
          <span className="kpi-sub sev-line">
            <span className="sev-dot sev-heavy" />
            {o.signals.heavy} <span className="sev-dot sev-medium" />
            {o.signals.medium} <span className="sev-dot sev-light" />
            {o.signals.light}
          </span>
        </button>
        <button className="kpi kpi-link" onClick={() => onGo('actions')}>
          <span className="kpi-label">{t('ui.overview.liveActions')}</span>
          <span className="kpi-value">{formatInt(o.actions.open + o.actions.inProgress, wb.locale)}</span>
          <span className={`kpi-sub ${o.actions.overdue ? 'danger-text' : ''}`}>{t('ui.overview.overdueCount', { count: o.actions.overdue })}</span>
        </button>
      </div>

      <div className="health-grid-2">
        <div className="card">
          <div className="card-header">
            <h2>{t('ui.overview.distribution')}</h2>
            <span className="trend-summary">
              <TrendArrow trend="up" /> {o.trend.up} <TrendArrow trend="same" /> {o.trend.same} <TrendArrow trend="down" /> {o.trend.down}
            </span>
          </div>
          {bandsChart && <Chart option={bandsChart} height={280} testId="health-band-chart" />}
          <p className="muted small formula">{o.model?.aggregation === 'lowest' ? t('formulaLowest') : t('formula')}</p>
        </div>
        <div className="card">
          <div className="card-header">
            <h2>{t('ui.overview.lowest')}</h2>
            <ExportTableButton table="health.scores" filters={{ runId: run.id }} fileName={t('ui.overview.lowest')} testId="health-scores-export" />
          </div>
          <table className="table compact" data-testid="health-lowest">
            <thead>
              <tr>
                <th>{t('ui.col.customer')}</th>
                <th>{t('ui.col.owner')}</th>
                <th className="num">{t('ui.col.score')}</th>
                <th />
                <th>{t('ui.col.signals')}</th>
              </tr>
            </thead>
            <tbody>
              {o.lowest.map((r) => (
                <tr key={r.customerKey} className="clickable" onClick={() => onOpenCustomer(r.customerKey)}>
                  <td>
                    <div className="cust-name">{r.name}</div>
                    <div className="muted small mono">{r.customerKey}</div>
                  </td>
                  <td>{r.owner ?? '–'}</td>
                  <td className="num">
                    <ScorePill score={r.score} band={r.band} />
                  </td>
                  <td>
                    <TrendArrow trend={r.trend} />
                  </td>
                  <td>
                    {r.worstSeverity ? (
                      <>
                        <SeverityBadge severity={r.worstSeverity} /> <span className="muted small">×{r.openSignals}</span>
                      </>
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      {historyChart && (
        <div className="card">
          <h2>{t('ui.overview.history')}</h2>
          <Chart option={historyChart} height={260} />
        </div>
      )}

      <div className="health-grid-2">
        <GroupTable title={t('ui.overview.byTier')} groupLabel={t('ui.col.segment')} groups={o.byTier} />
        <GroupTable title={t('ui.overview.byOwner')} groupLabel={t('ui.col.owner')} groups={o.byOwner} />
      </div>
    </>
  );
}

function GroupTable({ title, groupLabel, groups }: { title: string; groupLabel: string; groups: BandGroup[] }) {
  const { t } = useTranslation('health');
  return (
    <div className="card">
      <h2>{title}</h2>
      <table className="table compact">
        <thead>
          <tr>
            <th>{groupLabel}</th>
            <th className="num">{t('ui.overview.customers')}</th>
            <th className="bar-col">{t('ui.overview.mix')}</th>
            <th className="num">{t('ui.overview.average')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const n = g.red + g.yellow + g.green + g.none;
            return (
              <tr key={g.group ?? '∅'}>
                <td>{g.group ?? <span className="muted">{t('ui.notSet')}</span>}</td>
                <td className="num">{n}</td>
                <td className="bar-col">
                  <div className="stack-bar" title={`${t('bands.red')} ${g.red} · ${t('bands.yellow')} ${g.yellow} · ${t('bands.green')} ${g.green}`}>
                    {(['red', 'yellow', 'green', 'none'] as const).map((b) =>
                      g[b] ? (
                        <span key={b} className={`seg band-${b}`} style={{ flexGrow: g[b] }}>
                          {g[b]}
                        </span>
                      ) : null,
                    )}
                  </div>
                </td>
                <td className="num">{fmtScore(g.avgScore)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
