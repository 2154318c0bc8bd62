import { Menu, app, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Engine } from '../backend/engine/engine';
import type { AppInfo, RecentEngagement } from '../../shared/domain/engagement';
import { IPC_MENU_CHANNEL, type MenuCommand } from '../../shared/contract/shell';
import { menuLabels } from './menu-labels';

/** Native menu; every item forwards a command to the page, which owns the flow (and its errors). */
export async function buildMenu(engine: Engine, getWindow: () => BrowserWindow | null): Promise<void> {
  const [infoEnv, recentEnv] = await Promise.all([engine.call('app.info', {}), engine.call('engagement.recent', {})]);
  const locale = infoEnv.ok ? (infoEnv.value as AppInfo).locale : 'zh-CN';
  const t = menuLabels[locale];
  const send = (cmd: MenuCommand) => getWindow()?.webContents.send(IPC_MENU_CHANNEL, cmd);
  const recent = (recentEnv.ok ? (recentEnv.value as RecentEngagement[]) : []).filter((r) => r.exists);
  const template: MenuItemConstructorOptions[] = [
    {
      label: t.file,
      submenu: [
        { label: t.new, accelerator: 'CmdOrCtrl+N', click: () => send({ command: 'new' }) },
        { label: t.open, accelerator: 'CmdOrCtrl+O', click: () => send({ command: 'open' }) },
        {
          label: t.recent,
          submenu: recent.length
            ? recent.map((r) => ({ label: `${r.clientName} — ${r.path}`, click: () => send({ command: 'openRecent', path: r.path }) }))
            : [{ label: t.none, enabled: false }],
        },
        { label: t.demo, click: () => send({ command: 'demo' }) },
        { type: 'separator' },
        { label: t.backup, click: () => send({ command: 'backup' }) },
        { label: t.close, accelerator: 'CmdOrCtrl+W', click: () => send({ command: 'close' }) },
        { type: 'separator' },
        { role: 'quit', label: t.quit },
      ],
    },
    { role: 'editMenu', label: t.edit },
    {
      label: t.view,
      submenu: [
        { label: '中文', type: 'radio', checked: locale === 'zh-CN', click: () => send({ command: 'setLocale', locale: 'zh-CN' }) },
        { label: 'English', type: 'radio', checked: locale === 'en', click: () => send({ command: 'setLocale', locale: 'en' }) },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
