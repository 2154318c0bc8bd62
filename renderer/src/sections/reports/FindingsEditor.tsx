import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingsList } from '../../../../shared/contract/findings';
import type { Locale } from '../../../../shared/errors';
import type { ReviewedFinding } from '../../../../shared/findings/types';
import { useWorkbench } from '../../app/context';

interface Props {
  /** The report's language: the wording edited and shown is this language's. */
  language: Locale;
  /** Re-read when the runs the report quotes change. */
  runsKey: string;
  onChanged(): void;
}

/** The drafted findings: accept, reword, reorder or drop each; the accepted ones lead the PDF, the deck and the workbook. */
export function FindingsEditor({ language, runsKey, onChanged }: Props) {
  const { t, i18n } = useTranslation('findings');
  const wb = useWorkbench();
  const [list, setList] = useState<FindingsList | null>(null);
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    wb.api['findings.list']({}).then((l) => live && setList(l), wb.reportError);
    return () => {
      live = false;
    };
  }, [wb.api, wb.reportError, wb.workspace?.path, runsKey]);

  const apply = useCallback(
    async (call: () => Promise<FindingsList>) => {
      setBusy(true);
      try {
        setList(await call());
        onChanged();
      } catch (err) {
        wb.reportError(err);
      } finally {
        setBusy(false);
      }
    },
    [wb, onChanged],
  );
  const decide = (id: string, change: { status?: ReviewedFinding['status']; text?: Partial<Record<Locale, string | null>> }) =>
    void apply(() => wb.api['findings.decide']({ changes: [{ id, ...change }] }));
  const move = (id: string, by: -1 | 1) => {
    if (!list) return;
    const ids = list.findings.filter((f) => f.status === 'accepted').map((f) => f.id);
    const at = ids.indexOf(id);
    const to = at + by;
    if (at < 0 || to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    void apply(() => wb.api['findings.order']({ ids }));
  };

  if (!list) return <div className="card muted">…</div>;
  const accepted = list.findings.filter((f) => f.status === 'accepted');
  const currency = wb.workspace?.meta.currency ?? 'CNY';
  const money = new Intl.NumberFormat(i18n.language, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 });
  const figure = (f: ReviewedFinding) =>
    f.figure.format === 'percent'
      ? new Intl.NumberFormat(i18n.language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(f.figure.value)
      : f.figure.format === 'currency'
        ? money.format(f.figure.value)
        : new Intl.NumberFormat(
            i18n.language,
            f.figure.decimals !== undefined ? { minimumFractionDigits: f.figure.decimals, maximumFractionDigits: f.figure.decimals } : {},
          ).format(f.figure.value);
  return (
    <div className="card" data-testid="findings-editor">
      <div className="card-header">
        <h2>{t('ui.title')}</h2>
        <span className="muted small">{t('ui.accepted', { n: accepted.length })}</span>
      </div>
      <p className="muted small rp-intro">
        {t('ui.hint')} {t('ui.minimum', { min: list.minCustomers })}
      </p>
      {list.findings.length === 0 ? <p className="muted">{t('ui.none')}</p> : null}
      {accepted.length === 0 && list.findings.length > 0 ? <p className="muted small">{t('ui.draftNote', { n: 5 })}</p> : null}
      <ol className="fd-list">
        {list.findings.map((f) => {
          const acceptedAt = accepted.findIndex((a) => a.id === f.id);
          return (
            <li key={f.id} className={`fd-item fd-${f.status}${f.weak ? ' fd-weak' : ''}`} data-testid={`finding-${f.id}`}>
              <div className="fd-head">
                <span className={`badge${f.status === 'accepted' ? ' badge-green' : ''}`}>{t(`statuses.${f.status}`)}</span>
                {f.weak ? (
                  <span className="badge badge-yellow" title={f.weakReason ?? ''}>
                    {t('ui.weak')}
                  </span>
                ) : null}
                {f.edited ? <span className="badge">{t('ui.edited')}</span> : null}
                {f.outdated ? <span className="badge badge-red">{t('ui.outdated')}</span> : null}
                <span className="fd-value">{figure(f)}</span>
                <span className="fd-figure">
                  {t('ui.impact')}: {money.format(f.materiality)}
                </span>
              </div>
              {editing?.id === f.id ? (
                <div className="fd-edit">
                  <textarea value={editing.text} rows={3} onChange={(e) => setEditing({ id: f.id, text: e.target.value })} data-testid="finding-text" />
                  <div className="fd-actions">
                    <button
                      className="btn btn-primary"
                      disabled={busy}
                      onClick={() => {
                        decide(f.id, { text: { [language]: editing.text } });
                        setEditing(null);
                      }}
                      data-testid="finding-save"
                    >
                      {t('ui.save')}
                    </button>
                    <button className="btn btn-ghost" onClick={() => setEditing(null)}>
                      {t('ui.cancel')}
                    </button>
                  </div>
                </div>
              ) : (
                <p className="fd-text">{f.text[language]}</p>
              )}
              <dl className="fd-meta muted small">
                <dt>{t('ui.formula')}</dt>
                <dd>{f.formula[language]}</dd>
                <dt>{t('ui.evidence')}</dt>
                <dd>{f.evidence.chart[language]}</dd>
                <dt>{t('ui.action')}</dt>
                <dd>{f.action.text[language]}</dd>
              </dl>
              <div className="fd-actions">
                {f.status !== 'accepted' ? (
                  <button className="btn" disabled={busy} onClick={() => decide(f.id, { status: 'accepted' })} data-testid="finding-accept">
                    {t('ui.accept')}
                  </button>
                ) : null}
                {f.status !== 'dropped' ? (
                  <button className="btn btn-ghost" disabled={busy} onClick={() => decide(f.id, { status: 'dropped' })} data-testid="finding-drop">
                    {t('ui.drop')}
                  </button>
                ) : (
                  <button className="btn btn-ghost" disabled={busy} onClick={() => decide(f.id, { status: 'proposed' })}>
                    {t('ui.restore')}
                  </button>
                )}
                <button className="btn btn-ghost" disabled={busy} onClick={() => setEditing({ id: f.id, text: f.text[language] })} data-testid="finding-edit">
                  {t('ui.edit')}
                </button>
                {f.edited ? (
                  <button className="btn btn-ghost" disabled={busy} onClick={() => decide(f.id, { text: { [language]: null } })}>
                    {t('ui.resetText')}
                  </button>
                ) : null}
                {acceptedAt >= 0 ? (
                  <>
                    <button
                      className="btn btn-ghost"
                      disabled={busy || acceptedAt === 0}
                      onClick={() => move(f.id, -1)}
                      aria-label={t('ui.up')}
                      title={t('ui.up')}
                    >
                      ↑
                    </button>
                    <button
                      className="btn btn-ghost"
                      disabled={busy || acceptedAt === accepted.length - 1}
                      onClick={() => move(f.id, 1)}
                      aria-label={t('ui.down')}
                      title={t('ui.down')}
                    >
                      ↓
                    </button>
                  </>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
