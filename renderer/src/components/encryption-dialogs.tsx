import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../app/context';
import { ApiError } from '../api/client';
import { Field, FormModal, useSubmit } from './Modal';
import './encryption.css';

// The passphrase dialogs: asked for when an encrypted workspace is opened, chosen when one is
// created or encrypted, and changed from the overview. A passphrase lives only in these inputs'
// state until it is sent with the call; nothing keeps it afterwards.

export const MIN_PASSPHRASE = 8;

/** A padlock drawn inline: an emoji may have no glyph in the fonts a machine has. */
export function LockIcon() {
  return (
    <svg className="lock-icon" width="10" height="12" viewBox="0 0 10 12" aria-hidden="true">
      <path d="M2.5 5.5V3.5a2.5 2.5 0 0 1 5 0v2" stroke="currentColor" strokeWidth="1.4" fill="none" />
      <rect x="0.5" y="5.5" width="9" height="6" rx="1.5" fill="currentColor" />
    </svg>
  );
}

/** Opens a workspace; an encrypted one asks for its passphrase instead of failing. */
export async function openEngagement(wb: ReturnType<typeof useWorkbench>, path: string, askPassphrase: (path: string) => void): Promise<'opened' | 'asked'> {
  try {
    await wb.api['engagement.open']({ path });
  } catch (err) {
    if (!(err instanceof ApiError) || err.wire.code !== 'WORKSPACE_PASSPHRASE_REQUIRED') throw err;
    askPassphrase(path);
    return 'asked';
  }
  wb.navigate('/e/overview');
  return 'opened';
}

/** A new passphrase typed twice; `problem` says what is wrong with it, or null when it may be used. */
export function useNewPassphrase() {
  const { t } = useTranslation('encryption');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const problem = [...first].length < MIN_PASSPHRASE ? t('tooShort') : first !== second ? t('mismatch') : null;
  const fields = (label: string) => (
    <>
      <Field label={label} help={t('help.choose')}>
        <input type="password" autoComplete="new-password" value={first} onChange={(e) => setFirst(e.target.value)} name="new-passphrase" />
      </Field>
      <Field label={t('fields.confirm')}>
        <input type="password" autoComplete="new-password" value={second} onChange={(e) => setSecond(e.target.value)} name="confirm-passphrase" />
      </Field>
      <p className="passphrase-warning" role="note">
        {t('help.forget')}
      </p>
    </>
  );
  return { value: first, problem, fields };
}

export function UnlockDialog({ path, onClose }: { path: string; onClose: () => void }) {
  const { t } = useTranslation('encryption');
  const wb = useWorkbench();
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await wb.api['engagement.open']({ path, passphrase });
    onClose();
    wb.navigate('/e/overview');
  });
  return (
    <FormModal
      id="unlock-engagement"
      title={t('unlock.title')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('unlock.submit')}
      submitTestId="unlock-open"
      busy={busy}
      error={error}
    >
      <p className="muted unlock-path">{t('unlock.body', { path })}</p>
      <Field label={t('fields.passphrase')}>
        <input type="password" autoFocus autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} name="passphrase" />
      </Field>
    </FormModal>
  );
}

export function EncryptDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('encryption');
  const wb = useWorkbench();
  const next = useNewPassphrase();
  const [done, setDone] = useState(false);
  const { busy, error, setError, submit } = useSubmit(async () => {
    await wb.api['engagement.encrypt']({ passphrase: next.value });
    setDone(true);
  });
  return (
    <FormModal
      id="encrypt-engagement"
      title={t('encrypt.title')}
      onClose={onClose}
      onSubmit={() => (next.problem ? setError(new Error(next.problem)) : submit())}
      submitLabel={t('encrypt.submit')}
      submitTestId="encrypt-submit"
      busy={busy}
      error={error}
      footer={
        done ? (
          <button className="btn btn-primary" onClick={onClose}>
            {t('common:actions.dismiss')}
          </button>
        ) : undefined
      }
    >
      {done ? (
        <p className="success">{t('encrypt.done')}</p>
      ) : (
        <>
          <p className="muted">{t('encrypt.body')}</p>
          {next.fields(t('fields.passphrase'))}
        </>
      )}
    </FormModal>
  );
}

export function ChangePassphraseDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('encryption');
  const wb = useWorkbench();
  const [current, setCurrent] = useState('');
  const next = useNewPassphrase();
  const [done, setDone] = useState(false);
  const { busy, error, setError, submit } = useSubmit(async () => {
    await wb.api['engagement.changePassphrase']({ current, next: next.value });
    setDone(true);
  });
  return (
    <FormModal
      id="change-passphrase"
      title={t('change.title')}
      onClose={onClose}
      onSubmit={() => (next.problem ? setError(new Error(next.problem)) : submit())}
      submitLabel={t('change.submit')}
      submitTestId="change-passphrase-submit"
      busy={busy}
      error={error}
      footer={
        done ? (
          <button className="btn btn-primary" onClick={onClose}>
            {t('common:actions.dismiss')}
          </button>
        ) : undefined
      }
    >
      {done ? (
        <p className="success">{t('change.done')}</p>
      ) : (
        <>
          <Field label={t('fields.current')}>
            <input
              type="password"
              autoFocus
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              name="current-passphrase"
            />
          </Field>
          {next.fields(t('fields.newPassphrase'))}
        </>
      )}
    </FormModal>
  );
}
