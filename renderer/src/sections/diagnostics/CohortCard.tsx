import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildCohortHeatmap } from '../../../../shared/charts';
import type { CohortMatrix, DiagnosticRunResult, DrillTarget } from '../../../../shared/analytics';
import type { Locale } from '../../../../shared/errors';
import { Chart } from '../../components/Chart';
import { ExportTableButton } from '../../components/ExportTableButton';
import { drillLabel, metricTitle } from './labels';

interface Props {
  cohorts: CohortMatrix;
  /** The run the matrix belongs to: a selected cell's customers export from it. */
  runId: number;
  result: DiagnosticRunResult;
  asOf: string;
  locale: Locale;
  onDrill(target: DrillTarget): void;
}

type Mode = 'on' | 'onOrAfter';
type Measure = 'customers' | 'revenue';

/** Cohort matrix: rows are first-purchase periods, columns the periods since; click a cell to drill. */
export function CohortCard({ cohorts, runId, result, asOf, locale, onDrill }: Props) {
  const { t } = useTranslation('analytics');
  const [mode, setMode] = useState<Mode>('on');
  const [measure, setMeasure] = useState<Measure>('customers');
  // The last clicked cell: its customers can go to Excel from here, without scrolling to the table.
  const [selected, setSelected] = useState<DrillTarget | null>(null);
  const width = cohorts.rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const option = useMemo(
    () =>
      buildCohortHeatmap({
        // † marks a left-censored cohort (some of its customers may be older ones first seen there).
        cohorts: cohorts.rows.map((r) => `${r.key}${r.leftCensored ? '†' : ''} (${new Intl.NumberFormat(locale).format(r.size)})`),
        periods: Array.from({ length: width }, (_, k) => String(k)),
        values: cohorts.rows.map((r) =>
          Array.from({ length: width }, (_, k) => {
            const c = r.cells[k];
            if (!c) return null;
            if (measure === 'revenue') return c.revenueRate.value;
            return mode === 'on' ? c.onRate : c.onOrAfterRate;
          }),
        ),
        partial: cohorts.rows.map((r) => Array.from({ length: width }, (_, k) => r.cells[k]?.partial === true)),
        unit: 'percent',
        ...(measure === 'revenue' ? { max: 1.5 } : {}),
        axisNames: { periods: t('ui.charts.cohortCols') },
        locale,
      }),
    [cohorts, mode, measure, width, asOf, locale, t],
  );
  const metric = measure === 'revenue' ? 'cohortRevenueRetention' : mode === 'on' ? 'cohortOn' : 'cohortOnOrAfter';
  return (
    <div className="card" data-testid="diag-cohorts">
      <div className="card-header">
        <h2 title={metricTitle(t, metric)}>
          {t('ui.charts.cohorts')} <span className="info-dot">ⓘ</span>
        </h2>
        <div className="toggle-row">
          <div className="seg-toggle" role="group">
            {(['on', 'onOrAfter'] as const).map((m) => (
              <button
                key={m}
                type="button"
                className={mode === m ? 'active' : ''}
                disabled={measure === 'revenue'}
                onClick={() => setMode(m)}
                data-testid={`cohort-mode-${m}`}
                title={metricTitle(t, m === 'on' ? 'cohortOn' : 'cohortOnOrAfter')}
              >
                {t(`ui.charts.${m}`)}
              </button>
            ))}
          </div>
          <div className="seg-toggle" role="group">
            {(['customers', 'revenue'] as const).map((m) => (
              <button key={m} type="button" className={measure === m ? 'active' : ''} onClick={() => setMeasure(m)} data-testid={`cohort-measure-${m}`}>
                {t(m === 'customers' ? 'ui.charts.byCustomers' : 'ui.charts.byRevenue')}
              </button>
            ))}
          </div>
        </div>
      </div>
      {cohorts.rows.length === 0 ? (
        <p className="muted">{t('ui.table.empty')}</p>
      ) : (
        <>
          <p className="muted small cohort-range-line" data-testid="diag-cohort-range">
            {t('ui.cohortNotes.range', {
              n: new Intl.NumberFormat(locale).format(cohorts.rows.length),
              from: cohorts.rows[0]?.key ?? '',
              to: cohorts.rows[cohorts.rows.length - 1]?.key ?? '',
            })}
          </p>
          {/* Every cohort of the data by default: the matrix scrolls instead of dropping the oldest. */}
          <div className="cohort-scroll" data-testid="diag-cohort-scroll">
            <Chart
              option={option}
              height={Math.max(280, 64 + 30 * cohorts.rows.length + 60)}
              testId="diag-cohort-chart"
              onClick={(p) => {
                const v = p.value as [number, number, number] | undefined;
                const row = v ? cohorts.rows[v[1]] : undefined;
                if (!v || !row) return;
                const target: DrillTarget = { kind: 'cohort', cohort: row.key, offset: v[0], measure: measure === 'revenue' ? 'on' : mode };
                setSelected(target);
                onDrill(target);
              }}
            />
          </div>
          {selected && (
            <div className="cohort-selection" data-testid="diag-cohort-selection">
              <span className="small">{drillLabel(t, selected, result)}</span>
              <ExportTableButton
                table="diagnostics.customers"
                filters={{ runId, target: selected }}
                fileName={drillLabel(t, selected, result)}
                testId="diag-cohort-export"
              />
            </div>
          )}
        </>
      )}
      <p className="muted small formula">
        {t('ui.partialNote', { asOf })} · {t('ui.charts.cohortHint')} · {t('ui.cohortNotes.firstColumn')}
        {cohorts.rows.some((r) => r.leftCensored) ? ` · ${t('ui.cohortNotes.censored')}` : ''}
      </p>
    </div>
  );
}
