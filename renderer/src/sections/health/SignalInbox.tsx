import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignalRow, SignalStatus } from '../../../../shared/contract/health';
import { SEVERITIES, type Severity } from '../../../../shared/health/vocabulary';
import { useWorkbench } from '../../app/context';
import { Modal, Field } from '../../components/Modal';
import { SeverityBadge } from './BandBadge';

interface Props {
  version: number;
  onChanged(): void;
  onOpenCustomer(key: string): void;
}

const ORDER: Severity[] = [...SEVERITIES].reverse(); // heavy first
const PAGE = 60;

type Column = { items: SignalRow[]; total: number };
const EMPTY: Record<Severity, Column> = { heavy: { items: [], total: 0 }, medium: { items: [], total: 0 }, light: { items: [], total: 0 } };

/**
 * The signal inbox: one column per severity, each read a page at a time from the engine
 * (signals.list with the severity), so 100,000 open signals never travel to the page whole.
 */
export function SignalInbox({ version, onChanged, onOpenCustomer }: Props) {
  const { t } = useTranslation('health');
  const wb = useWorkbench();
  const [status, setStatus] = useState<SignalStatus>('open');
  const [columns, setColumns] = useState<Record<Severity, Column> | null>(null);
  const [counts, setCounts] = useState<Record<Severity, number>>({ heavy: 0, medium: 0, light: 0 });
  const [dismissing, setDismissing] = useState<SignalRow | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all(ORDER.map((severity) => wb.api['signals.list']({ status, severity, limit: PAGE, offset: 0 }))).then((pages) => {
      if (!live) return;
      const next = { ...EMPTY };
      ORDER.forEach((sev, i) => (next[sev] = { items: pages[i]!.items, total: pages[i]!.total }));
      setColumns(next);
      setCounts(pages[0]!.counts);
    }, wb.reportError);
    return () => {
      live = false;
    };
  }, [wb.api, wb.reportError, status, version, tick]);

  const more = async (severity: Severity) => {
    const have = columns?.[severity].items.length ?? 0;
    try {
      const page = await wb.api['signals.list']({ status, severity, limit: PAGE, offset: have });
      setColumns((c) => (c ? { ...c, [severity]: { items: [...c[severity].items.slice(0, have), ...page.items], total: page.total } } : c));
    } catch (err) {
      wb.reportError(err);
    }
  };

  return (
    <div className="section-stack" data-testid="signal-inbox">
      <div className="inbox-filter">
        {(['open', 'dismissed', 'resolved'] as const).map((s) => (
          <button key={s} className={`chip ${status === s ? 'active' : ''}`} data-testid={`signals-status-${s}`} onClick={() => setStatus(s)}>
            {t(`ui.signalStatus.${s}`)}
          </button>
        ))}
        <span className="muted small">{t('ui.signals.hint')}</span>
      </div>
      {columns === null ? (
        <div className="card">
          <p className="muted">{t('ui.loading')}</p>
        </div>
      ) : (
        <div className="inbox-columns">
          {ORDER.map((sev) => {
            const group = columns[sev];
            return (
              <section key={sev} className={`inbox-col sev-col-${sev}`} data-testid={`inbox-${sev}`}>
                <header>
                  <SeverityBadge severity={sev} />
                  <span className="inbox-count">{counts[sev]}</span>
                </header>
                <p className="muted small sev-desc">{t(`ui.severityHelp.${sev}`)}</p>
                {group.items.length === 0 && <p className="muted small empty">{t('ui.signals.none')}</p>}
                {group.items.map((s) => (
                  <SignalCard
                    key={s.id}
                    s={s}
                    onOpenCustomer={onOpenCustomer}
                    onDismiss={() => setDismissing(s)}
                    onReopen={async () => {
                      try {
                        await wb.api['signals.reopen']({ id: s.id });
                        setTick((x) => x + 1);
                        onChanged();
                      } catch (err) {
                        wb.reportError(err);
                      }
                    }}
                  />
                ))}
                {group.total > group.items.length && (
                  <button className="btn btn-ghost more" onClick={() => void more(sev)}>
                    {t('ui.showMore', { count: group.total - group.items.length })}
                  </button>
                )}
              </section>
            );
          })}
        </div>
      )}
      {dismissing && (
        <DismissDialog
          signal={dismissing}
          onClose={() => setDismissing(null)}
          onDone={() => {
            setDismissing(null);
            setTick((x) => x + 1);
            onChanged();
          }}
        />
      )}
    </div>
  );
}

