import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeTone, type KpiId } from '../../../../shared/analytics';
import type { OverviewSummary, RecentEvent } from '../../../../shared/overview/summary';
import { useWorkbench } from '../../app/context';
import { useNumberScale } from '../../app/number-scale';
import { formatDateTime } from '../../format';
import { absentText, makeFmt, metricTitle } from '../diagnostics/labels';
import './overview.css';

const RATES: ReadonlySet<KpiId> = new Set<KpiId>(['retentionRate', 'churnRate', 'grr', 'nrr']);

/** The overview's head: headline figures of the latest runs with their change, what the data enables, recent activity. */
export function OverviewDashboard() {
  const { t } = useTranslation('workbench');
  const { t: ta } = useTranslation('analytics');
  const { t: th } = useTranslation('health');
  const wb = useWorkbench();
  const currency = wb.workspace?.meta.currency ?? 'CNY';
  const scale = useNumberScale();
  const fmt = useMemo(() => makeFmt(wb.locale, currency, scale), [wb.locale, currency, scale]);
  const [s, setS] = useState<OverviewSummary | null>(null);
  useEffect(() => {
    wb.api['overview.summary']({}).then(setS, wb.reportError);
  }, [wb.api, wb.reportError, wb.workspace]);
  if (!s) return null;

  const show = (id: KpiId, v: number | null) => (v === null ? ta('ui.absent') : RATES.has(id) ? fmt.pct(v) : id === 'revenue' ? fmt.money(v) : fmt.int(v));
  const change = (id: KpiId, d: number) => (RATES.has(id) ? t('overview.pp', { value: fmt.pp(d) }) : id === 'revenue' ? fmt.signedMoney(d) : fmt.signedInt(d));
  const d = s.diagnostics;
  const h = s.health;
  const openSignals = s.openSignals.heavy + s.openSignals.medium + s.openSignals.light;

  return (
    <div className="overview-dash section-stack">
      <div className="card" data-testid="overview-headline">
        <div className="card-header">
          <h2>{t('overview.headline')}</h2>
          {d ? (
            <span className="muted small">
              {t('overview.headlineRun', { id: d.run.id, asOf: d.run.asOf })} ·{' '}
              {d.previous ? t('overview.headlineVs', { id: d.previous.id, asOf: d.previous.asOf }) : t('overview.noPreviousRun')}
            </span>
          ) : null}
        </div>
        {d ? (
          <div className="kpi-grid overview-kpis">
            {d.figures.map((f) => {
              const tone = changeTone(f.id, f.change, RATES.has(f.id));
              return (
                <button key={f.id} type="button" className="kpi kpi-link" onClick={() => wb.navigate('/e/diagnostics')} data-testid={`overview-kpi-${f.id}`}>
                  <span className="kpi-label" title={metricTitle(ta, f.metric)}>
                    {ta(`ui.kpis.${f.id}`)}
                  </span>
                  <span className="kpi-value">{show(f.id, f.value)}</span>
                  {f.value === null ? (
                    <span className="kpi-sub absent-reason">{absentText(ta, f.reason as Parameters<typeof absentText>[1])}</span>
                  ) : f.change !== null ? (
                    <span className={`kpi-sub ov-delta-${tone}`}>{t('overview.vsPrevious', { change: change(f.id, f.change) })}</span>
                  ) : (
                    <span className="kpi-sub muted">{ta('ui.kpis.period', { period: f.periodKey })}</span>
                  )}
                </button>
              );
            })}
          </div>
        ) : (
          <p className="muted">{t('overview.noDiagnostic')}</p>
        )}
        <div className="overview-health">
          <h3>{t('overview.health')}</h3>
          {h ? (
            <div className="kpi-grid overview-kpis">
              <button type="button" className="kpi kpi-link" onClick={() => wb.navigate('/e/health')} data-testid="overview-health-average">
                <span className="kpi-label">{t('overview.average')}</span>
                <span className="kpi-value">{h.average === null ? '—' : h.average.toFixed(1)}</span>
                <span
                  className={`kpi-sub ${h.previousAverage !== null && h.average !== null ? `ov-delta-${Math.abs(h.average - h.previousAverage) < 0.05 ? 'flat' : h.average > h.previousAverage ? 'good' : 'bad'}` : 'muted'}`}
                >
                  {h.previousAverage !== null && h.average !== null
                    ? t('overview.vsPrevious', {
                        change: `${h.average - h.previousAverage >= 0 ? '+' : '−'}${Math.abs(h.average - h.previousAverage).toFixed(1)}`,
                      })
                    : t('overview.healthRun', { id: h.run.id, asOf: h.run.asOf })}
                </span>
              </button>
              {(['red', 'yellow', 'green'] as const).map((band) => {
                const delta = h.previousBands ? h.bands[band] - h.previousBands[band] : null;
                return (
                  <button key={band} type="button" className={`kpi kpi-link kpi-band band-${band}`} onClick={() => wb.navigate('/e/health')}>
                    <span className="kpi-label">{th(`bands.${band}`)}</span>
                    <span className="kpi-value">{fmt.int(h.bands[band])}</span>
                    <span className="kpi-sub muted">
                      {h.customers ? t('overview.ofCustomers', { share: fmt.pct(h.bands[band] / h.customers) }) : ''}
                      {delta !== null ? (
                        <span className={`ov-delta-${delta === 0 ? 'flat' : delta > 0 === (band === 'green') ? 'good' : 'bad'}`}>
                          {` · ${t('overview.vsPrevious', { change: fmt.signedInt(delta) })}`}
                        </span>
                      ) : null}
                    </span>
                  </button>
                );
              })}
              <button type="button" className="kpi kpi-link" onClick={() => wb.navigate('/e/health/signals')} data-testid="overview-open-signals">
                <span className="kpi-label">{t('overview.openSignals')}</span>
                <span className="kpi-value">{fmt.int(openSignals)}</span>
                <span className="kpi-sub sev-line">
                  <span className="sev-dot sev-heavy" />
                  {fmt.int(s.openSignals.heavy)} <span className="sev-dot sev-medium" />
                  {fmt.int(s.openSignals.medium)} <span className="sev-dot sev-light" />
                  {fmt.int(s.openSignals.light)}
                </span>
              </button>
            </div>
          ) : (
            <p className="muted">{t('overview.noHealth')}</p>
          )}
        </div>
      </div>

      <div className="overview-grid-2">
        <div className="card" data-testid="overview-enablement">
          <h2>{t('overview.enables')}</h2>
          <ul className="enable-list">
            {s.enablement.map((e) => (
              <li key={e.id} className={e.enabled ? 'on' : 'off'} data-testid={`enable-${e.id}`}>
                <span className="enable-mark" aria-label={e.enabled ? t('overview.enabled') : t('overview.missing')}>
                  {e.enabled ? '✓' : '○'}
                </span>
                <span className="enable-text">{t(`overview.items.${e.id}.${e.enabled ? 'on' : 'off'}`, { count: fmt.int(e.count) as unknown as number })}</span>
                {e.enabled ? null : (
                  <button type="button" className="btn btn-small" onClick={() => wb.navigate(`/e/${e.step.section}`)} data-testid={`enable-go-${e.id}`}>
                    {t(`overview.go.${e.step.section}`)} →
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
        <div className="card" data-testid="overview-recent">
          <h2>{t('overview.recent')}</h2>
          <RecentList title={t('overview.imports')} events={s.recent.imports} />
          <RecentList title={t('overview.runs')} events={s.recent.runs} />
          <RecentList title={t('overview.exports')} events={s.recent.exports} />
        </div>
      </div>
    </div>
  );
}

/** What a recent line's count is of: customers scored, comments read, churned customers reviewed; rows otherwise. */
const RECENT_UNIT: Partial<Record<RecentEvent['kind'], 'overview.customers' | 'overview.comments' | 'overview.churned'>> = {
  healthRun: 'overview.customers',
  churnRun: 'overview.customers',
  clvRun: 'overview.customers',
  vocRun: 'overview.comments',
  churnReview: 'overview.churned',
};

function RecentList({ title, events }: { title: string; events: RecentEvent[] }) {
  const { t } = useTranslation('workbench');
  const { t: ti } = useTranslation('import');
  const wb = useWorkbench();
  const text = (e: RecentEvent): string => {
    const [a = '', b = '', c = ''] = e.label.split(':');
    switch (e.kind) {
      case 'import':
        return `${ti(`entities.${a}`, { defaultValue: a })} · ${b}${c === 'undone' ? ` · ${t('overview.undone')}` : ''}`;
      case 'reportExport':
      case 'tableExport':
        return `${a.toUpperCase().startsWith('D') || a.includes('.') ? a : a.toUpperCase()} · ${
          e.label
            .slice(a.length + 1)
            .split(/[\\/]/)
            .pop() ?? ''
        }`;
      default:
        return e.label ? `#${e.id ?? ''} · ${e.label}` : `#${e.id ?? ''}`;
    }
  };
  return (
    <div className="recent-block">
      <h3>{title}</h3>
      {events.length === 0 ? (
        <p className="muted small">{t('overview.none')}</p>
      ) : (
        <ul className="ov-recent-list">
          {events.map((e, i) => (
            <li key={`${e.kind}-${e.id ?? i}-${e.at}`}>
              <span className="badge">{t(`overview.kinds.${e.kind}`)}</span>
              <span className="recent-text" title={e.label}>
                {text(e)}
              </span>
              {e.rows !== null ? (
                <span className="muted small">{t(RECENT_UNIT[e.kind] ?? 'overview.rows', { rows: e.rows.toLocaleString(wb.locale) })}</span>
              ) : null}
              <span className="muted small recent-at">{formatDateTime(e.at, wb.locale)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
