import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildDistributionChart, type Tone } from '../../../../shared/charts';
import { UNSCORED, type DiagnosticRunResult, type DrillTarget, type LifecycleStage } from '../../../../shared/analytics';
import type { Locale } from '../../../../shared/errors';
import { Chart } from '../../components/Chart';
import { metricTitle, segmentLabel, type Fmt } from './labels';
import { ExportTableButton } from '../../components/ExportTableButton';

interface Props {
  runId: number;
  result: DiagnosticRunResult;
  locale: Locale;
  fmt: Fmt;
  onDrill(target: DrillTarget): void;
}

const STAGE_TONE: Record<LifecycleStage, Tone | undefined> = { new: undefined, growing: undefined, mature: 'green', atRisk: 'yellow', churned: 'red' };

/** RFM segments (classic or the value groups) with their movement matrix, tiers and lifecycle stages. */
export function SegmentCards({ runId, result, locale, fmt, onDrill }: Props) {
  const { t } = useTranslation('analytics');
  const [scheme, setScheme] = useState<'classic' | 'valueGroups'>('valueGroups');
  const rfm = result.rfm;
  const summary = scheme === 'classic' ? rfm.classic : rfm.valueGroups;
  const segChart = useMemo(
    () =>
      buildDistributionChart({
        kind: 'bar',
        orientation: 'horizontal',
        seriesName: t('ui.charts.count'),
        items: summary.map((s) => ({ label: segmentLabel(t, s.segment), value: s.count })),
        unit: 'integer',
        locale,
      }),
    [summary, t, locale],
  );
  const tierChart = useMemo(
    () =>
      buildDistributionChart({
        kind: 'bar',
        seriesName: t('ui.charts.count'),
        items: result.tiers.map((s) => ({ label: t(`tiers.names.${s.tier}`), value: s.count, ...(s.tier === 'ordinary' ? { tone: 'neutral' as const } : {}) })),
        unit: 'integer',
        locale,
      }),
    [result, t, locale],
  );
  const stageChart = useMemo(
    () =>
      buildDistributionChart({
        kind: 'bar',
        seriesName: t('ui.charts.count'),
        items: result.lifecycle.map((s) => {
          const tone = STAGE_TONE[s.stage];
          return { label: t(`lifecycle.stages.${s.stage}`), value: s.count, ...(tone ? { tone } : {}) };
        }),
        unit: 'integer',
        locale,
      }),
    [result, t, locale],
  );
  const movement = scheme === 'classic' ? rfm.movementClassic : rfm.movementValueGroups;
  const rowTotals = movement.counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = movement.segments.map((_, j) => movement.counts.reduce((a, r) => a + (r[j] ?? 0), 0));
  const visible = movement.segments.map((_, i) => i).filter((i) => (rowTotals[i] ?? 0) > 0 || (colTotals[i] ?? 0) > 0);

  // A rule that needs more tenure than the data cover cannot be met by anyone: the card says so
  // beside its zero, instead of leaving it to read as "no core customers".
  const tenureNote = (code: 'core-tier-tenure-unjudgeable' | 'mature-stage-tenure-unjudgeable') => {
    const n = result.notices.find((x) => x.code === code);
    if (!n) return null;
    const params = Object.fromEntries(Object.entries(n.params).map(([k, v]) => [k, typeof v === 'number' ? fmt.int(v) : v]));
    return (
      <p className="small notice-list tenure-note" data-testid={`diag-${code}`}>
        {t(`notices.${code}`, params)}
      </p>
    );
  };
  return (
    <>
      <div className="diag-grid-2">
        <div className="card" data-testid="diag-segments">
          <div className="card-header">
            <h2 title={metricTitle(t, 'rfmScore')}>
              {t('ui.charts.segments')} <span className="info-dot">ⓘ</span>
            </h2>
            <div className="seg-toggle" role="group">
              {(['valueGroups', 'classic'] as const).map((s) => (
                <button key={s} type="button" className={scheme === s ? 'active' : ''} onClick={() => setScheme(s)} data-testid={`rfm-scheme-${s}`}>
                  {t(`ui.charts.${s}`)}
                </button>
              ))}
            </div>
            <ExportTableButton table="diagnostics.segments" filters={{ runId, scheme }} fileName={t('ui.charts.segments')} testId="diag-segments-export" />
          </div>
          <Chart
            option={segChart}
            height={Math.max(220, 30 * summary.length + 40)}
            testId="diag-segment-chart"
            onClick={(p) => {
              const s = summary[p.dataIndex];
              if (s) onDrill({ kind: 'segment', scheme, segment: s.segment });
            }}
          />
          <p className="muted small formula" title={metricTitle(t, 'segmentShare')}>
            {t('formulas.rfmScore.formula')} · {fmt.int(rfm.scored)} / {fmt.int(result.customers)}
          </p>
        </div>
        <div className="card" data-testid="diag-movement">
          <h2>{t('ui.charts.movement', { from: rfm.compareAsOf, to: rfm.asOf })}</h2>
          <div className="matrix-wrap">
            <table className="table compact matrix">
              <thead>
                <tr>
                  <th className="matrix-corner">{t('ui.charts.movementFrom', { date: rfm.compareAsOf })}</th>
                  {visible.map((j) => (
                    <th key={j} className="num">
                      {segmentLabel(t, movement.segments[j] as string)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {visible.map((i) => (
                  <tr key={i}>
                    <th>{segmentLabel(t, movement.segments[i] as string)}</th>
                    {visible.map((j) => {
                      const n = movement.counts[i]?.[j] ?? 0;
                      const from = movement.segments[i] as string;
                      const to = movement.segments[j] as string;
                      const clickable = n > 0 && !(from === UNSCORED && to === UNSCORED);
                      return (
                        <td
                          key={j}
                          className={`num ${i === j ? 'diag-cell-same' : ''} ${clickable ? 'clickable-cell' : 'muted'}`}
                          onClick={clickable ? () => onDrill({ kind: 'movement', scheme, from, to }) : undefined}
                        >
                          {n ? fmt.int(n) : '·'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rfm.scoring === 'quintiles' ? <p className="muted small formula">{t('rfm.quintileDriftNote')}</p> : null}
        </div>
      </div>
      <div className="diag-grid-2">
        <div className="card" data-testid="diag-tiers">
          <div className="card-header">
            <h2 title={metricTitle(t, 'tierRevenueShare')}>
              {t('ui.charts.tiers')} <span className="info-dot">ⓘ</span>
            </h2>
            <ExportTableButton table="diagnostics.tiers" filters={{ runId }} fileName={t('ui.charts.tiers')} testId="diag-tiers-export" />
          </div>
          <Chart
            option={tierChart}
            height={240}
            testId="diag-tier-chart"
            onClick={(p) => {
              const s = result.tiers[p.dataIndex];
              if (s) onDrill({ kind: 'tier', tier: s.tier });
            }}
          />
          <table className="table compact">
            <thead>
              <tr>
                <th />
                <th className="num">{t('ui.charts.count')}</th>
                <th className="num">{t('ui.charts.share')}</th>
                <th className="num" title={metricTitle(t, 'tierRevenueShare')}>
                  {t('formulas.tierRevenueShare.name')} ⓘ
                </th>
              </tr>
            </thead>
            <tbody>
              {result.tiers.map((s) => (
                <tr key={s.tier} className="clickable" onClick={() => onDrill({ kind: 'tier', tier: s.tier })}>
                  <td>{t(`tiers.names.${s.tier}`)}</td>
                  <td className="num">{fmt.int(s.count)}</td>
                  <td className="num">{fmt.pct(s.customerShare)}</td>
                  <td className="num" title={metricTitle(t, 'tierRevenueShare')}>
                    {fmt.pct(s.revenueShare)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {tenureNote('core-tier-tenure-unjudgeable')}
        </div>
        <div className="card" data-testid="diag-lifecycle">
          <div className="card-header">
            <h2 title={metricTitle(t, 'lifecycleShare')}>
              {t('ui.charts.lifecycle')} <span className="info-dot">ⓘ</span>
            </h2>
            <ExportTableButton table="diagnostics.lifecycle" filters={{ runId }} fileName={t('ui.charts.lifecycle')} testId="diag-lifecycle-export" />
          </div>
          <Chart
            option={stageChart}
            height={240}
            testId="diag-stage-chart"
            onClick={(p) => {
              const s = result.lifecycle[p.dataIndex];
              if (s) onDrill({ kind: 'stage', stage: s.stage });
            }}
          />
          <table className="table compact">
            <thead>
              <tr>
                <th />
                <th className="num">{t('ui.charts.count')}</th>
                <th className="num" title={metricTitle(t, 'lifecycleShare')}>
                  {t('ui.charts.share')} ⓘ
                </th>
              </tr>
            </thead>
            <tbody>
              {result.lifecycle.map((s) => (
                <tr key={s.stage} className="clickable" onClick={() => onDrill({ kind: 'stage', stage: s.stage })}>
                  <td>{t(`lifecycle.stages.${s.stage}`)}</td>
                  <td className="num">{fmt.int(s.count)}</td>
                  <td className="num">{fmt.pct(s.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {tenureNote('mature-stage-tenure-unjudgeable')}
        </div>
      </div>
    </>
  );
}
