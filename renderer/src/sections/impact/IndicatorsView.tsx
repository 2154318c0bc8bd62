import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRAINS, INDICATOR_FAMILIES, type Grain, type IndicatorComparisonRow } from '../../../../shared/impact/indicators';
import type { IndicatorsReport } from '../../../../shared/impact/views';
import { formatIndicator } from '../../../../shared/impact/format';
import { buildTrendChart } from '../../../../shared/charts/trend';
import { useWorkbench } from '../../app/context';
import { useMoney } from '../../app/money';
import { Chart } from '../../components/Chart';
import { useJob } from '../../hooks/useJob';
import { ImpactJobProgress } from './JobProgress';

export function IndicatorsView() {
  const { t } = useTranslation('impact');
  const wb = useWorkbench();
  const money = useMoney();
  const [grain, setGrain] = useState<Grain>('quarter');
  const [report, setReport] = useState<IndicatorsReport | null>(null);
  const [freezeDate, setFreezeDate] = useState('');
  const [tolerance, setTolerance] = useState('15');
  const [busy, setBusy] = useState(false);

  const job = useJob('impact.indicators');
  const run = job.run;
  const [cancelled, setCancelled] = useState(false);
  // The table first (one period), then the series (a dozen periods) when it is ready. Each is a job
  // (it reads every order): progress and cancel, and the engine stays free for other calls.
  const reportError = wb.reportError;
  const load = useCallback(async () => {
    setCancelled(false);
    const stopped = (out: { ok: false; cancelled: boolean; error: unknown }) => (out.cancelled ? setCancelled(true) : reportError(out.error));
    const r = await run({ grain, series: false });
    if (!r.ok) return stopped(r);
    setReport(r.value);
    setTolerance(String(Math.round(r.value.tolerance * 100)));
    const full = await run({ grain });
    if (!full.ok) return stopped(full);
    setReport((cur) => (cur && cur.grain === full.value.grain && cur.asOf === full.value.asOf ? { ...cur, series: full.value.series } : cur));
  }, [run, reportError, grain]);
  useEffect(() => {
    load().catch(wb.reportError);
  }, [load, wb.reportError, wb.workspace?.path]);
  const status = (
    <>
      {job.running && <ImpactJobProgress progress={job.progress} onCancel={job.cancel} testId="ind-progress" />}
      {cancelled && !job.running && (
        <div className="card impact-progress" data-testid="ind-cancelled">
          <span className="muted small">{t('job.cancelled')}</span>
          <button className="btn" onClick={() => void load()} data-testid="ind-retry">
            {t('job.retry')}
          </button>
        </div>
      )}
    </>
  );

  const freeze = async () => {
    setBusy(true);
    try {
      await wb.api['impact.freezeBaseline']({ asOf: freezeDate, grain, tolerance: Number(tolerance) / 100, label: null });
      await load();
    } catch (err) {
      wb.reportError(err);
    } finally {
      setBusy(false);
    }
  };
  const saveTolerance = async () => {
    if (!report?.baseline) return;
    try {
      await wb.api['impact.setTolerance']({ id: report.baseline.id, tolerance: Number(tolerance) / 100 });
      await load();
    } catch (err) {
      wb.reportError(err);
    }
  };
  if (!report) return status;
  const fmt = (row: IndicatorComparisonRow, which: 'baseline' | 'current') => {
    const v = row[which];
    return v ? formatIndicator(v, wb.locale) : '—';
  };
  const change = (row: IndicatorComparisonRow) =>
    row.change === null
      ? '—'
      : row.unit === 'percent'
        ? `${row.change >= 0 ? '+' : ''}${(row.change * 100).toFixed(1)} ${wb.locale === 'zh-CN' ? '个百分点' : 'pp'}`
        : `${row.change >= 0 ? '+' : ''}${row.change.toFixed(1)}`;
  const tol = Math.round(report.tolerance * 100);
  return (
    <div className="section-stack" data-testid="impact-indicators">
      {status}
      <div className="card">
        <div className="card-header">
          <h3>{t('indicators.heading')}</h3>
          <div className="impact-inline">
            <label className="field">
              <span className="field-label">{t('indicators.grain')}</span>
              <select value={grain} onChange={(e) => setGrain(e.target.value as Grain)} data-testid="ind-grain">
                {GRAINS.map((g) => (
                  <option key={g} value={g}>
                    {t(`indicators.grains.${g}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>
        <p className="muted small">
          {t('indicators.period', { ...report.period })} · {t('indicators.note', { tolerance: tol })}
        </p>
        <div className="impact-inline">
          <label className="field">
            <span className="field-label">{t('indicators.freezeDate')}</span>
            <input type="date" value={freezeDate} onChange={(e) => setFreezeDate(e.target.value)} data-testid="ind-freeze-date" />
          </label>
          <label className="field">
            <span className="field-label">{t('indicators.tolerance')}</span>
            <input type="number" min={1} max={100} value={tolerance} onChange={(e) => setTolerance(e.target.value)} data-testid="ind-tolerance" />
          </label>
          <button className="btn btn-primary" disabled={!freezeDate || busy} onClick={() => void freeze()} data-testid="ind-freeze">
            {t('indicators.freeze')}
          </button>
          {report.baseline && (
            <button className="btn" onClick={() => void saveTolerance()} data-testid="ind-save-tolerance">
              {t('common.save')} ±{tolerance}%
            </button>
          )}
        </div>
        <p className="small" data-testid="ind-baseline-line">
          {report.baseline
            ? t('indicators.baselineLine', {
                asOf: report.baseline.asOf,
                from: report.baseline.period.from,
                to: report.baseline.period.to,
                frozenAt: report.baseline.frozenAt,
              })
            : t('indicators.noBaseline')}
        </p>
        {report.baseline && (
          <p className="small" data-testid="ind-deviations">
            <strong>{t('indicators.deviations', { count: report.deviations, tolerance: tol })}</strong>
          </p>
        )}
        <table className="table" data-testid="ind-table">
          <thead>
            <tr>
              <th>{t('indicators.cols.indicator')}</th>
              <th className="num">{t('indicators.cols.baseline')}</th>
              <th className="num">{t('indicators.cols.current')}</th>
              <th className="num">{t('indicators.cols.change')}</th>
              <th>{t('indicators.cols.flag')}</th>
              <th>{t('indicators.cols.basis')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.id} data-testid={`ind-row-${row.id}`} data-flag={row.flag}>
                <td>
                  {t(`indicators.names.${row.id}`)}
                  <div className="muted small">{t(`indicators.families.${INDICATOR_FAMILIES[row.id]}`)}</div>
                </td>
                <td className="num">{fmt(row, 'baseline')}</td>
                <td className="num">{fmt(row, 'current')}</td>
                <td className="num">{change(row)}</td>
                <td>
                  <span className={`impact-flag ${row.flag}`}>{t(`indicators.flags.${row.flag}`)}</span>
                </td>
                <td className={row.current.value === null ? 'absent' : 'small'}>
                  {row.current.value === null
                    ? t(`indicators.absent.${row.current.absentReason ?? 'unknown'}`)
                    : t(`indicators.formulas.${row.id}`, {
                        num: row.id === 'arpuGrowth' ? money(row.current.numerator) : (row.current.numerator ?? ''),
                        den: row.id === 'arpuGrowth' ? money(row.current.denominator) : (row.current.denominator ?? ''),
                      })}
                  {row.current.small && <span className="muted"> · {t('common.small', { count: row.current.denominator ?? 0 })}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">
          {t('indicators.settings', {
            window: report.settings.activityWindowDays,
            grace: report.settings.renewalGraceDays,
            share: Math.round(report.settings.strategicShare * 100),
            core: Math.round(report.settings.coreTopShare * 100),
          })}
        </p>
      </div>
      {report.series.length > 0 && (
        <div className="card">
          <h3>
            {t('indicators.series')} · {t(`indicators.grains.${grain}`)}
          </h3>
          <Chart
            testId="ind-series"
            height={280}
            option={buildTrendChart({
              categories: report.series.map((p) => p.period.to.slice(0, 7)),
              series: report.rows
                .filter((r) => r.unit === 'percent' && report.series.some((p) => p.values.find((v) => v.id === r.id)?.value != null))
                .map((r) => ({
                  name: t(`indicators.names.${r.id}`),
                  kind: 'line' as const,
                  values: report.series.map((p) => p.values.find((v) => v.id === r.id)?.value ?? null),
                })),
              leftAxis: { unit: 'percent' },
              locale: wb.locale,
            })}
          />
        </div>
      )}
    </div>
  );
}
