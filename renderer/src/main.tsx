import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { detectTransport } from './api/transport';
import { createApi } from './api/client';
import { initI18n } from './i18n';
import { App } from './app/App';
import './styles.css';

async function boot(): Promise<void> {
  const transport = detectTransport();
  const api = createApi(transport);
  const root = createRoot(document.getElementById('root')!);
  try {
    const [app, workspace] = await Promise.all([api['app.info']({}), api['engagement.current']({})]);
    initI18n(app.locale);
    document.body.dataset.host = transport.host;
    root.render(
      <StrictMode>
        <App api={api} transport={transport} initialApp={app} initialWorkspace={workspace} />
      </StrictMode>,
    );
  } catch (err) {
    // Without the engine there is nothing to show; say so in both languages.
    root.render(
      <div className="boot-error">
        <h1>无法连接到工作台引擎 · Cannot reach the workbench engine</h1>
        <p>{err instanceof Error ? err.message : String(err)}</p>
        <p>浏览器模式需要使用 `rwb serve` 打印的完整链接（含 token）。In browser mode, open the full URL printed by `rwb serve` (it carries the token).</p>
      </div>,
    );
  }
}

void boot();
