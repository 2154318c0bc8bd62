import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHURN_CALIBRATIONS,
  CHURN_LABEL_SOURCES,
  CHURN_MODEL_KINDS,
  type ChurnCalibration,
  type ChurnLabelSource,
  type ChurnModelKind,
  type ChurnParamsInput,
} from '../../../../shared/churn/types';
import type { JobProgress } from '../../../../shared/contract';

interface Props {
  running: boolean;
  progress: JobProgress | null;
  onFit: (params: ChurnParamsInput) => void;
  onCancel: () => void;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** How churn is labelled and which model is fitted; the fit runs as a job with progress and cancel. */
export function FitControls({ running, progress, onFit, onCancel }: Props) {
  const { t } = useTranslation('churn');
  const [label, setLabel] = useState<ChurnLabelSource>('history');
  const [cutoff, setCutoff] = useState('');
  const [horizon, setHorizon] = useState(180);
  const [model, setModel] = useState<ChurnModelKind>('logistic');
  const [folds, setFolds] = useState(5);
  const [calibration, setCalibration] = useState<ChurnCalibration>('platt');
  const phase = progress?.phase.replace(/^churn\./, '') ?? 'features';
  return (
    <section className="card churn-fit" data-testid="churn-fit">
      <div className="churn-fit-fields">
        <label className="inline-field">
          <span>{t('ui.fit.label')}</span>
          <select value={label} onChange={(e) => setLabel(e.target.value as ChurnLabelSource)} data-testid="churn-label">
            {CHURN_LABEL_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`ui.fit.label${cap(s)}`)}
              </option>
            ))}
          </select>
        </label>
        {label === 'history' && (
          <>
            <label className="inline-field">
              <span>{t('ui.fit.cutoff')}</span>
              <input type="date" value={cutoff} title={t('ui.fit.cutoffAuto')} onChange={(e) => setCutoff(e.target.value)} data-testid="churn-cutoff" />
            </label>
            <label className="inline-field">
              <span>{t('ui.fit.horizon')}</span>
              <input
                type="number"
                min={30}
                max={730}
                step={30}
                value={horizon}
                onChange={(e) => setHorizon(Number(e.target.value))}
                data-testid="churn-horizon"
              />
            </label>
          </>
        )}
        <label className="inline-field">
          <span>{t('ui.fit.model')}</span>
          <select value={model} onChange={(e) => setModel(e.target.value as ChurnModelKind)} data-testid="churn-model">
            {CHURN_MODEL_KINDS.map((m) => (
              <option key={m} value={m}>
                {t(`ui.fit.model${cap(m)}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('ui.fit.calibration')}</span>
          <select value={calibration} onChange={(e) => setCalibration(e.target.value as ChurnCalibration)} data-testid="churn-calibration-method">
            {CHURN_CALIBRATIONS.map((m) => (
              <option key={m} value={m}>
                {t(`calibration.method.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('ui.fit.folds')}</span>
          <input type="number" min={2} max={10} value={folds} onChange={(e) => setFolds(Number(e.target.value))} data-testid="churn-folds" />
        </label>
        <button
          className="btn btn-primary"
          disabled={running}
          data-testid="churn-fit-run"
          onClick={() => onFit({ label, model, folds, calibration, ...(label === 'history' ? { horizonDays: horizon, ...(cutoff ? { cutoff } : {}) } : {}) })}
        >
          {running ? t('ui.fit.running') : t('ui.fit.run')}
        </button>
        {running && (
          <button className="btn" onClick={onCancel} data-testid="churn-fit-cancel">
            {t('ui.fit.cancel')}
          </button>
        )}
      </div>
      {running && (
        <div className="run-progress" data-testid="churn-progress">
          <span>{t(`phases.${phase}`, { defaultValue: phase })}</span>
          <div className="progress">
            <span style={{ width: progress?.total ? `${(100 * progress.done) / progress.total}%` : '35%' }} />
          </div>
        </div>
      )}
    </section>
  );
}
