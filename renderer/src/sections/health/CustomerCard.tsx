import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildTrendChart } from '../../../../shared/charts';
import type { CustomerHealth } from '../../../../shared/contract/health';
import { ACTION_TEMPLATE_IDS, type ActionTemplateId } from '../../../../shared/health/vocabulary';
import { useWorkbench } from '../../app/context';
import { Chart } from '../../components/Chart';
import { BandBadge, ScorePill, TrendArrow } from './BandBadge';
import { SignalCard } from './SignalInbox';
import { ActionCard } from './ActionBoard';
import { fmtScore, fmtValue, measureName } from './labels';
import { isModelMetric, measureAbsenceText } from '../../../../shared/health/model-sources';
import { isDataMetric, type MeasureBreakdown, type NoScoreReason } from '../../../../shared/health/score';
import { CustomerStatusPanel } from './CustomerStatusPanel';
import { ChurnRiskPanel } from '../churn/ChurnRiskPanel';
import { ClvPanel } from '../clv/ClvPanel';
import { VoicePanel } from '../voc/VoicePanel';
import { EraseCustomerButton } from '../privacy/EraseCustomerButton';

interface Props {
  customerKey: string;
  version: number;
  onChanged(): void;
  onBack(): void;
}

export function CustomerCard({ customerKey, version, onChanged, onBack }: Props) {
  const { t } = useTranslation('health');
  const wb = useWorkbench();
  const [c, setC] = useState<CustomerHealth | null>(null);
  const [tick, setTick] = useState(0);
  const [template, setTemplate] = useState<ActionTemplateId>('serviceImprovementNote');

  useEffect(() => {
    wb.api['health.customer']({ customerKey }).then(setC, wb.reportError);
  }, [wb.api, wb.reportError, customerKey, version, tick]);

  const history = useMemo(() => {
    if (!c || c.history.length === 0) return null;
    return buildTrendChart({
      categories: c.history.map((h) => `#${h.runId} ${h.asOf}`),
      series: [{ name: t('ui.col.score'), kind: 'line', values: c.history.map((h) => h.score), showLabels: true }],
      leftAxis: { unit: 'number', min: 0, max: 100 },
      locale: wb.locale,
    });
  }, [c, t, wb.locale]);

  if (!c)
    return (
      <div className="card">
        <p className="muted">{t('ui.loading')}</p>
      </div>
    );
  const refresh = () => {
    setTick((x) => x + 1);
    onChanged();
  };
  const create = async () => {
    try {
      await wb.api['actions.create']({ customerKey, templateId: template });
      refresh();
    } catch (err) {
      wb.reportError(err);
    }
  };
  const measures = c.model ? c.measures.map((m, i) => ({ m, def: c.model!.measures[i] })) : [];
  return (
    <div className="section-stack" data-testid="customer-card">
      <div className="card customer-head">
        <button className="btn btn-ghost" onClick={onBack}>
          ← {t('ui.customer.back')}
        </button>
        <div className="customer-title">
          <h2>{c.name}</h2>
          <span className="muted small mono">{c.customerKey}</span>
          <span className="muted small">{[c.segment, c.owner].filter(Boolean).join(' · ')}</span>
        </div>
        <div className="customer-score">
          <ScorePill score={c.score} band={c.band} />
          <BandBadge band={c.band} />
          <TrendArrow trend={c.trend} />
        </div>
      </div>
      <CustomerStatusPanel c={c} />
      <ChurnRiskPanel customerKey={customerKey} />
      <ClvPanel customerKey={customerKey} />
      <VoicePanel customerKey={customerKey} />
      <div className="health-grid-2">
        <div className="card">
          <h2>{t('ui.customer.breakdown')}</h2>
          {c.score == null && (
            <p className="muted" data-testid="no-score-reason">
              {t(`noScore.${noScoreReason(c.measures)}`)}
            </p>
          )}
          <table className="table compact" data-testid="measure-breakdown">
            <thead>
              <tr>
                <th>{t('ui.col.measure')}</th>
                <th className="num">{t('ui.col.value')}</th>
                <th className="num">{t('ui.col.points')}</th>
                <th className="num">{t('ui.col.weight')}</th>
                <th className="bar-col">{t('ui.col.contribution')}</th>
              </tr>
            </thead>
            <tbody>
              {measures.map(({ m, def }) => (
                <tr key={m.measureId}>
                  <td>
                    {def ? measureName(t, def) : m.measureId}
                    <div className="muted small">{t(`metrics.${m.metric}`)}</div>
                    {m.value == null && isModelMetric(m.metric) && (
                      <div className="muted small" data-testid={`measure-absent-${m.measureId}`}>
                        {measureAbsenceText(c.sources, m.metric, (k, p) => t(k, p ?? {}))}
                      </div>
                    )}
                  </td>
                  <td className="num">{fmtValue(m.value)}</td>
                  <td className="num">{m.points == null ? <span className="muted">{t('ui.customer.na')}</span> : fmtScore(m.points)}</td>
                  <td className="num">
                    {m.weight}
                    {m.share ? <span className="muted small"> ({(m.share * 100).toFixed(0)}%)</span> : null}
                  </td>
                  <td className="bar-col">
                    {m.points != null && (
                      <div className="contrib">
                        <span style={{ width: `${m.contribution}%` }} />
                        <em>{m.contribution.toFixed(1)}</em>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small formula">{c.model?.aggregation === 'lowest' ? t('formulaLowest') : t('formula')}</p>
        </div>
        <div className="card">
          <h2>{t('ui.customer.history')}</h2>
          {history && <Chart option={history} height={240} />}
        </div>
      </div>
      <div className="health-grid-2">
        <div className="card">
          <h2>
            {t('ui.customer.signals')} <span className="muted small">({c.signals.filter((s) => s.status === 'open').length})</span>
          </h2>
          {c.signals.length === 0 && <p className="muted">{t('ui.signals.none')}</p>}
          <div className="card-list">
            {c.signals.map((s) => (
              <SignalCard key={s.id} s={s} />
            ))}
          </div>
        </div>
        <div className="card">
          <div className="card-header">
            <h2>{t('ui.customer.actions')}</h2>
            <div className="inline-create">
              <select value={template} onChange={(e) => setTemplate(e.target.value as ActionTemplateId)}>
                {ACTION_TEMPLATE_IDS.map((id) => (
                  <option key={id} value={id}>
                    {t(`actions.${id}.title`)}
                  </option>
                ))}
              </select>
              <button className="btn" onClick={create}>
                {t('ui.customer.newAction')}
              </button>
            </div>
          </div>
          {c.actions.length === 0 && <p className="muted">{t('ui.actions.none')}</p>}
          <div className="card-list">
            {c.actions.map((a) => (
              <ActionCard key={a.id} a={a} onChanged={refresh} />
            ))}
          </div>
        </div>
      </div>
      <EraseCustomerButton
        customerKey={customerKey}
        onErased={() => {
          onChanged();
          onBack();
        }}
      />
    </div>
  );
}

/** Why a stored run gave no score: only signal counts had values, some value but weight 0, or none at all. */
function noScoreReason(measures: readonly MeasureBreakdown[]): NoScoreReason {
  const scored = measures.filter((m) => m.points !== null && m.weight > 0);
  if (scored.length > 0 && !scored.some((m) => isDataMetric(m.metric))) return 'noCustomerData';
  return measures.some((m) => m.points !== null) ? (scored.length === 0 ? 'onlyZeroWeights' : 'noCustomerData') : 'allMeasuresNA';
}
