import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeeStatement } from '../../../../shared/impact/views';
import { formatIndicator } from '../../../../shared/impact/format';
import type { ReportExportKind, ReportExportResult } from '../../../../shared/reports/definition';
import { useWorkbench } from '../../app/context';
import { useJob } from '../../hooks/useJob';
import { downloadUrl } from '../reports/download';
import { ImpactJobProgress } from './JobProgress';
import { useMoney } from '../../app/money';

/** Example terms: NPS against the frozen baseline, three marginal bands, a fixed fee, cap and floor. */
function exampleTerms(measurementDate: string): string {
  return JSON.stringify(
    {
      indicator: 'nps',
      baseline: 'frozen',
      measurementDate,
      grain: 'quarter',
      currency: 'CNY',
      fixedFee: 50000,
      schedule: {
        kind: 'tiers',
        tiers: [
          { fromPoints: 0, toPoints: 5, ratePerPoint: 8000 },
          { fromPoints: 5, toPoints: 10, ratePerPoint: 12000 },
          { fromPoints: 10, toPoints: null, ratePerPoint: 15000 },
        ],
      },
      cap: 250000,
      floor: 60000,
    },
    null,
    2,
  );
}

export function FeeView() {
  const { t } = useTranslation('impact');
  const wb = useWorkbench();
  const [text, setText] = useState('');
  const [statement, setStatement] = useState<FeeStatement | null>(null);
  const [dataEnd, setDataEnd] = useState('');
  const [exported, setExported] = useState<ReportExportResult | null>(null);
  const jobs = { xlsx: useJob('report.exportXlsx'), pdf: useJob('report.exportPdf') };
  // The fee reads every order: a job with progress and cancel. The data's last day (for the example
  // terms) comes from the saved statement when there is one, else from one period of the indicators.
  const feeJob = useJob('impact.fee');
  const dayJob = useJob('impact.indicators');
  const runFee = feeJob.run;
  const runDay = dayJob.run;

  useEffect(() => {
    (async () => {
      const terms = await wb.api['impact.feeTerms']({});
      if (terms) {
        setText(JSON.stringify(terms, null, 2));
        const out = await runFee({});
        setStatement(out.ok ? out.value : null);
      }
      const ind = await runDay({ series: false });
      if (ind.ok) setDataEnd(ind.value.asOf);
    })().catch(wb.reportError);
  }, [wb.api, wb.reportError, wb.workspace?.path, runFee, runDay]);

  const parse = (): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text; // the engine refuses it with FEE_TERMS_INVALID and says why
    }
  };
  const compute = async () => {
    try {
      const terms = parse();
      await wb.api['impact.saveFeeTerms']({ terms });
      const out = await runFee({ terms });
      if (out.ok) setStatement(out.value);
      else if (!out.cancelled) wb.reportError(out.error);
    } catch (err) {
      wb.reportError(err);
    }
  };
  const exportAs = async (kind: Extract<ReportExportKind, 'xlsx' | 'pdf'>) => {
    setExported(null);
    const out = await jobs[kind].run({
      definition: {
        sections: [{ id: 'feeStatement', included: true, text: '' }],
        language: wb.locale,
        pseudonymise: false,
        title: t('fee.statement'),
        subtitle: null,
        diagnosticRunId: null,
        healthRunId: null,
      },
    });
    if (!out.ok) return out.cancelled ? undefined : wb.reportError(out.error);
    setExported(out.value);
  };

  const s = statement;
  const money = useMoney(s?.terms.currency);
  const running = jobs.xlsx.running || jobs.pdf.running;
  return (
    <div className="impact-columns">
      <div className="card">
        <h3>{t('fee.heading')}</h3>
        <p className="muted small">{t('fee.note')}</p>
        <label className="field">
          <span className="field-label">{t('fee.terms')}</span>
          <textarea rows={22} value={text} onChange={(e) => setText(e.target.value)} data-testid="fee-terms" spellCheck={false} />
        </label>
        <div className="impact-inline" style={{ marginTop: 8 }}>
          <button className="btn" disabled={!dataEnd} onClick={() => setText(exampleTerms(dataEnd))} data-testid="fee-example">
            {t('fee.example')}
          </button>
          <button className="btn btn-primary" disabled={!text.trim() || feeJob.running} onClick={() => void compute()} data-testid="fee-compute">
            {t('common.compute')}
          </button>
        </div>
        {feeJob.running && <ImpactJobProgress progress={feeJob.progress} onCancel={feeJob.cancel} testId="fee-progress" />}
      </div>
      {s && (
        <div className="card" data-testid="fee-statement">
          <div className="card-header">
            <h3>{t('fee.statement')}</h3>
            <div className="impact-inline">
              <button className="btn" disabled={running} onClick={() => void exportAs('xlsx')} data-testid="fee-export-xlsx">
                {t('fee.exportXlsx')}
              </button>
              <button className="btn" disabled={running} onClick={() => void exportAs('pdf')} data-testid="fee-export-pdf">
                {t('fee.exportPdf')}
              </button>
            </div>
          </div>
          {exported && (
            <p className="small" data-testid="fee-exported">
              {wb.transport.host === 'web' ? <a href={downloadUrl(exported.path)}>{exported.path}</a> : exported.path}
            </p>
          )}
          <table className="table">
            <tbody>
              <tr>
                <td>{t('fee.indicator')}</td>
                <td className="num">{t(`indicators.names.${s.indicator}`)}</td>
              </tr>
              <tr>
                <td>
                  {t('fee.baseline')} · {s.baselineSource === 'frozen' ? t('fee.baselineFrozen', { asOf: s.baselineAsOf ?? '' }) : t('fee.baselineTerms')}
                </td>
                <td className="num">{formatIndicator({ unit: s.unit, value: s.baseline }, wb.locale)}</td>
              </tr>
              <tr>
                <td>{t('fee.current', { ...s.measurementPeriod })}</td>
                <td className="num">
                  {formatIndicator(s.current, wb.locale)}
                  <div className="muted small">
                    {t(`indicators.formulas.${s.indicator}`, { num: s.current.numerator ?? '', den: s.current.denominator ?? '' })}
                  </div>
                </td>
              </tr>
              <tr>
                <td>{t('fee.improvement')}</td>
                <td className="num" data-testid="fee-points">
                  {s.points.toFixed(2)}
                </td>
              </tr>
              {s.breakdown.bands.map((b) => (
                <tr key={b.fromPoints}>
                  <td className="small">{t('fee.band', { from: b.fromPoints, to: b.toPoints ?? '∞', rate: b.ratePerPoint.toLocaleString(wb.locale) })}</td>
                  <td className="num">
                    {b.points.toFixed(2)} → {money(b.amount)}
                  </td>
                </tr>
              ))}
              <tr>
                <td>{t('fee.fixed')}</td>
                <td className="num">{money(s.breakdown.fixedFee)}</td>
              </tr>
              <tr>
                <td>{t('fee.beforeLimits')}</td>
                <td className="num">{money(s.breakdown.beforeLimits)}</td>
              </tr>
              <tr>
                <td>
                  {t('fee.floor')} / {t('fee.cap')}
                </td>
                <td className="num">
                  {money(s.terms.floor)} / {s.terms.cap === null ? '—' : money(s.terms.cap)}
                </td>
              </tr>
              <tr className="impact-total">
                <td>{t('fee.total')}</td>
                <td className="num" data-testid="fee-total">
                  {money(s.breakdown.fee)} {s.breakdown.limitedBy ? t(`fee.limitedBy.${s.breakdown.limitedBy}`) : ''}
                </td>
              </tr>
            </tbody>
          </table>
          <h3 style={{ marginTop: 14 }}>{t('fee.sensitivity')}</h3>
          <table className="table small" data-testid="fee-sensitivity">
            <thead>
              <tr>
                <th className="num">{t('fee.sensCols.points')}</th>
                <th className="num">{t('fee.sensCols.value')}</th>
                <th className="num">{t('fee.sensCols.fee')}</th>
              </tr>
            </thead>
            <tbody>
              {s.sensitivity.map((r) => (
                <tr key={r.points} className={r.actual ? 'impact-total' : ''}>
                  <td className="num">
                    {r.points.toFixed(2)}
                    {r.actual ? ` · ${t('fee.actual')}` : ''}
                  </td>
                  <td className="num">{formatIndicator({ unit: s.unit, value: r.value }, wb.locale)}</td>
                  <td className="num">
                    {money(r.fee)} {r.limitedBy ? t(`fee.limitedBy.${r.limitedBy}`) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
