import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS } from '../../../shared/domain/entities';
import { useWorkbench, useWorkspace } from '../app/context';
import { formatBytes, formatInt } from '../format';
import { Field } from '../components/Modal';
import { openDialog } from '../components/dialogs';
import { LockIcon } from '../components/encryption-dialogs';
import { OverviewDashboard } from './overview/OverviewDashboard';
import { NumberDisplayCard } from './overview/NumberDisplayCard';

export function OverviewSection() {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const ws = useWorkspace();
  const [editing, setEditing] = useState(false);
  const m = ws.meta;
  return (
    <div className="section-stack">
      <OverviewDashboard />
      <div className="card">
        <div className="card-header">
          <h2>{m.clientName}</h2>
          <button className="btn" onClick={() => setEditing((v) => !v)}>
            {t('overview.editMeta')}
          </button>
        </div>
        {editing ? (
          <MetaForm onDone={() => setEditing(false)} />
        ) : (
          <dl className="meta-grid" data-testid="engagement-meta">
            <dt>{t('overview.industry')}</dt>
            <dd>{m.industry ?? t('notSet')}</dd>
            <dt>{t('overview.consultant')}</dt>
            <dd>{m.consultant ?? t('notSet')}</dd>
            <dt>{t('overview.currency')}</dt>
            <dd>{m.currency}</dd>
            <dt>{t('overview.locale')}</dt>
            <dd>{t(`locales.${m.locale}`)}</dd>
            <dt>{t('overview.startDate')}</dt>
            <dd>{m.startDate ?? t('notSet')}</dd>
            <dt>{t('overview.file')}</dt>
            <dd className="mono">{ws.path}</dd>
            <dt>{t('overview.size')}</dt>
            <dd>{formatBytes(ws.fileBytes)}</dd>
            <dt>{t('overview.schema')}</dt>
            <dd className="mono">{ws.schemaVersion}</dd>
            <dt>{t('encryption:state.label')}</dt>
            <dd data-testid="encryption-state">
              {ws.encrypted ? (
                <>
                  <LockIcon /> {t('encryption:state.on')}
                </>
              ) : (
                t('encryption:state.off')
              )}{' '}
              <button
                className="btn btn-ghost"
                data-testid={ws.encrypted ? 'change-passphrase' : 'encrypt-engagement'}
                onClick={() => openDialog(ws.encrypted ? 'changePassphrase' : 'encrypt')}
              >
                {ws.encrypted ? t('encryption:change.action') : t('encryption:encrypt.action')}
              </button>
            </dd>
          </dl>
        )}
      </div>
      <NumberDisplayCard />
      <div className="card">
        <h2>{t('overview.data')}</h2>
        <div className="kpi-grid" data-testid="entity-counts">
          {ENTITY_KINDS.map((k) => (
            <div key={k} className="kpi">
              <span className="kpi-label">{t(`entities.${k}`)}</span>
              <span className="kpi-value">{formatInt(ws.counts[k], wb.locale)}</span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

function MetaForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const m = useWorkspace().meta;
  const [clientName, setClientName] = useState(m.clientName);
  const [industry, setIndustry] = useState(m.industry ?? '');
  const [consultant, setConsultant] = useState(m.consultant ?? '');
  const [startDate, setStartDate] = useState(m.startDate ?? '');
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await wb.api['engagement.update']({
        meta: { clientName, industry: industry || null, consultant: consultant || null, startDate: startDate || null },
      });
      onDone();
    } catch (err) {
      wb.reportError(err);
    }
  }
  return (
    <form className="form-grid" onSubmit={submit}>
      <Field label={t('newDialog.clientName')}>
        <input value={clientName} onChange={(e) => setClientName(e.target.value)} />
      </Field>
      <Field label={t('newDialog.industry')}>
        <input value={industry} onChange={(e) => setIndustry(e.target.value)} />
      </Field>
      <Field label={t('newDialog.consultant')}>
        <input value={consultant} onChange={(e) => setConsultant(e.target.value)} />
      </Field>
      <Field label={t('newDialog.startDate')}>
        <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
      </Field>
      <div>
        <button className="btn btn-primary" type="submit">
          {t('actions.save')}
        </button>
      </div>
    </form>
  );
}