export function SignalCard({
  s,
  onOpenCustomer,
  onDismiss,
  onReopen,
}: {
  s: SignalRow;
  onOpenCustomer?(key: string): void;
  onDismiss?(): void;
  onReopen?(): void;
}) {
  const { t } = useTranslation('health');
  return (
    <article className={`signal-card sev-border-${s.severity}`} data-testid="signal-card">
      <div className="signal-head">
        <button className="link cust-name" onClick={() => onOpenCustomer?.(s.customerKey)}>
          {s.customerName}
        </button>
        <span className="muted small">{s.triggeredOn ? t('ui.signals.since', { date: s.triggeredOn }) : t('ui.signals.asOf', { date: s.asOf })}</span>
      </div>
      <div className="signal-rule">{t(`signals.${s.ruleId}.name`)}</div>
      <p className="signal-evidence">{t(s.evidence.messageKey, s.evidence.params)}</p>
      <p className="signal-response small">
        <span className="muted">{t('ui.signals.response')}</span> {t(`signals.${s.ruleId}.response`)}
      </p>
      {s.status === 'dismissed' && s.dismissedReason && (
        <p className="small dismissed-note">{t('ui.signals.dismissedBecause', { reason: s.dismissedReason })}</p>
      )}
      <div className="signal-foot">
        <span className="muted small">
          {s.owner ?? ''}
          {s.actionId ? ` · ${t('ui.signals.actionOpened')}` : ''}
        </span>
        {s.status === 'open' && onDismiss && (
          <button className="btn btn-small" data-testid="signal-dismiss" onClick={onDismiss}>
            {t('ui.signals.dismiss')}
          </button>
        )}
        {s.status === 'dismissed' && onReopen && (
          <button className="btn btn-small" onClick={onReopen}>
            {t('ui.signals.reopen')}
          </button>
        )}
      </div>
    </article>
  );
}

function DismissDialog({ signal, onClose, onDone }: { signal: SignalRow; onClose(): void; onDone(): void }) {
  const { t } = useTranslation('health');
  const wb = useWorkbench();
  const [reason, setReason] = useState('');
  const presets = ['known', 'dataIssue', 'handled', 'notRelevant'] as const;
  async function submit() {
    try {
      await wb.api['signals.dismiss']({ id: signal.id, reason });
      onDone();
    } catch (err) {
      wb.reportError(err);
    }
  }
  return (
    <Modal
      title={t('ui.dismiss.title')}
      onClose={onClose}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            {t('ui.cancel')}
          </button>
          <button className="btn btn-primary" disabled={!reason.trim()} data-testid="dismiss-confirm" onClick={submit}>
            {t('ui.signals.dismiss')}
          </button>
        </>
      }
    >
      <p>
        <strong>{signal.customerName}</strong> · {t(`signals.${signal.ruleId}.name`)}
      </p>
      <p className="muted small">{t('ui.dismiss.help')}</p>
      <div className="chips">
        {presets.map((p) => (
          <button key={p} className="chip" onClick={() => setReason(t(`ui.dismiss.reasons.${p}`))}>
            {t(`ui.dismiss.reasons.${p}`)}
          </button>
        ))}
      </div>
      <Field label={t('ui.dismiss.reason')}>
        <textarea rows={3} value={reason} data-testid="dismiss-reason" onChange={(e) => setReason(e.target.value)} />
      </Field>
    </Modal>
  );
}
