import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanResult } from '../../../../shared/contract/impact';
import type { Outcome } from '../../../../shared/impact/experiment';
import { useWorkbench } from '../../app/context';
import { useMoney } from '../../app/money';
import { formatEffect } from './format';

/** Before the start: the sizes an effect needs, or the power and MDE of the groups on hand. */
export function PlanCalculator() {
  const { t } = useTranslation('impact');
  const wb = useWorkbench();
  const money = useMoney();
  const [outcome, setOutcome] = useState<Outcome>('retained');
  const [rate, setRate] = useState('0.6');
  const [sd, setSd] = useState('');
  const [effect, setEffect] = useState('0.05');
  const [sizes, setSizes] = useState('');
  const [alpha, setAlpha] = useState('0.05');
  const [power, setPower] = useState('0.8');
  const [res, setRes] = useState<PlanResult | null>(null);
  const binary = outcome !== 'revenue';
  const compute = async () => {
    const [nt, nc] = sizes.split(/[,/ ]+/).map(Number);
    try {
      setRes(
        await wb.api['impact.plan']({
          outcome,
          alpha: Number(alpha),
          power: Number(power),
          ...(binary ? { baselineRate: Number(rate) } : { sd: Number(sd) }),
          ...(effect ? { effect: Number(effect) } : {}),
          ...(nt && nc ? { treatmentSize: nt, controlSize: nc } : {}),
        }),
      );
    } catch (err) {
      wb.reportError(err);
    }
  };
  const input = (label: string, value: string, on: (v: string) => void, testId: string) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input value={value} onChange={(e) => on(e.target.value)} data-testid={testId} />
    </label>
  );
  return (
    <div className="card" data-testid="impact-calculator">
      <h3>{t('experiments.calculator.heading')}</h3>
      <p className="muted small">{t('experiments.calculator.note')}</p>
      <div className="form-grid">
        <label className="field">
          <span className="field-label">{t('experiments.outcome')}</span>
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
            {(['retained', 'converted', 'revenue'] as const).map((o) => (
              <option key={o} value={o}>
                {t(`experiments.outcomes.${o}`)}
              </option>
            ))}
          </select>
        </label>
        {binary ? input(t('experiments.calculator.baselineRate'), rate, setRate, 'plan-rate') : input(t('experiments.calculator.sd'), sd, setSd, 'plan-sd')}
        {input(t('experiments.calculator.effect'), effect, setEffect, 'plan-effect')}
        {input(t('experiments.calculator.sizes'), sizes, setSizes, 'plan-sizes')}
        {input(t('experiments.calculator.alpha'), alpha, setAlpha, 'plan-alpha')}
        {input(t('experiments.calculator.power'), power, setPower, 'plan-power')}
      </div>
      <button className="btn" onClick={() => void compute()} data-testid="plan-compute">
        {t('common.compute')}
      </button>
      {res && (
        <ul className="small" data-testid="plan-result">
          {res.needed && <li>{t('experiments.calculator.needed', res.needed)}</li>}
          {res.achievedPower !== null && <li>{t('experiments.calculator.achieved', { power: `${(res.achievedPower * 100).toFixed(1)}%` })}</li>}
          {sizes && (
            <li>
              {res.mde === null
                ? t('experiments.calculator.mdeNone')
                : t('experiments.calculator.mde', { mde: formatEffect(res.mde, outcome, wb.locale, money) })}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
