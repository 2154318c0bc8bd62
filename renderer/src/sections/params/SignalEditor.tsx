import { useTranslation } from 'react-i18next';
import type { SignalRule } from '../../../../shared/health/signal-rules';
import { ACTION_TEMPLATE_IDS, SEVERITIES, type Severity } from '../../../../shared/health/vocabulary';
import type { SignalPreview } from '../../../../shared/params/preview';
import type { StoredBacktest } from '../../../../shared/contract/params';
import { AlertBudget } from './AlertBudget';
import { BacktestCell, BacktestLine } from './BacktestCell';

interface Props {
  rules: SignalRule[];
  preview: SignalPreview | null;
  /** The latest stored signal backtest; null before the first (undefined while it loads). */
  backtest: StoredBacktest | null | undefined;
  int: (n: number) => string;
  onChange: (rules: SignalRule[]) => void;
  onOpenChurn: () => void;
}

type ParamValue = number | string | string[];

/** One input per rule parameter: numbers, the purchase-volume basis, keyword lists as comma-separated text. */
function ParamInput({ ruleId, name, value, onChange }: { ruleId: string; name: string; value: ParamValue; onChange: (v: ParamValue) => void }) {
  const { t } = useTranslation('params');
  const label = t(`ui.signals.param.${name}`, { defaultValue: name });
  if (Array.isArray(value)) {
    return (
      <label className="pm-param pm-param-wide">
        <span className="field-help">{label}</span>
        <input
          value={value.join(', ')}
          onChange={(e) =>
            onChange(
              e.target.value
                .split(/[,，、]/)
                .map((x) => x.trim())
                .filter(Boolean),
            )
          }
        />
      </label>
    );
  }
  if (typeof value === 'string') {
    return (
      <label className="pm-param">
        <span className="field-help">{label}</span>
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="quantity">{t('ui.signals.basis.quantity')}</option>
          <option value="orders">{t('ui.signals.basis.orders')}</option>
        </select>
      </label>
    );
  }
  return (
    <label className="pm-param">
      <span className="field-help">{label}</span>
      <input type="number" value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid={`params-signal-${ruleId}-${name}`} />
    </label>
  );
}

/** Every early-warning rule: on/off, severity, its thresholds and the action it opens, with how many customers it would fire for. */
export function SignalEditor({ rules, preview, backtest, int, onChange, onOpenChurn }: Props) {
  const { t } = useTranslation('params');
  const { t: th } = useTranslation('health');
  const update = (i: number, next: SignalRule) => onChange(rules.map((r, k) => (k === i ? next : r)));
  const counts = new Map(preview?.rules.map((r) => [r.ruleId, r]) ?? []);
  return (
    <div className="card" data-testid="params-signals">
      <div className="card-header">
        <h2>{t('ui.signals.title')}</h2>
      </div>
      {preview ? (
        <p className="pm-preview-line" data-testid="params-signals-preview">
          {t('ui.signals.previewLine', {
            asOf: preview.asOf,
            customers: int(preview.customers),
            heavy: int(preview.bySeverity.heavy.now),
            heavyWas: int(preview.bySeverity.heavy.was),
            medium: int(preview.bySeverity.medium.now),
            mediumWas: int(preview.bySeverity.medium.was),
            light: int(preview.bySeverity.light.now),
            lightWas: int(preview.bySeverity.light.was),
          })}
        </p>
      ) : null}
      <BacktestLine backtest={backtest} onOpenChurn={onOpenChurn} />
      <table className="table pm-signals">
        <thead>
          <tr>
            <th>{t('ui.signals.enabled')}</th>
            <th>{t('ui.signals.rule')}</th>
            <th>{t('ui.signals.severity')}</th>
            <th>{t('ui.signals.params')}</th>
            <th>{t('ui.signals.action')}</th>
            <th className="num">{t('ui.signals.wouldFire')}</th>
            <th>{t('ui.backtest.column')}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r, i) => {
            const c = counts.get(r.id);
            const params = r.params as Record<string, ParamValue>;
            return (
              <tr key={r.id} data-testid={`params-signal-${r.id}`}>
                <td>
                  <input type="checkbox" checked={r.enabled} onChange={(e) => update(i, { ...r, enabled: e.target.checked })} />
                </td>
                <td title={th(`signals.${r.id}.description`)}>{th(`signals.${r.id}.name`)}</td>
                <td>
                  <select
                    value={r.severity}
                    onChange={(e) => update(i, { ...r, severity: e.target.value as Severity })}
                    data-testid={`params-severity-${r.id}`}
                  >
                    {SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {th(`severities.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <div className="pm-params">
                    {Object.entries(params).map(([name, value]) => (
                      <ParamInput
                        key={name}
                        ruleId={r.id}
                        name={name}
                        value={value}
                        onChange={(v) => update(i, { ...r, params: { ...params, [name]: v } } as SignalRule)}
                      />
                    ))}
                  </div>
                </td>
                <td>
                  <select
                    value={r.action ?? ''}
                    onChange={(e) => update(i, { ...r, action: e.target.value === '' ? null : (e.target.value as SignalRule['action']) })}
                  >
                    <option value="">{t('ui.signals.actionDefault')}</option>
                    {ACTION_TEMPLATE_IDS.map((a) => (
                      <option key={a} value={a}>
                        {th(`actions.${a}.title`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="num pm-budget-cell">{c ? <AlertBudget ruleId={r.id} count={c} int={int} /> : '—'}</td>
                <td className="pm-backtest-cell">
                  <BacktestCell rule={r} backtest={backtest} int={int} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
