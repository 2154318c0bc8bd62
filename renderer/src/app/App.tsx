import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EngineStatus, WorkbenchApi } from '../../../shared/contract';
import type { AppInfo, WorkspaceInfo, WorkspaceRecovery } from '../../../shared/domain/engagement';
import type { MenuCommand } from '../../../shared/contract/shell';
import type { Locale } from '../../../shared/errors';
import type { Transport } from '../api/transport';
import { switchLocale } from '../i18n';
import { WorkbenchContext, type Workbench } from './context';
import { ErrorBanner } from '../components/ErrorBanner';
import { EngineStatusBanner } from './EngineStatusBanner';
import { RecoveryNotice } from './RecoveryNotice';
import { HomePage } from '../pages/HomePage';
import { EngagementPage } from '../pages/EngagementPage';
import { useHashRoute } from './route';
import { DialogHost, askPassphrase, openDialog } from '../components/dialogs';
import { ApiError } from '../api/client';

interface Props {
  api: WorkbenchApi;
  transport: Transport;
  initialApp: AppInfo;
  initialWorkspace: WorkspaceInfo | null;
}

export function App({ api, transport, initialApp, initialWorkspace }: Props) {
  const [app, setApp] = useState(initialApp);
  const [workspace, setWorkspace] = useState(initialWorkspace);
  const [error, setError] = useState<unknown>(null);
  const [route, navigate] = useHashRoute();

  const [engine, setEngine] = useState<{ status: EngineStatus; hadWorkspace: boolean } | null>(null);
  const workspaceRef = useRef(workspace);
  workspaceRef.current = workspace;

  const [recovery, setRecovery] = useState<WorkspaceRecovery | null>(initialWorkspace?.recovery ?? null);
  useEffect(
    () =>
      transport.on('engagement.changed', ({ info }) => {
        setWorkspace(info);
        setRecovery(info?.recovery ?? null);
      }),
    [transport],
  );

  // The engine crashed or restarted: keep whether a workspace was open when it went down, so the
  // banner can say it must be reopened; after a restart, read what the engine has open now.
  useEffect(
    () =>
      transport.on('engine.status', (status) => {
        setEngine((prev) => ({
          status,
          hadWorkspace: status.state === 'restarted' && prev?.status.state === 'crashed' ? prev.hadWorkspace : workspaceRef.current !== null,
        }));
        if (status.state === 'restarted') api['engagement.current']({}).then(setWorkspace, setError);
      }),
    [transport, api],
  );

  const setLocale = useCallback(
    async (locale: Locale) => {
      setApp(await api['app.setLocale']({ locale }));
      await switchLocale(locale);
    },
    [api],
  );

  const refreshWorkspace = useCallback(async () => setWorkspace(await api['engagement.current']({})), [api]);

  const wb: Workbench = useMemo(
    () => ({ api, transport, app, workspace, locale: app.locale, setLocale, refreshWorkspace, navigate, route, reportError: setError }),
    [api, transport, app, workspace, setLocale, refreshWorkspace, navigate, route],
  );

  // Native menu commands (Electron) arrive here and reuse the same flows as the page buttons.
  useEffect(() => {
    if (!transport.onMenu) return;
    return transport.onMenu((cmd: MenuCommand) => {
      switch (cmd.command) {
        case 'new':
        case 'open':
        case 'demo':
        case 'backup':
          openDialog(cmd.command);
          return;
        case 'openRecent':
          // An encrypted workspace asks for its passphrase instead of failing.
          api['engagement.open']({ path: cmd.path }).then(
            () => navigate('/e/overview'),
            (err: unknown) => (err instanceof ApiError && err.wire.code === 'WORKSPACE_PASSPHRASE_REQUIRED' ? askPassphrase(cmd.path) : setError(err)),
          );
          return;
        case 'close':
          api['engagement.close']({}).then(() => navigate('/'), setError);
          return;
        case 'setLocale':
          void setLocale(cmd.locale);
          return;
      }
    });
  }, [transport, api, navigate, setLocale]);

  const inEngagement = route.startsWith('/e/') && workspace !== null;
  return (
    <WorkbenchContext.Provider value={wb}>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <RecoveryNotice recovery={recovery} onDismiss={() => setRecovery(null)} />
      <EngineStatusBanner status={engine?.status ?? null} hadWorkspace={engine?.hadWorkspace ?? false} onDismiss={() => setEngine(null)} />
      {inEngagement ? <EngagementPage /> : <HomePage />}
      <DialogHost />
    </WorkbenchContext.Provider>
  );
}
