import { useTranslation } from 'react-i18next';
import type { Playbook } from '../../../../shared/health/playbook';
import { ACTION_TEMPLATE_IDS, SEVERITIES, type ActionTemplateId } from '../../../../shared/health/vocabulary';
import type { PlaybookPreview } from '../../../../shared/params/preview';
import { policySeverities, type ActionPolicy } from '../../../../shared/health/action-policy';

interface Props {
  playbook: Playbook;
  preview: PlaybookPreview | null;
  int: (n: number) => string;
  onChange: (p: Playbook) => void;
}

/**
 * Which action a signal of each severity (when its rule names none) and a red score open, and their
 * deadlines, with the customers the set's rules and playbook would call for each action before → after.
 */
export function PlaybookEditor({ playbook, preview, int, onChange }: Props) {
  const { t } = useTranslation('params');
  const { t: th } = useTranslation('health');
  const { t: tt } = useTranslation('triage');
  const policyText = (p: ActionPolicy) => {
    const parts = [...policySeverities(p).map((sev) => tt(`policy.signals.${sev}`)), ...(p.redScore ? [tt('policy.redScore')] : [])];
    return parts.length > 0 ? parts.join(tt('policy.and')) : tt('policy.nothing');
  };
  const select = (value: ActionTemplateId, set: (v: ActionTemplateId) => void, testId: string) => (
    <select value={value} onChange={(e) => set(e.target.value as ActionTemplateId)} data-testid={testId}>
      {ACTION_TEMPLATE_IDS.map((a) => (
        <option key={a} value={a}>
          {th(`actions.${a}.title`)}
        </option>
      ))}
    </select>
  );
  return (
    <div className="card" data-testid="params-playbook">
      <div className="card-header">
        <h2>{t('ui.playbook.title')}</h2>
      </div>
      <div className="pm-grid">
        {SEVERITIES.map((s) => (
          <label key={s} className="field">
            <span className="field-label">{t('ui.playbook.bySeverity', { severity: th(`severities.${s}`) })}</span>
            {select(playbook.bySeverity[s], (v) => onChange({ ...playbook, bySeverity: { ...playbook.bySeverity, [s]: v } }), `params-playbook-${s}`)}
          </label>
        ))}
        <label className="field">
          <span className="field-label">{t('ui.playbook.redScore')}</span>
          {select(playbook.redScore, (v) => onChange({ ...playbook, redScore: v }), 'params-playbook-red')}
        </label>
      </div>
      {preview ? (
        <p className="field-help" data-testid="params-playbook-policy">
          {t('ui.playbook.policy', { which: policyText(preview.policy) })}
        </p>
      ) : null}
      {preview ? (
        <p className="pm-preview-line" data-testid="params-playbook-preview">
          {t('ui.playbook.previewLine', {
            now: int(preview.total.now),
            was: int(preview.total.was),
            live: int(preview.total.alreadyLive),
            red: int(preview.red.now),
            redWas: int(preview.red.was),
            customers: int(preview.customers),
            asOf: preview.asOf,
          })}
        </p>
      ) : null}
      <table className="table pm-templates">
        {preview ? (
          <thead>
            <tr>
              <th>{t('ui.playbook.action')}</th>
              <th className="num">{t('ui.playbook.dueHours')}</th>
              <th className="num">{t('ui.playbook.calledFor')}</th>
              <th className="num">{t('ui.playbook.alreadyLive')}</th>
            </tr>
          </thead>
        ) : null}
        <tbody>
          {ACTION_TEMPLATE_IDS.map((a) => {
            const tpl = playbook.templates[a];
            const c = preview?.actions.find((x) => x.templateId === a);
            return tpl ? (
              <tr key={a} data-testid={`params-playbook-action-${a}`}>
                <td>{th(`actions.${a}.title`)}</td>
                <td className="num">
                  <label className="pm-param">
                    {preview ? null : <span className="field-help">{t('ui.playbook.dueHours')}</span>}
                    <input
                      type="number"
                      min={1}
                      aria-label={t('ui.playbook.dueHours')}
                      value={tpl.dueHours}
                      onChange={(e) =>
                        onChange({ ...playbook, templates: { ...playbook.templates, [a]: { ...tpl, dueHours: Math.max(1, Number(e.target.value)) } } })
                      }
                    />
                  </label>
                </td>
                {preview ? (
                  <>
                    <td className={`num${c && c.now !== c.was ? ' pm-changed' : ''}`} data-testid={`params-playbook-count-${a}`}>
                      {t('ui.rfm.countCell', { now: int(c?.now ?? 0), was: int(c?.was ?? 0) })}
                    </td>
                    <td className="num muted">{int(c?.alreadyLive ?? 0)}</td>
                  </>
                ) : null}
              </tr>
            ) : null;
          })}
        </tbody>
      </table>
    </div>
  );
}
