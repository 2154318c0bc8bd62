import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentEngagement } from '../../../shared/domain/engagement';
import { useWorkbench } from '../app/context';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { askPassphrase, openDialog, startOpen } from '../components/dialogs';
import { LockIcon, openEngagement } from '../components/encryption-dialogs';
import { formatDateTime } from '../format';

export function HomePage() {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const [recent, setRecent] = useState<RecentEngagement[] | null>(null);

  useEffect(() => {
    wb.api['engagement.recent']({}).then(setRecent, wb.reportError);
  }, [wb.api, wb.workspace, wb.reportError]);

  async function openRecent(r: RecentEngagement) {
    // An encrypted file asks for its passphrase before anything is sent.
    if (r.encrypted) return askPassphrase(r.path);
    await openEngagement(wb, r.path, askPassphrase).catch(wb.reportError);
  }

  return (
    <div className="home">
      <header className="home-header">
        <div className="brand">
          <div className="logo" aria-hidden>
            留
          </div>
          <div>
            <h1>{t('app.name')}</h1>
            <p className="muted">{t('app.tagline')}</p>
          </div>
        </div>
        <div className="header-right">
          {wb.transport.host === 'web' && <span className="badge">{t('app.browserMode')}</span>}
          <LanguageSwitch />
        </div>
      </header>

      <main className="home-main">
        <section className="home-actions">
          <button className="action-card primary" data-testid="new-engagement" onClick={() => openDialog('new')}>
            <span className="action-icon">＋</span>
            <span>{t('actions.new')}</span>
          </button>
          <button className="action-card" data-testid="open-engagement" onClick={() => startOpen(wb).catch(wb.reportError)}>
            <span className="action-icon">⌂</span>
            <span>{t('actions.open')}</span>
          </button>
          <button className="action-card" data-testid="demo-engagement" onClick={() => openDialog('demo')}>
            <span className="action-icon">★</span>
            <span>{t('actions.demo')}</span>
          </button>
        </section>

        {wb.app.firstRun && recent?.length === 0 && (
          <div className="callout" data-testid="first-run">
            <span>{t('home.firstRun')}</span>
            <button className="btn btn-primary" onClick={() => openDialog('demo')}>
              {t('actions.demo')}
            </button>
          </div>
        )}

        <section className="card">
          <h2>{t('home.recent')}</h2>
          <p className="muted">{t('home.subtitle')}</p>
          {recent === null ? (
            <p className="muted">{t('loading')}</p>
          ) : recent.length === 0 ? (
            <p className="muted">{t('home.noRecent')}</p>
          ) : (
            <ul className="recent-list" data-testid="recent-list">
              {recent.map((r) => (
                <li key={r.path} className={r.exists ? '' : 'missing'}>
                  <button className="recent-open" disabled={!r.exists} onClick={() => void openRecent(r)}>
                    <span className="recent-name">
                      {r.clientName}
                      {r.encrypted && (
                        <span className="badge badge-lock" data-testid="recent-encrypted" title={t('encryption:state.on')}>
                          <LockIcon /> {t('encryption:badge')}
                        </span>
                      )}
                    </span>
                    <span className="recent-path">{r.path}</span>
                  </button>
                  <span className="recent-meta">{r.exists ? t('home.openedAt', { when: formatDateTime(r.openedAt, wb.locale) }) : t('home.missing')}</span>
                  <button
                    className="btn btn-ghost"
                    title={t('actions.forget')}
                    onClick={() => wb.api['engagement.forgetRecent']({ path: r.path }).then(setRecent, wb.reportError)}
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  );
}
