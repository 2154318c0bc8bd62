import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../app/context';
import { callShell } from '../api/client';
import { Modal, Field } from './Modal';
import { InlineError } from './ErrorBanner';

export type DialogKind = 'new' | 'open' | 'demo' | 'backup';

// One dialog at a time, opened from page buttons and from the native menu alike.
let current: DialogKind | null = null;
const subscribers = new Set<() => void>();
export function openDialog(kind: DialogKind | null): void {
  current = kind;
  for (const s of subscribers) s();
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
    case null:
      return null;
  }
}

/** "Open": the native dialog in Electron; a path field in browser mode. */
export async function startOpen(wb: ReturnType<typeof useWorkbench>): Promise<void> {
  const picked = await callShell<string>(wb.transport, 'dialog.openWorkspace', {});
  if (picked === undefined) return openDialog('open');
  if (picked === null) return;
  await wb.api['engagement.open']({ path: picked });
  wb.navigate('/e/overview');
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const suggested = joinPath(wb.app.defaultDir, `${safeFileName(clientName || 'engagement')}.rwb`);

  async function browse() {
    const picked = await callShell<string>(wb.transport, 'dialog.saveWorkspace', { suggestedName: `${safeFileName(clientName)}.rwb` });
    if (picked) setPath(picked);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!clientName.trim()) return setError(new Error(t('newDialog.required')));
    setBusy(true);
    setError(null);
    try {
      await wb.api['engagement.create']({
        path: path.trim() || suggested,
        meta: { clientName, industry: industry || null, consultant: consultant || null, currency, locale },
      });
      onClose();
      wb.navigate('/e/overview');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={t('newDialog.title')}
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose} type="button">{t('actions.cancel')}</button>
          <button className="btn btn-primary" type="submit" form="new-engagement" disabled={busy} data-testid="create-engagement">
            {t('actions.create')}
          </button>
        </>
      }
    >
      <form id="new-engagement" onSubmit={submit} className="form-grid">
        <Field label={t('newDialog.clientName')}>
          <input autoFocus value={clientName} onChange={(e) => setClientName(e.target.value)} placeholder={t('newDialog.clientNamePlaceholder')} name="clientName" />
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
              {['CNY', 'HKD', 'USD', 'EUR', 'JPY'].map((c) => <option key={c}>{c}</option>)}
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
            {wb.transport.shell && <button type="button" className="btn" onClick={browse}>{t('actions.browse')}</button>}
          </div>
        </Field>
        <InlineError error={error} />
      </form>
    </Modal>
  );
}

function OpenDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const [path, setPath] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await wb.api['engagement.open']({ path: path.trim() });
      onClose();
      wb.navigate('/e/overview');
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Modal
      title={t('openDialog.title')}
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose} type="button">{t('actions.cancel')}</button>
          <button className="btn btn-primary" type="submit" form="open-engagement" data-testid="open-path">{t('actions.openPath')}</button>
        </>
      }
    >
      <form id="open-engagement" onSubmit={submit} className="form-grid">
        <Field label={t('openDialog.path')} help={t('openDialog.pathHelp')}>
          <input autoFocus value={path} onChange={(e) => setPath(e.target.value)} placeholder={joinPath(wb.app.defaultDir, '….rwb')} name="path" />
        </Field>
        <InlineError error={error} />
      </form>
    </Modal>
  );
}

function DemoDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const stamp = new Date().toISOString().slice(0, 10);
  const [path, setPath] = useState(joinPath(wb.app.defaultDir, `${wb.locale === 'en' ? 'demo' : '演示项目'}-${stamp}.rwb`));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await wb.api['engagement.createDemo']({ path: path.trim() });
      onClose();
      wb.navigate('/e/overview');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      title={t('demoDialog.title')}
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose} type="button">{t('actions.cancel')}</button>
          <button className="btn btn-primary" type="submit" form="demo-engagement" disabled={busy} data-testid="create-demo">
            {busy ? t('demoDialog.creating') : t('actions.create')}
          </button>
        </>
      }
    >
      <form id="demo-engagement" onSubmit={submit} className="form-grid">
        <p className="muted">{t('demoDialog.help')}</p>
        <Field label={t('newDialog.path')} help={t('newDialog.pathHelp')}>
          <input value={path} onChange={(e) => setPath(e.target.value)} name="path" />
        </Field>
        <InlineError error={error} />
      </form>
    </Modal>
  );
}

function BackupDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const base = wb.workspace?.path.replace(/\.rwb$/i, '') ?? 'backup';
  const [path, setPath] = useState(`${base}-backup-${new Date().toISOString().slice(0, 10)}.rwb`);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const r = await wb.api['engagement.backup']({ destination: path.trim() });
      setDone(r.path);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Modal
      title={t('backupDialog.title')}
      onClose={onClose}
      footer={
        done ? (
          <button className="btn btn-primary" onClick={onClose}>{t('actions.dismiss')}</button>
        ) : (
          <>
            <button className="btn" onClick={onClose} type="button">{t('actions.cancel')}</button>
            <button className="btn btn-primary" type="submit" form="backup-engagement">{t('actions.backup')}</button>
          </>
        )
      }
    >
      <form id="backup-engagement" onSubmit={submit} className="form-grid">
        <Field label={t('backupDialog.path')}>
          <input value={path} onChange={(e) => setPath(e.target.value)} name="path" />
        </Field>
        {done && <p className="success">{t('backupDialog.done', { path: done })}</p>}
        <InlineError error={error} />
      </form>
    </Modal>
  );
}
