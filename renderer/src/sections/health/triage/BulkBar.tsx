import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BulkResult } from '../../../../../shared/contract/triage';
import { DISMISS_REASONS, type DismissReason } from '../../../../../shared/health/triage';
import { useWorkbench } from '../../../app/context';
import { Field, Modal } from '../../../components/Modal';

export type BulkOp = 'assign' | 'snooze' | 'dismiss' | 'close';

/** What the consultant entered for a step. */
export interface BulkInput {
  owner?: string;
  until?: string;
  reason?: { code: DismissReason; note: string };
  outcome?: 'done' | 'cancelled';
}

/**
 * The bar over a list with a selection: how many are selected, "select all N matching" (the step then
 * works on the filter, checked against N by the engine), and the steps this list offers.
 */
export function BulkBar({
  kind,
  selected,
  allMatching,
  matching,
  pageCount,
  ops,
  onSelectAll,
  onClear,
  onRun,
}: {
  kind: 'signal' | 'action';
  selected: number;
  allMatching: boolean;
  matching: number;
  pageCount: number;
  ops: BulkOp[];
  onSelectAll(): void;
  onClear(): void;
  onRun(op: BulkOp, input: BulkInput): Promise<void>;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<BulkOp | null>(null);
  if (selected === 0 && !allMatching) return null;
  const count = allMatching ? matching : selected;
  return (
    <div className="bulk-bar" data-testid={`${kind}-bulk`}>
      <strong data-testid={`${kind}-selected`}>
        {allMatching ? t('triage:bulk.allSelected', { count: matching }) : t('triage:bulk.selected', { count: selected })}
      </strong>
      {!allMatching && matching > pageCount && selected >= pageCount && (
        <button className="link" data-testid={`${kind}-select-all`} onClick={onSelectAll}>
          {t('triage:bulk.selectAll', { count: matching })}
        </button>
      )}
      <button className="link" onClick={onClear}>
        {t('triage:bulk.clear')}
      </button>
      <span className="bulk-ops">
        {ops.map((op) => (
          <button
            key={op}
            className={`btn btn-small ${op === 'dismiss' || op === 'close' ? '' : 'btn-ghost'}`}
            data-testid={`${kind}-bulk-${op}`}
            onClick={() => setDialog(op)}
          >
            {t(`triage:bulk.${op}`)}
          </button>
        ))}
      </span>
      {dialog && (
        <BulkDialog
          kind={kind}
          op={dialog}
          count={count}
          onClose={() => setDialog(null)}
          onApply={async (input) => {
            await onRun(dialog, input);
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}

function BulkDialog({
  kind,
  op,
  count,
  onClose,
  onApply,
}: {
  kind: 'signal' | 'action';
  op: BulkOp;
  count: number;
  onClose(): void;
  onApply(input: BulkInput): Promise<void>;
}) {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const [owner, setOwner] = useState('');
  const [until, setUntil] = useState(() => {
    const d = new Date(Date.now() + 14 * 86_400_000);
    return d.toISOString().slice(0, 10);
  });
  const [code, setCode] = useState<DismissReason | null>(null);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<'done' | 'cancelled'>('done');
  const [busy, setBusy] = useState(false);
  const ready =
    op === 'assign'
      ? owner.trim().length > 0
      : op === 'snooze'
        ? /^\d{4}-\d{2}-\d{2}$/.test(until)
        : op === 'dismiss'
          ? code !== null && (code !== 'other' || note.trim().length > 0)
          : true;
  const apply = async () => {
    setBusy(true);
    try {
      await onApply(
        op === 'assign'
          ? { owner: owner.trim() }
          : op === 'snooze'
            ? { until }
            : op === 'dismiss'
              ? { reason: { code: code!, note: note.trim() } }
              : { outcome },
      );
    } catch (err) {
      wb.reportError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={t('triage:bulk.confirmTitle', { op: t(`triage:ops.${op}`), count })}
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            {t('triage:bulk.cancel')}
          </button>
          <button className="btn btn-primary" disabled={!ready || busy} data-testid="bulk-apply" onClick={() => void apply()}>
            {t('triage:bulk.apply')}
          </button>
        </>
      }
    >
      {op === 'assign' && (
        <Field label={t('triage:bulk.owner')}>
          <input value={owner} data-testid="bulk-owner" autoFocus onChange={(e) => setOwner(e.target.value)} />
        </Field>
      )}
      {op === 'snooze' && (
        <Field label={t('triage:bulk.until')}>
          <input type="date" value={until} data-testid="bulk-until" onChange={(e) => setUntil(e.target.value)} />
        </Field>
      )}
      {op === 'dismiss' && (
        <>
          <div className="reason-list" role="radiogroup" aria-label={t('triage:bulk.reason')}>
            {DISMISS_REASONS.map((r) => (
              <label key={r} className="facet-row" data-testid={`bulk-reason-${r}`}>
                <input type="radio" name="reason" checked={code === r} onChange={() => setCode(r)} />
                <span>{t(`triage:reasons.${r}`)}</span>
              </label>
            ))}
          </div>
          <Field label={t('triage:bulk.note')} {...(code === 'other' ? { help: t('triage:bulk.noteRequired') } : {})}>
            <textarea rows={2} value={note} data-testid="bulk-note" onChange={(e) => setNote(e.target.value)} />
          </Field>
        </>
      )}
      {op === 'close' && kind === 'action' && (
        <Field label={t('triage:bulk.outcome')}>
          <select value={outcome} data-testid="bulk-outcome" onChange={(e) => setOutcome(e.target.value as 'done' | 'cancelled')}>
            <option value="done">{t('triage:bulk.outcomes.done')}</option>
            <option value="cancelled">{t('triage:bulk.outcomes.cancelled')}</option>
          </select>
        </Field>
      )}
      {op === 'close' && kind === 'signal' && <p className="muted small">{t('triage:bulk.closeSignalsHelp')}</p>}
    </Modal>
  );
}

/** The toast after a step: what it did, and Undo (one step back). */
export function UndoToast({ step, message, onUndone, onClose }: { step: BulkResult; message: string; onUndone(text: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const [busy, setBusy] = useState(false);
  // Once undone, the toast has said what it had to: it goes away by itself.
  useEffect(() => {
    if (step.stepId !== null) return;
    const id = setTimeout(onClose, 8000);
    return () => clearTimeout(id);
  }, [step.stepId, onClose]);
  const undo = async () => {
    if (step.stepId === null) return;
    setBusy(true);
    try {
      const r = await wb.api['triage.undo']({ stepId: step.stepId });
      onUndone(t('triage:undo.done', { restored: r.restored }) + (r.skipped ? t('triage:undo.skipped', { count: r.skipped }) : ''));
    } catch (err) {
      wb.reportError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="undo-toast" role="status" data-testid="undo-toast">
      <span>
        {message}
        {step.skipped ? ` · ${t('triage:bulk.skipped', { count: step.skipped })}` : ''}
      </span>
      {step.stepId !== null && (
        <button className="btn btn-small" disabled={busy} data-testid="undo-button" onClick={() => void undo()}>
          {t('triage:undo.button')}
        </button>
      )}
      <button className="link small" aria-label="×" onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** The toast's line for a finished step. */
export function doneMessage(t: TFunction, op: BulkOp, r: BulkResult, input: BulkInput): string {
  if (r.count === 0) return t('triage:bulk.nothing');
  return t(`triage:bulk.done.${op}`, { count: r.count, owner: input.owner ?? '', until: input.until ?? '' });
}
