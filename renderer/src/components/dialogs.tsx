import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../app/context';
import { callShell } from '../api/client';
import { Field, FormModal, useSubmit } from './Modal';
import { ChangePassphraseDialog, EncryptDialog, UnlockDialog, openEngagement, useNewPassphrase } from './encryption-dialogs';
import { DocumentsPicker } from './DocumentsPicker';
import { currencyCodes, currencyName, currencySymbol } from '../../../shared/display/numbers';

const COMMON_CURRENCIES = ['CNY', 'HKD', 'USD', 'EUR', 'JPY', 'SGD', 'TWD', 'MOP', 'GBP'];

export type DialogKind = 'new' | 'open' | 'demo' | 'backup' | 'unlock' | 'encrypt' | 'changePassphrase';

// One dialog at a time, opened from page buttons and from the native menu alike.
let current: DialogKind | null = null;
/** The encrypted file the unlock dialog asks the passphrase of. */
let unlockPath = '';
const subscribers = new Set<() => void>();
export function openDialog(kind: DialogKind | null): void {
  current = kind;
  for (const s of subscribers) s();
}
export function askPassphrase(path: string): void {
  unlockPath = path;
  openDialog('unlock');
}
function useDialog(): DialogKind | null {
  return useSyncExternalStore(
    (cb) => {
      subscribers.add(cb);
      return () => subscribers.delete(cb);
    },
    () => current,
  );
}

function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return `${dir.replace(/[\\/]+$/, '')}${sep}${name}`;
}

function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'engagement';
}

export function DialogHost() {
  const kind = useDialog();
  const close = () => openDialog(null);
  switch (kind) {
    case 'new':
      return <NewDialog onClose={close} />;
    case 'open':
      return <OpenDialog onClose={close} />;
    case 'demo':
      return <DemoDialog onClose={close} />;
    case 'backup':
      return <BackupDialog onClose={close} />;
    case 'unlock':
      return <UnlockDialog key={unlockPath} path={unlockPath} onClose={close} />;
    case 'encrypt':
      return <EncryptDialog onClose={close} />;
    case 'changePassphrase':
      return <ChangePassphraseDialog onClose={close} />;
    case null:
      return null;
  }
}

/** "Open": the native dialog in Electron; a path field in browser mode. */
export async function startOpen(wb: ReturnType<typeof useWorkbench>): Promise<void> {
  const picked = await callShell(wb.transport, 'dialog.openWorkspace', {});
  if (picked === undefined) return openDialog('open');
  if (picked === null) return;
  await openEngagement(wb, picked, askPassphrase);
}

function NewDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const [clientName, setClientName] = useState('');
  const [industry, setIndustry] = useState('');
  const [consultant, setConsultant] = useState('');
  const [currency, setCurrency] = useState('CNY');
  const [locale, setLocale] = useState(wb.locale);
  const [path, setPath] = useState('');
  const [encrypt, setEncrypt] = useState(false);
  const passphrase = useNewPassphrase();
  const suggested = joinPath(wb.app.defaultDir, `${safeFileName(clientName || 'engagement')}.rwb`);
  const { busy, error, setError, submit } = useSubmit(async () => {
    await wb.api['engagement.create']({
      path: path.trim() || suggested,
      meta: { clientName, industry: industry || null, consultant: consultant || null, currency, locale },
      ...(encrypt ? { passphrase: passphrase.value } : {}),
    });
    onClose();
    wb.navigate('/e/overview');
  });

  async function browse() {
    const picked = await callShell(wb.transport, 'dialog.saveWorkspace', { suggestedName: `${safeFileName(clientName)}.rwb` });
    if (picked) setPath(picked);
  }

  return (
    <FormModal
      id="new-engagement"
      title={t('newDialog.title')}
      onClose={onClose}
      onSubmit={() =>
        !clientName.trim() ? setError(new Error(t('newDialog.required'))) : encrypt && passphrase.problem ? setError(new Error(passphrase.problem)) : submit()
      }
      submitLabel={t('actions.create')}
      submitTestId="create-engagement"
      busy={busy}
      error={error}
    >
      <Field label={t('newDialog.clientName')}>
        <input
          autoFocus
          value={clientName}
          onChange={(e) => setClientName(e.target.value)}
          placeholder={t('newDialog.clientNamePlaceholder')}
          name="clientName"
        />
      </Field>
      <Field label={t('newDialog.industry')}>
        <input value={industry} onChange={(e) => setIndustry(e.target.value)} name="industry" />
      </Field>
      <Field label={t('newDialog.consultant')}>
        <input value={consultant} onChange={(e) => setConsultant(e.target.value)} name="consultant" />
      </Field>
      <div className="form-row">
        <Field label={t('newDialog.currency')}>
          <select value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {/* Every ISO 4217 code Intl knows, with its symbol and name; the usual ones first. */}
            {[...COMMON_CURRENCIES, ...currencyCodes().filter((c) => !COMMON_CURRENCIES.includes(c))].map((c) => (
              <option key={c} value={c}>
                {`${c} · ${currencySymbol(c, wb.locale)} · ${currencyName(c, wb.locale)}`}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('newDialog.locale')}>
          <select value={locale} onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'zh-CN')}>
            <option value="zh-CN">{t('locales.zh-CN')}</option>
            <option value="en">{t('locales.en')}</option>
          </select>
        </Field>
      </div>
      <Field label={t('newDialog.path')} help={t('newDialog.pathHelp')}>
        <div className="input-with-button">
          <input value={path} onChange={(e) => setPath(e.target.value)} placeholder={suggested} name="path" />
          {wb.transport.shell && (
            <button type="button" className="btn" onClick={() => browse().catch(setError)}>
              {t('actions.browse')}
            </button>
          )}
        </div>
      </Field>
      <label className="checkbox-field">
        <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} name="encrypt" data-testid="new-encrypt" />
        <span>{t('encryption:fields.encrypt')}</span>
      </label>
      {encrypt && passphrase.fields(t('encryption:fields.passphrase'))}
    </FormModal>
  );
}

function OpenDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const [path, setPath] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    // An encrypted file swaps this dialog for the one asking its passphrase.
    if ((await openEngagement(wb, path.trim(), askPassphrase)) === 'opened') onClose();
  });
  return (
    <FormModal
      id="open-engagement"
      title={t('openDialog.title')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('actions.openPath')}
      submitTestId="open-path"
      busy={busy}
      error={error}
    >
      {wb.transport.host === 'web' ? (
        <DocumentsPicker
          selected={path}
          onPick={setPath}
          onOpen={(p) => {
            setPath(p);
            void openEngagement(wb, p, askPassphrase).then((r) => r === 'opened' && onClose(), wb.reportError);
          }}
        />
      ) : null}
      <Field label={t('openDialog.path')} help={t('openDialog.pathHelp')}>
        <input autoFocus value={path} onChange={(e) => setPath(e.target.value)} placeholder={joinPath(wb.app.defaultDir, '….rwb')} name="path" />
      </Field>
    </FormModal>
  );
}

function DemoDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const stamp = new Date().toISOString().slice(0, 10);
  const [path, setPath] = useState(joinPath(wb.app.defaultDir, `${wb.locale === 'en' ? 'demo' : '演示项目'}-${stamp}.rwb`));
  const { busy, error, submit } = useSubmit(async () => {
    await wb.api['engagement.createDemo']({ path: path.trim() });
    onClose();
    wb.navigate('/e/overview');
  });
  return (
    <FormModal
      id="demo-engagement"
      title={t('demoDialog.title')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={busy ? t('demoDialog.creating') : t('actions.create')}
      submitTestId="create-demo"
      busy={busy}
      error={error}
    >
      <p className="muted">{t('demoDialog.help')}</p>
      <Field label={t('newDialog.path')} help={t('newDialog.pathHelp')}>
        <input value={path} onChange={(e) => setPath(e.target.value)} name="path" />
      </Field>
    </FormModal>
  );
}

function BackupDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const base = wb.workspace?.path.replace(/\.rwb$/i, '') ?? 'backup';
  const [path, setPath] = useState(`${base}-backup-${new Date().toISOString().slice(0, 10)}.rwb`);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit(async () => {
    const r = await wb.api['engagement.backup']({ destination: path.trim() });
    setDone(r.path);
  });
  return (
    <FormModal
      id="backup-engagement"
      title={t('backupDialog.title')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('actions.backup')}
      busy={busy}
      error={error}
      footer={
        done ? (
          <button className="btn btn-primary" onClick={onClose}>
            {t('actions.dismiss')}
          </button>
        ) : undefined
      }
    >
      <Field label={t('backupDialog.path')}>
        <input value={path} onChange={(e) => setPath(e.target.value)} name="path" />
      </Field>
      {done && <p className="success">{t('backupDialog.done', { path: done })}</p>}
    </FormModal>
  );
}
