import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../../shared/domain/engagement';
import type { TriageStep } from '../../../../../shared/contract/triage';
import { useWorkbench } from '../../../app/context';

const BULK_ACTIONS = new Set(['signals.bulk', 'actions.bulk']);

/** The bulk steps of the audit log, so an entry can offer its undo (only the latest step's). */
export function useTriageSteps(version: unknown): { steps: Map<number, TriageStep>; reload(): void } {
  const wb = useWorkbench();
  const [steps, setSteps] = useState<Map<number, TriageStep>>(new Map());
  const [tick, setTick] = useState(0);
  useEffect(() => {
    wb.api['triage.steps']({ limit: 200 }).then((xs) => setSteps(new Map(xs.map((s) => [s.id, s]))), wb.reportError);
  }, [wb.api, wb.reportError, version, tick]);
  return { steps, reload: () => setTick((x) => x + 1) };
}

/** Undo from the audit log: on the entry of the latest bulk step not undone; "undone" on those taken back. */
export function AuditUndo({ entry, steps, onUndone }: { entry: AuditEntry; steps: Map<number, TriageStep>; onUndone(): void }) {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const [message, setMessage] = useState<string | null>(null);
  if (!BULK_ACTIONS.has(entry.action) || typeof entry.detail.stepId !== 'number') return null;
  const step = steps.get(entry.detail.stepId);
  if (!step) return null;
  if (step.undoneAt) return <span className="badge">{t('triage:undo.undone')}</span>;
  if (!step.undoable) return null;
  return (
    <>
      <button
        className="btn btn-small"
        data-testid={`audit-undo-${step.id}`}
        onClick={async () => {
          try {
            const r = await wb.api['triage.undo']({ stepId: step.id });
            setMessage(t('triage:undo.done', { restored: r.restored }) + (r.skipped ? t('triage:undo.skipped', { count: r.skipped }) : ''));
            onUndone();
          } catch (err) {
            wb.reportError(err);
          }
        }}
      >
        {t('triage:undo.audit')}
      </button>
      {message && <span className="small success"> {message}</span>}
    </>
  );
}
