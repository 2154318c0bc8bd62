import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNT_MODELS, type CountModel } from '../../../../shared/clv/models';
import { TIME_UNITS, type TimeUnit } from '../../../../shared/clv/summary';
import type { ClvParamsInput } from '../../../../shared/clv/types';
import type { JobProgress } from '../../../../shared/contract';

interface Props {
  running: boolean;
  progress: JobProgress | null;
  onFit: (params: ClvParamsInput) => void;
  onCancel: () => void;
}

/** Model, unit, as-of, calibration / hold-out split, horizon and discount; the fit runs as a job. */
export function FitControls({ running, progress, onFit, onCancel }: Props) {
  const { t } = useTranslation('clv');
  const [model, setModel] = useState<CountModel>('bgnbd');
  const [unit, setUnit] = useState<TimeUnit>('day');
  const [asOf, setAsOf] = useState('');
  const [calibrationEnd, setCalibrationEnd] = useState('');
  const [holdoutDays, setHoldoutDays] = useState(90);
  const [horizonMonths, setHorizonMonths] = useState(12);
  const [discountPercent, setDiscountPercent] = useState(1);
  const phase = progress?.phase.replace(/^clv\./, '') ?? 'orders';
  const submit = () =>
    onFit({
      model,
      unit,
      holdoutDays,
      horizonMonths,
      discount: discountPercent / 100,
      ...(asOf ? { asOf } : {}),
      ...(calibrationEnd ? { calibrationEnd } : {}),
    });
  return (
    <section className="card clv-fit" data-testid="clv-fit">
      <div className="clv-fit-fields">
        <label className="inline-field">
          <span>{t('ui.fit.model')}</span>
          <select value={model} onChange={(e) => setModel(e.target.value as CountModel)} data-testid="clv-model">
            {COUNT_MODELS.map((m) => (
              <option key={m} value={m}>
                {t(`model.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('ui.fit.unit')}</span>
          <select value={unit} onChange={(e) => setUnit(e.target.value as TimeUnit)} data-testid="clv-unit">
            {TIME_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`unit.${u}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('ui.fit.asOf')}</span>
          <input type="date" value={asOf} title={t('ui.fit.asOfAuto')} onChange={(e) => setAsOf(e.target.value)} data-testid="clv-as-of" />
        </label>
        <label className="inline-field">
          <span>{t('ui.fit.calibrationEnd')}</span>
          <input
            type="date"
            value={calibrationEnd}
            title={t('ui.fit.calibrationEndAuto')}
            onChange={(e) => setCalibrationEnd(e.target.value)}
            data-testid="clv-calibration-end"
          />
        </label>
        {!calibrationEnd && (
          <label className="inline-field">
            <span>{t('ui.fit.holdoutDays')}</span>
            <input
              type="number"
              min={0}
              max={1095}
              step={30}
              value={holdoutDays}
              onChange={(e) => setHoldoutDays(Number(e.target.value))}
              data-testid="clv-holdout-days"
            />
          </label>
        )}
        <label className="inline-field">
          <span>{t('ui.fit.horizonMonths')}</span>
          <input type="number" min={1} max={120} value={horizonMonths} onChange={(e) => setHorizonMonths(Number(e.target.value))} data-testid="clv-horizon" />
        </label>
        <label className="inline-field">
          <span>{t('ui.fit.discount')}</span>
          <input
            type="number"
            min={0}
            max={100}
            step={0.1}
            value={discountPercent}
            onChange={(e) => setDiscountPercent(Number(e.target.value))}
            data-testid="clv-discount"
          />
        </label>
        <button className="btn btn-primary" disabled={running} data-testid="clv-fit-run" onClick={submit}>
          {running ? t('ui.fit.running') : t('ui.fit.run')}
        </button>
        {running && (
          <button className="btn" onClick={onCancel} data-testid="clv-fit-cancel">
            {t('ui.fit.cancel')}
          </button>
        )}
      </div>
      {running && (
        <div className="run-progress" data-testid="clv-progress">
          <span>{t(`phase.${phase}`, { defaultValue: phase })}</span>
          <div className="progress">
            <span style={{ width: progress?.total ? `${(100 * progress.done) / progress.total}%` : '35%' }} />
          </div>
        </div>
      )}
    </section>
  );
}
