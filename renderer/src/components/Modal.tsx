import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineError } from './ErrorBanner';

export function Modal({ title, onClose, children, footer }: { title: string; onClose: () => void; children: ReactNode; footer: ReactNode }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={title}>
        <h2>{title}</h2>
        <div className="modal-body">{children}</div>
        <div className="modal-footer">{footer}</div>
      </div>
    </div>
  );
}

export function Field({ label, help, children }: { label: string; help?: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {help && <span className="field-help">{help}</span>}
    </label>
  );
}

/** A form in a dialog: Cancel and a submit button in the footer, the error under the fields. */
export function FormModal(props: {
  id: string;
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  submitTestId?: string;
  busy?: boolean;
  error: unknown;
  /** Replaces the footer (e.g. a single "OK" once the work is done). */
  footer?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const footer = props.footer ?? (
    <>
      <button className="btn" onClick={props.onClose} type="button">
        {t('actions.cancel')}
      </button>
      <button className="btn btn-primary" type="submit" form={props.id} disabled={props.busy} data-testid={props.submitTestId}>
        {props.submitLabel}
      </button>
    </>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <Modal title={props.title} onClose={props.onClose} footer={footer}>
      <form id={props.id} onSubmit={submit} className="form-grid">
        {props.children}
        <InlineError error={props.error} />
      </form>
    </Modal>
  );
}

/** Runs a dialog's action with busy and error state; the action's own errors stay in the dialog. */
export function useSubmit(action: () => Promise<void>): { busy: boolean; error: unknown; setError: (e: unknown) => void; submit: () => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = () => {
    setBusy(true);
    setError(null);
    action()
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return { busy, error, setError, submit };
}
