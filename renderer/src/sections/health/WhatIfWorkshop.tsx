import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildTrendChart } from '../../../../shared/charts';
import type { WhatIfData } from '../../../../shared/contract/health';
import type { HealthModel } from '../../../../shared/health/model';
import { copyHealthModel } from '../../../../shared/health/model';
import { BANDS, compileModel, countBands, scoreMatrix, type BandCounts } from '../../../../shared/health/score';
import { useWorkbench } from '../../app/context';
import { Chart } from '../../components/Chart';
import { measureName, modelName } from './labels';
import { addableMetrics, measureTemplate } from '../../../../shared/health/measure-templates';
import { describeSource, isModelMetric, MODEL_METRIC_SOURCE } from '../../../../shared/health/model-sources';
import type { HealthMetric } from '../../../../shared/health/metrics';

interface Props {
  version: number;
  onSaved(): void;
}

const clone = (m: HealthModel): HealthModel => JSON.parse(JSON.stringify(m)) as HealthModel;

/** Rescoring runs here, in the page, on the metric matrix loaded once: no round trip per slider move. */
export function WhatIfWorkshop({ version, onSaved }: Props) {
  const { t } = useTranslation('health');
  const wb = useWorkbench();
  const [data, setData] = useState<WhatIfData | null | undefined>(undefined);
  const [draft, setDraft] = useState<HealthModel | null>(null);
  const [name, setName] = useState('');
  const buffer = useRef<Float64Array | null>(null);

  useEffect(() => {
    wb.api['health.whatIfData']({}).then((d) => {
      setData(d);
      setDraft(d ? clone(d.model) : null);
      setName(d ? `${modelName(t, d.model)} · ${t('ui.workshop.copy')}` : '');
    }, wb.reportError);
  }, [wb.api, wb.reportError, version, t]);

  const matrix = useMemo(() => {
    if (!data) return null;
    const m = new Float64Array(data.metrics.length);
    for (let i = 0; i < m.length; i++) m[i] = data.metrics[i] ?? Number.NaN;
    return m;
  }, [data]);

  const baseline = useMemo<BandCounts | null>(() => {
    if (!data || !matrix) return null;
    const c = compileModel(data.model);
    return countBands(c.bands, scoreMatrix(c, matrix));
  }, [data, matrix]);

  const result = useMemo(() => {
    if (!draft || !matrix || !data) return null;
    const t0 = performance.now();
    const compiled = compileModel(draft);
    const n = data.customerKeys.length;
    if (!buffer.current || buffer.current.length < n) buffer.current = new Float64Array(n);
    const scores = scoreMatrix(compiled, matrix, buffer.current);
    const counts = countBands(compiled.bands, scores, n);
    return { counts, ms: performance.now() - t0 };
  }, [draft, matrix, data]);

  const chart = useMemo(() => {
    if (!baseline || !result) return null;
    return buildTrendChart({
      categories: BANDS.map((b) => t(`bands.${b}`)),
      series: [
        { name: t('ui.workshop.current'), kind: 'bar', values: BANDS.map((b) => baseline[b]), showLabels: true },
        { name: t('ui.workshop.whatIf'), kind: 'bar', values: BANDS.map((b) => result.counts[b]), showLabels: true },
      ],
      leftAxis: { unit: 'integer', name: t('ui.overview.customers') },
      locale: wb.locale,
    });
  }, [baseline, result, t, wb.locale]);

  if (data === undefined)
    return (
      <div className="card">
        <p className="muted">{t('ui.loading')}</p>
      </div>
    );
  if (data === null || !draft)
    return (
      <div className="card">
        <p className="muted">{t('ui.overview.noRun')}</p>
      </div>
    );

  const update = (f: (m: HealthModel) => void) =>
    setDraft((cur) => {
      if (!cur) return cur;
      const next = clone(cur);
      f(next);
      return next;
    });
  const totalWeight = draft.measures.reduce((s, m) => s + m.weight, 0);
  const save = async () => {
    try {
      const copy = copyHealthModel(draft, `custom-${Date.now().toString(36)}`, name.trim() || t('ui.workshop.copy'));
      copy.basedOn = data.model.id;
      await wb.api['health.saveModel']({ model: copy });
      onSaved();
    } catch (err) {
      wb.reportError(err);
    }
  };

  return (
    <div className="workshop" data-testid="whatif">
      <div className="card">
        <div className="card-header">
          <h2>{t('ui.workshop.title')}</h2>
          <button className="btn" onClick={() => setDraft(clone(data.model))}>
            {t('ui.workshop.reset')}
          </button>
        </div>
        <p className="muted small">{t('ui.workshop.help', { model: modelName(t, data.model), count: data.customerKeys.length })}</p>
        <h3>{t('ui.workshop.weights')}</h3>
        {draft.measures.map((m, i) => (
          <div key={m.id} className="slider-row">
            <span className="slider-label">
              {measureName(t, m)}
              <span className="muted small"> · {t(`metrics.${m.metric}`)}</span>
              {draft.measures.length > 1 && (
                <button
                  className="workshop-remove"
                  title={t('ui.workshop.remove')}
                  aria-label={`${t('ui.workshop.remove')} ${measureName(t, m)}`}
                  data-testid={`remove-${m.id}`}
                  onClick={() =>
                    update((d) => {
                      d.measures.splice(i, 1);
                    })
                  }
                >
                  ×
                </button>
              )}
            </span>
            <input
              type="range"
              min={0}
              max={100}
              step={1}
              value={m.weight}
              data-testid={`weight-${m.id}`}
              onChange={(e) =>
                update((d) => {
                  d.measures[i]!.weight = Number(e.target.value);
                })
              }
            />
            <span className="slider-value">
              {m.weight}
              <span className="muted small"> ({totalWeight ? ((100 * m.weight) / totalWeight).toFixed(0) : 0}%)</span>
            </span>
            {m.scoring.kind === 'linear' && (
              <div className="steps">
                {(['worst', 'best'] as const).map((end) => (
                  <label
                    key={end}
                    className="step"
                    title={t('ui.workshop.scoringLinear', {
                      worst: m.scoring.kind === 'linear' ? m.scoring.worst : '',
                      best: m.scoring.kind === 'linear' ? m.scoring.best : '',
                    })}
                  >
                    <input
                      type="number"
                      value={m.scoring.kind === 'linear' ? m.scoring[end] : 0}
                      data-testid={`linear-${m.id}-${end}`}
                      onChange={(e) =>
                        update((d) => {
                          const sc = d.measures[i]!.scoring;
                          // worst and best must differ (the schema refuses a flat line); the edit waits for a different number.
                          if (sc.kind === 'linear' && e.target.value !== '') {
                            const v = Number(e.target.value);
                            if (v !== (end === 'worst' ? sc.best : sc.worst)) sc[end] = v;
                          }
                        })
                      }
                    />
                    <span className="muted small">→ {end === 'worst' ? 0 : 100}</span>
                  </label>
                ))}
              </div>
            )}
            {isModelMetric(m.metric) && data.sources?.[MODEL_METRIC_SOURCE[m.metric]].status !== 'used' && (
              <p className="muted small workshop-note" data-testid={`nodata-${m.id}`}>
                {t('ui.workshop.noData', {
                  reason: data.sources
                    ? describeSource(MODEL_METRIC_SOURCE[m.metric], data.sources[MODEL_METRIC_SOURCE[m.metric]], (k, p) => t(k, p ?? {}))
                    : t('sources.notRecorded'),
                })}
              </p>
            )}
            {m.scoring.kind === 'thresholds' && (
              <div className="steps">
                {m.scoring.steps.map((s, j) => (
                  <label key={j} className="step" title={t(`directions.${m.scoring.kind === 'thresholds' ? m.scoring.direction : 'higherIsBetter'}`)}>
                    <span className="muted small">{m.scoring.kind === 'thresholds' && m.scoring.direction === 'higherIsBetter' ? '≥' : '≤'}</span>
                    <input
                      type="number"
                      value={s.bound}
                      onChange={(e) =>
                        update((d) => {
                          const sc = d.measures[i]!.scoring;
                          if (sc.kind === 'thresholds' && sc.steps[j] && e.target.value !== '') sc.steps[j]!.bound = Number(e.target.value);
                        })
                      }
                    />
                    <span className="muted small">→ {s.points}</span>
                  </label>
                ))}
              </div>
            )}
          </div>
        ))}
        <div className="save-row">
          <select
            value=""
            aria-label={t('ui.workshop.add')}
            data-testid="whatif-add-measure"
            onChange={(e) => {
              const metric = e.target.value as HealthMetric;
              update((d) => {
                const m = measureTemplate(metric, new Set(d.measures.map((x) => x.id)));
                if (m) d.measures.push(m);
              });
            }}
          >
            <option value="">{t('ui.workshop.addPick')}</option>
            <optgroup label={t('ui.workshop.modelGroup')}>
              {addableMetrics()
                .filter((m) => isModelMetric(m))
                .map((m) => (
                  <option key={m} value={m}>
                    {t(`metrics.${m}`)}
                  </option>
                ))}
            </optgroup>
            <optgroup label={t('ui.workshop.dataGroup')}>
              {addableMetrics()
                .filter((m) => !isModelMetric(m))
                .map((m) => (
                  <option key={m} value={m}>
                    {t(`metrics.${m}`)}
                  </option>
                ))}
            </optgroup>
          </select>
        </div>
        <h3>{t('ui.workshop.bands')}</h3>
        <div className="slider-row">
          <span className="slider-label">
            <span className="sev-dot band-dot-red" /> {t('ui.workshop.redMax')}
          </span>
          <input
            type="range"
            min={0}
            max={99}
            value={draft.bands.redMax}
            data-testid="band-redMax"
            onChange={(e) =>
              update((d) => {
                d.bands.redMax = Math.min(Number(e.target.value), d.bands.yellowMax - 1);
              })
            }
          />
          <span className="slider-value">{draft.bands.redMax}</span>
        </div>
        <div className="slider-row">
          <span className="slider-label">
            <span className="sev-dot band-dot-yellow" /> {t('ui.workshop.yellowMax')}
          </span>
          <input
            type="range"
            min={1}
            max={100}
            value={draft.bands.yellowMax}
            onChange={(e) =>
              update((d) => {
                d.bands.yellowMax = Math.max(Number(e.target.value), d.bands.redMax + 1);
              })
            }
          />
          <span className="slider-value">{draft.bands.yellowMax}</span>
        </div>
        <div className="save-row">
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('ui.workshop.name')} />
          <button className="btn btn-primary" onClick={save}>
            {t('ui.workshop.save')}
          </button>
        </div>
      </div>
      <div className="card">
        <div className="card-header">
          <h2>{t('ui.workshop.result')}</h2>
          {result && (
            <span className="muted small" data-testid="whatif-ms">
              {t('ui.workshop.timing', { ms: result.ms.toFixed(1), count: data.customerKeys.length })}
            </span>
          )}
        </div>
        {baseline && result && (
          <div className="kpi-grid">
            {BANDS.map((b) => {
              const d = result.counts[b] - baseline[b];
              return (
                <div key={b} className={`kpi kpi-band band-${b}`} data-testid={`whatif-${b}`}>
                  <span className="kpi-label">{t(`bands.${b}`)}</span>
                  <span className="kpi-value">{result.counts[b]}</span>
                  <span className={`kpi-sub ${d > 0 ? 'delta-up' : d < 0 ? 'delta-down' : ''}`}>
                    {t('ui.workshop.delta', { delta: d > 0 ? `+${d}` : String(d) })}
                  </span>
                </div>
              );
            })}
          </div>
        )}
        {chart && <Chart option={chart} height={300} testId="whatif-chart" />}
        <p className="muted small formula">{draft.aggregation === 'lowest' ? t('formulaLowest') : t('formula')}</p>
      </div>
    </div>
  );
}
