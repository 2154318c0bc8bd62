import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseOutMode, CloseOutResult, CustomerEraseResult, ErasureNotes } from '../../../../shared/domain/privacy';
import { useWorkbench, useWorkspace } from '../../app/context';
import { callShell } from '../../api/client';
import { AuditChainStatus } from './AuditChainStatus';
import './privacy.css';

/** The certificate's default place: beside the workspace, under a name the wipe never matches. */
function defaultCertificate(path: string): string {
  return `${path.replace(/\.rwb$/i, '')}-close-out-certificate`;
}

const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

/** 数据与隐私: the end-of-engagement close-out, erasure on request and the audit chain's check. */
export function PrivacySection() {
  const { t } = useTranslation('privacy');
  const wb = useWorkbench();
  const ws = useWorkspace();
  const [mode, setMode] = useState<CloseOutMode>('personalFields');
  const [certificate, setCertificate] = useState(defaultCertificate(ws.path));
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CloseOutResult | null>(null);
  const [key, setKey] = useState('');
  const [erased, setErased] = useState<{ key: string; result: CustomerEraseResult } | null>(null);
  const [checked, setChecked] = useState(0);
  const [notes, setNotes] = useState<ErasureNotes | null>(null);
  useEffect(() => {
    let live = true;
    wb.api['privacy.erasures']({}).then((n) => live && setNotes(n), wb.reportError);
    return () => {
      live = false;
    };
  }, [wb.api, wb.reportError, checked]);
  const annotated = notes
    ? (Object.entries(notes) as [keyof ErasureNotes, Record<string, number>][]).flatMap(([kind, runs]) =>
        Object.entries(runs).map(([id, n]) => ({ kind, id, n })),
      )
    : [];

  const choose = async () => {
    const picked = await callShell(wb.transport, 'dialog.saveFile', {
      suggestedName: `${defaultCertificate(ws.path).split(/[\\/]/).pop() ?? 'certificate'}.json`,
      kind: 'json',
    });
    if (picked) setCertificate(picked);
  };

  const closeOut = async () => {
    setBusy(true);
    try {
      const r = await wb.api['engagement.closeOut']({ mode, confirm: true, ...(certificate.trim() ? { certificate: certificate.trim() } : {}) });
      // The workspace is gone: back to the start page, which no longer lists it.
      if (r.mode === 'workspace') {
        wb.navigate('/');
        return;
      }
      setDone(r);
      setUnderstood(false);
      setChecked((n) => n + 1);
    } catch (err) {
      wb.reportError(err);
    } finally {
      setBusy(false);
    }
  };

  const erase = async () => {
    const k = key.trim();
    if (!k || !window.confirm(t('erase.confirm', { key: k }))) return;
    try {
      setErased({ key: k, result: await wb.api['customers.erase']({ customerKey: k }) });
      setKey('');
      setChecked((n) => n + 1);
    } catch (err) {
      wb.reportError(err);
    }
  };

  return (
    <div className="section-stack privacy-section" data-testid="privacy-section">
      <div className="card" data-testid="privacy-close-out">
        <h2>{t('closeOut.title')}</h2>
        <p className="muted">{t('intro')}</p>
        <div className="privacy-modes" role="radiogroup" aria-label={t('closeOut.modeTitle')}>
          {(['personalFields', 'workspace'] as const).map((m) => (
            <label key={m} className={`privacy-mode${mode === m ? ' is-selected' : ''}`}>
              <input type="radio" name="close-out-mode" checked={mode === m} onChange={() => setMode(m)} data-testid={`close-out-${m}`} />
              <span className="field-label">{t(m === 'workspace' ? 'closeOut.workspace' : 'closeOut.personalFields')}</span>
              <span className="field-help">{t(m === 'workspace' ? 'closeOut.workspaceHelp' : 'closeOut.personalFieldsHelp')}</span>
            </label>
          ))}
        </div>
        <label className="field">
          <span className="field-label">{t('closeOut.certificate')}</span>
          <span className="input-with-button">
            <input className="privacy-grow" value={certificate} onChange={(e) => setCertificate(e.target.value)} data-testid="close-out-certificate" />
            {wb.transport.host !== 'web' && (
              <button type="button" className="btn" onClick={() => void choose().catch(wb.reportError)}>
                {t('closeOut.choose')}
              </button>
            )}
          </span>
          <span className="field-help">{t('closeOut.certificateHelp')}</span>
        </label>
        <label className="privacy-confirm">
          <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} data-testid="close-out-understood" />
          {t('closeOut.confirm')}
        </label>
        <div>
          <button type="button" className="btn btn-danger" disabled={!understood || busy} onClick={() => void closeOut()} data-testid="close-out-run">
            {t('closeOut.run')}
          </button>
        </div>
        {done && (
          <p className="privacy-result" data-testid="close-out-result">
            {done.mode === 'workspace'
              ? t('closeOut.deleted', { files: done.filesDeleted.length })
              : t('closeOut.done', { fields: sum(done.cleared), rows: sum(done.rowsDeleted) })}
            {done.certificate && <span className="muted small"> {t('closeOut.certificateWritten', { path: done.certificate.text })}</span>}
          </p>
        )}
      </div>

      <div className="card" data-testid="privacy-erase">
        <h2>{t('erase.title')}</h2>
        <p className="muted">{t('erase.help')}</p>
        <label className="field">
          <span className="field-label">{t('erase.key')}</span>
          <span className="input-with-button">
            <input value={key} onChange={(e) => setKey(e.target.value)} data-testid="erase-key" />
            <button type="button" className="btn btn-danger" disabled={!key.trim()} onClick={() => void erase()} data-testid="erase-run">
              {t('erase.run')}
            </button>
          </span>
        </label>
        {erased && <p className="privacy-result">{t('erase.done', { key: erased.key, rows: sum(erased.result.rowsDeleted) })}</p>}
        {annotated.length > 0 && (
          <div className="privacy-notes" data-testid="erasure-notes">
            <span className="field-label">{t('erase.notesTitle')}</span>
            <ul>
              {annotated.map((a) => (
                <li key={`${a.kind}-${a.id}`}>{t('erase.note', { kind: t(`erase.kinds.${a.kind}`), id: a.id, n: a.n })}</li>
              ))}
            </ul>
          </div>
        )}
      </div>

      <div className="card">
        <h2>{t('audit.title')}</h2>
        <AuditChainStatus refresh={checked} />
      </div>
    </div>
  );
}
