import { useTranslation } from 'react-i18next';
import { useWorkbench, useWorkspace } from '../app/context';
import { sections } from '../sections/registry';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { openDialog } from '../components/dialogs';
import { CustomerCardProvider } from '../app/customer-card';
import { SavedViewsPanel, SavedViewsProvider } from '../app/saved-views';
import { ShortcutHelp, useShortcuts } from '../app/shortcuts';

export function EngagementPage() {
  const { t } = useTranslation();
  const wb = useWorkbench();
  const ws = useWorkspace();
  const id = wb.route.split('/')[2] ?? 'overview';
  const active = sections.find((s) => s.id === id) ?? sections[0]!;
  const Active = active.Component;
  const { t: tw } = useTranslation('workbench');
  const shortcuts = useShortcuts();
  // The brand link leaves the engagement: ask first (a stray click used to close it silently).
  const leave = () => {
    if (window.confirm(tw('leave.confirm', { client: ws.meta.clientName }))) wb.navigate('/');
  };
  async function close() {
    try {
      await wb.api['engagement.close']({});
      wb.navigate('/');
    } catch (err) {
      wb.reportError(err);
    }
  }
  return (
    <SavedViewsProvider>
      <CustomerCardProvider>
        <div className="shell">
          <nav className="sidebar" aria-label="sections">
            <button className="sidebar-brand" onClick={leave} title={t('app.name')} data-testid="brand-link">
              <span className="logo small" aria-hidden>
                留
              </span>
              <span>{t('app.name')}</span>
            </button>
            <ul>
              {sections.map((s) => (
                <li key={s.id}>
                  <button className={s.id === active.id ? 'active' : ''} data-testid={`nav-${s.id}`} onClick={() => wb.navigate(`/e/${s.id}`)}>
                    <span className="nav-icon" aria-hidden>
                      {s.icon}
                    </span>
                    {t(s.labelKey)}
                  </button>
                </li>
              ))}
            </ul>
            <SavedViewsPanel />
          </nav>
          <div className="main">
            <header className="topbar">
              <div>
                <div className="topbar-title" data-testid="engagement-title">
                  {ws.meta.clientName}
                </div>
                <div className="topbar-sub mono">{ws.path}</div>
              </div>
              <div className="header-right">
                {wb.transport.host === 'web' && <span className="badge">{t('app.browserMode')}</span>}
                <button className="btn btn-ghost" onClick={() => shortcuts.setHelp(true)} title={tw('shortcuts.title')} data-testid="shortcuts-button">
                  {tw('shortcuts.button')}
                </button>
                <LanguageSwitch />
                <button className="btn" onClick={() => openDialog('backup')}>
                  {t('actions.backup')}
                </button>
                <button className="btn" data-testid="close-engagement" onClick={close}>
                  {t('actions.close')}
                </button>
              </div>
            </header>
            <main className="content">
              <h1 className="section-title">{t(active.labelKey)}</h1>
              <Active />
            </main>
            {shortcuts.help ? <ShortcutHelp onClose={() => shortcuts.setHelp(false)} /> : null}
          </div>
        </div>
      </CustomerCardProvider>
    </SavedViewsProvider>
  );
}
