import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_ACTION_POLICY, type ActionPolicy } from '../../../../../shared/health/action-policy';
import { useWorkbench } from '../../../app/context';
import { Modal } from '../../../components/Modal';
import { fmtWhen } from '../labels';

const ROWS = ['heavy', 'medium', 'light', 'redScore'] as const;

/** The engagement's action policy: per severity (and red health), open an action or stay in the inbox. */
export function ActionPolicyDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const [policy, setPolicy] = useState<ActionPolicy | null>(null);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    wb.api['health.actionPolicy']({}).then((p) => {
      setPolicy(p.policy);
      setUpdatedAt(p.updatedAt);
    }, wb.reportError);
  }, [wb.api, wb.reportError]);
  const save = async () => {
    if (!policy) return;
    try {
      const r = await wb.api['health.saveActionPolicy']({ policy });
      setUpdatedAt(r.updatedAt);
      setSaved(true);
    } catch (err) {
      wb.reportError(err);
    }
  };
  return (
    <Modal
      title={t('triage:policy.title')}
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            {t('triage:bulk.cancel')}
          </button>
          <button className="btn btn-primary" disabled={!policy} data-testid="action-policy-save" onClick={() => void save()}>
            {t('triage:policy.save')}
          </button>
        </>
      }
    >
      <p className="muted small">{t('triage:policy.help')}</p>
      {policy && (
        <table className="table policy-table" data-testid="action-policy">
          <tbody>
            {ROWS.map((row) => (
              <tr key={row}>
                <th>{row === 'redScore' ? t('triage:policy.redScore') : t(`triage:policy.signals.${row}`)}</th>
                {([true, false] as const).map((opens) => (
                  <td key={String(opens)}>
                    <label className="facet-row" data-testid={`policy-${row}-${opens ? 'opens' : 'stays'}`}>
                      <input
                        type="radio"
                        name={`policy-${row}`}
                        checked={policy[row] === opens}
                        onChange={() => {
                          setPolicy({ ...policy, [row]: opens });
                          setSaved(false);
                        }}
                      />
                      <span>{opens ? t('triage:policy.opens') : t('triage:policy.stays')}</span>
                    </label>
                  </td>
                ))}
                <td className="muted small">{DEFAULT_ACTION_POLICY[row] === policy[row] ? '' : `≠ ${t('triage:policy.default')}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">{updatedAt ? t('triage:policy.custom', { at: fmtWhen(updatedAt) }) : t('triage:policy.isDefault')}</p>
      {saved && (
        <p className="success small" data-testid="action-policy-saved">
          {t('triage:policy.saved')}
        </p>
      )}
    </Modal>
  );
}
