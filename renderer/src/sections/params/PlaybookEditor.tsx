import { useTranslation } from 'react-i18next';
import type { Playbook } from '../../../../shared/health/playbook';
import { ACTION_TEMPLATE_IDS, SEVERITIES, type ActionTemplateId } from '../../../../shared/health/vocabulary';

/** Which action a signal of each severity (when its rule names none) and a red score open, and their deadlines. */
export function PlaybookEditor({ playbook, onChange }: { playbook: Playbook; onChange: (p: Playbook) => void }) {
  const { t } = useTranslation('params');
  const { t: th } = useTranslation('health');
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
      <table className="table pm-templates">
        <tbody>
          {ACTION_TEMPLATE_IDS.map((a) => {
            const tpl = playbook.templates[a];
            return tpl ? (
              <tr key={a}>
                <td>{th(`actions.${a}.title`)}</td>
                <td className="num">
                  <label className="pm-param">
                    <span className="field-help">{t('ui.playbook.dueHours')}</span>
                    <input
                      type="number"
                      min={1}
                      value={tpl.dueHours}
                      onChange={(e) =>
                        onChange({ ...playbook, templates: { ...playbook.templates, [a]: { ...tpl, dueHours: Math.max(1, Number(e.target.value)) } } })
                      }
                    />
                  </label>
                </td>
              </tr>
            ) : null;
          })}
        </tbody>
      </table>
    </div>
  );
}
